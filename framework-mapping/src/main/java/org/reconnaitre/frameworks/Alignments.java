package org.reconnaitre.frameworks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.reconnaitre.badges.model.Alignment;
import org.reconnaitre.frameworks.internal.Text;

/**
 * Between framework concepts and Open Badges 3.0 {@link Alignment}s: a competency becomes an
 * alignment (targetName, targetUrl, targetCode, targetFramework, targetType — {@code CFItem} for
 * CASE items, {@code ext:ESCO...} / {@code ext:ROME...} types otherwise), and a badge's alignments
 * are resolved back to concepts of a loaded framework ({@code Crosswalk.translate} carries them
 * to another framework).
 *
 * <pre>{@code
 * Alignment a = Alignments.of(esco.concept("http://data.europa.eu/esco/skill/...").orElseThrow());
 * Optional<Concept> back = Alignments.resolve(esco, a);
 * // through a crosswalk: escoToRome.translate(List.of(a), esco, rome, 0.5)
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Alignments {
    private Alignments() {}

    /** @return the OB 3.0 alignment of a concept (label in the framework's first language) */
    public static Alignment of(Concept concept) {
        return of(concept, concept.framework().languages().isEmpty() ? "en" : concept.framework().languages().get(0));
    }

    /** @return the OB 3.0 alignment of a concept, named in {@code language} when it has a label there */
    public static Alignment of(Concept concept, String language) {
        Framework f = concept.framework();
        URI url;
        try {
            url = new URI(concept.id());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("concept id is not a URI: " + concept.id(), e);
        }
        return Alignment.builder()
                .targetName(concept.preferredLabel(language).orElse(concept.preferredLabel()))
                .targetUrl(url)
                .targetCode(concept.code().orElse(null))
                .targetFramework(f.name() + " " + f.version())
                .targetType(targetType(concept))
                .build();
    }

    /**
     * @return {@code CFItem} for CASE frameworks; {@code ext:ESCOOccupation}, {@code ext:ESCOSkill},
     *     {@code ext:ESCOKnowledge}, {@code ext:ROMEOccupation}, {@code ext:ROMESkill}... otherwise
     */
    public static String targetType(Concept concept) {
        String fw = concept.framework().id();
        String prefix = switch (fw) {
            case "esco" -> "ESCO";
            case "rome" -> "ROME";
            default -> null;
        };
        if (prefix == null) {
            return "CFItem";
        }
        StringBuilder sb = new StringBuilder("ext:").append(prefix);
        for (String part : concept.kind().name().toLowerCase(Locale.ROOT).split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /**
     * Finds the concept an alignment points to: by targetUrl, then targetCode, then (only when
     * neither is known to the framework) by an exact normalised targetName.
     */
    public static Optional<Concept> resolve(Framework framework, Alignment alignment) {
        Optional<URI> url = alignment.targetUrl();
        if (url.isPresent()) {
            Optional<Concept> c = framework.concept(url.get().toString());
            if (c.isPresent()) {
                return c;
            }
        }
        Optional<String> code = alignment.targetCode();
        if (code.isPresent() && !code.get().isBlank()) {
            Optional<Concept> c = framework.concept(code.get());
            if (c.isPresent()) {
                return c;
            }
        }
        Optional<String> name = alignment.targetName();
        if (name.isPresent()) {
            String n = Text.normalize(name.get());
            for (ConceptKind k : ConceptKind.values()) {
                for (Concept c : framework.concepts(k)) {
                    for (String lang : framework.languages()) {
                        Optional<String> l = c.preferredLabel(lang);
                        if (l.isPresent() && Text.normalize(l.get()).equals(n)) {
                            return Optional.of(c);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** @return the distinct concepts a badge's alignments resolve to, in order (unresolved ones skipped) */
    public static List<Concept> resolveAll(Framework framework, Collection<Alignment> alignments) {
        Set<Concept> out = new LinkedHashSet<>();
        for (Alignment a : alignments) {
            resolve(framework, a).ifPresent(out::add);
        }
        return new ArrayList<>(out);
    }
}
