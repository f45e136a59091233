package org.reconnaitre.examples;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reconnaitre.badges.model.Achievement;
import org.reconnaitre.badges.model.AchievementCredential;
import org.reconnaitre.badges.model.AchievementSubject;
import org.reconnaitre.badges.model.Alignment;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Criteria;
import org.reconnaitre.badges.model.IdentityObject;
import org.reconnaitre.badges.model.OpenBadges;
import org.reconnaitre.badges.model.Profile;
import org.reconnaitre.frameworks.Alignments;
import org.reconnaitre.frameworks.Concept;
import org.reconnaitre.frameworks.Fit;
import org.reconnaitre.frameworks.Framework;
import org.reconnaitre.frameworks.Frameworks;

/**
 * Aligns a badge to the competencies of two referentials — an ESCO skill and ROME 4.0 items — and,
 * on the receiving side, reads those alignments back to tell which occupations the badge brings
 * within reach and what is still missing.
 *
 * <pre>{@code
 * Framework esco = Frameworks.esco().load(Path.of("data/esco-v1.1.1"));   // the official CSV zips
 * Framework rome = Frameworks.rome().load(Path.of("data/rome-v460"));     // the official CSVs
 * AchievementCredential badge = AlignBadgeToEscoAndRome.badge(esco, rome);
 * AlignBadgeToEscoAndRome.explain(badge, rome, System.out);
 * }</pre>
 *
 * <p>Stateless and thread-safe (frameworks are immutable and thread-safe).
 */
public final class AlignBadgeToEscoAndRome {
    /** ESCO skill "focus on passengers". */
    static final String ESCO_SKILL = "http://data.europa.eu/esco/skill/08365fba-e874-497b-aa9a-1c09d2aecd4d";
    /** ROME 4.0 items: macro-competence "Transporter des passagers", competence "Contrôler l'état de fonctionnement du véhicule". */
    static final List<String> ROME_ITEMS = List.of("300275", "110527");

    private AlignBadgeToEscoAndRome() {}

    /**
     * Loads the referentials, builds the badge and explains it in both.
     *
     * @param args the ESCO directory (or zips) and the ROME 4.0 directory
     * @throws BadgeException if a referential cannot be loaded
     */
    public static void main(String[] args) throws BadgeException {
        if (args.length != 2) {
            System.err.println("usage: AlignBadgeToEscoAndRome ESCO_DIR ROME_DIR");
            return;
        }
        Framework esco = Frameworks.esco().load(Path.of(args[0]));
        Framework rome = Frameworks.rome().load(Path.of(args[1]));
        AchievementCredential badge = badge(esco, rome);
        System.out.println("Badge \"" + badge.name().orElseThrow().defaultValue() + "\" is aligned to:");
        for (Alignment a : achievement(badge).alignment()) {
            System.out.println("  " + a.targetFramework().orElse("?") + "  " + a.targetType().orElse("?") + "  "
                    + a.targetName().orElse("?") + "  <" + a.targetUrl().map(URI::toString).orElse("") + ">");
        }
        explain(badge, esco, System.out);
        explain(badge, rome, System.out);
    }

    /**
     * The issuer's side: an (unsigned) badge whose achievement is aligned to referential concepts.
     *
     * @param esco the loaded ESCO
     * @param rome the loaded ROME 4.0
     * @return the credential, ready to be signed (see {@link IssueAndSignBadge})
     */
    public static AchievementCredential badge(Framework esco, Framework rome) {
        // Alignments.of turns a concept into an OB 3.0 Alignment: name, URL/URI, code, framework, type.
        List<Alignment> alignments = new java.util.ArrayList<>();
        alignments.add(Alignments.of(concept(esco, ESCO_SKILL)));
        for (String code : ROME_ITEMS) {
            alignments.add(Alignments.of(concept(rome, code)));
        }
        return AchievementCredential.builder()
                .id("urn:uuid:2b1f5a0e-8f6c-4f7e-9d3a-5c2b7e1d4a90")
                .issuer(Profile.builder().id("https://badges.example.org/issuer").name("Example Transport Academy").build())
                .validFrom(Instant.parse("2026-05-04T09:00:00Z"))
                .name("Passenger transport basics")
                .credentialSubject(AchievementSubject.builder()
                        .identifier(List.of(IdentityObject.hashedEmail("driver@example.org", "5a1t")))
                        .achievement(Achievement.builder()
                                .id("https://badges.example.org/achievements/passenger-transport")
                                .name("Passenger transport basics")
                                .description("Checks the vehicle before departure and looks after passengers on board.")
                                .criteria(Criteria.ofNarrative("Assessed during twenty hours of supervised service."))
                                .alignment(alignments)
                                .build())
                        .build())
                .build();
    }

    /**
     * The employer's or counsellor's side: resolve the badge's alignments in one referential, rank
     * the occupations they bring closer, and show the gap for the best one.
     *
     * @param badge a received badge (verify it first: see {@link VerifyReceivedBadge})
     * @param framework a loaded referential
     * @param out where to print
     */
    public static void explain(AchievementCredential badge, Framework framework, PrintStream out) {
        // Alignments to other referentials are skipped: each framework resolves only its own concepts.
        List<Concept> held = Alignments.resolveAll(framework, achievement(badge).alignment());
        out.println(framework.name() + ": the badge shows " + held.size() + " competenc"
                + (held.size() == 1 ? "y" : "ies") + "; occupations it brings closer:");
        List<Map.Entry<Concept, Double>> best = framework.proximity().bestOccupations(held, 3);
        for (Map.Entry<Concept, Double> e : best) {
            Concept occupation = e.getKey();
            Fit fit = framework.proximity().fit(held, occupation);
            out.printf(Locale.ROOT, "  %-10s %-45s coverage %3.0f%%%n", occupation.code().orElse(""),
                    occupation.preferredLabel(), 100 * fit.coverage());
        }
        if (!best.isEmpty()) {
            Fit fit = framework.proximity().fit(held, best.get(0).getKey());
            fit.missing().stream().limit(3).forEach(g -> out.println("    still to show for "
                    + best.get(0).getKey().preferredLabel() + ": " + g.competency().preferredLabel()
                    + (g.essential() ? " (essential)" : "")));
        }
    }

    private static Concept concept(Framework framework, String idOrCode) {
        return framework.concept(idOrCode).orElseThrow(() ->
                new IllegalArgumentException(idOrCode + " is not in " + framework.name() + " " + framework.version()));
    }

    private static Achievement achievement(AchievementCredential badge) {
        return badge.credentialSubject().flatMap(AchievementSubject::achievement).orElseThrow();
    }

    /**
     * Round-trips the badge through JSON, as a receiving system would read it.
     *
     * @param json the credential JSON
     * @return the credential
     * @throws BadgeException if it is not an Open Badges 3.0 credential
     */
    static AchievementCredential read(String json) throws BadgeException {
        return OpenBadges.read(json, AchievementCredential.class);
    }
}
