package org.reconnaitre.badges.cli;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.reconnaitre.badges.model.Achievement;
import org.reconnaitre.badges.model.AchievementCredential;
import org.reconnaitre.badges.model.AchievementSubject;
import org.reconnaitre.badges.model.Alignment;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Criteria;
import org.reconnaitre.badges.model.IdentityObject;
import org.reconnaitre.badges.model.Profile;
import org.reconnaitre.badges.model.ValidationReport;
import org.reconnaitre.badges.model.Validator;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.Verifier;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"A two-minute tour, offline, on embedded defaults: create an issuer key, issue an Open Badges "
                + "3.0 credential for a skill aligned to an ESCO skill and a ROME code, sign it as Data Integrity "
                + "(eddsa-rdfc-2022) and as a VC-JWT, verify both, tamper with one and show it fail.",
                "Nothing is read from or written to disk, and nothing goes to the network."},
        footer = {"", "Exit codes: 0 the demo behaved as expected, 1 it did not.", "", "Example:", "  badges demo"})
final class DemoCommand extends BaseCommand {
    /** The demo learner (only its salted hash is in the badge). */
    static final String LEARNER = "learner@example.org";

    /** The ESCO skill the demo badge is aligned to (ESCO v1.1.1, European Commission). */
    static final String ESCO_SKILL_URI = "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be";
    static final String ESCO_SKILL_LABEL = "use spreadsheets software";
    /** The ROME 4.0 job sheet the demo badge is aligned to (France Travail, ROME v460). */
    static final String ROME_CODE = "M1602";
    static final String ROME_LABEL = "Agent administratif / Agente administrative";

    @Override
    int run() throws BadgeException {
        out().println("Reconnaître demo: issue, sign and verify an Open Badge, offline.");
        out().println();

        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String did = DidKey.of(key.publicKey());
        String vm = DidKey.verificationMethodId(key.publicKey());
        key = key.withKeyId(vm);
        step(1, "Issuer key", "Ed25519, " + did);

        AchievementCredential credential = credential(did);
        String json = credential.toPrettyJson();
        step(2, "Badge", "\"Spreadsheet skills\" for " + LEARNER + ", stored as a salted hash");
        more("aligned to ESCO skill  \"" + ESCO_SKILL_LABEL + "\" <" + ESCO_SKILL_URI + ">");
        more("aligned to ROME 4.0    " + ROME_CODE + " \"" + ROME_LABEL + "\"");

        ValidationReport validation = Validator.standard().validate(json);
        step(3, "Validation", (validation.isValid() ? "valid " : "INVALID ") + validation.kind() + " ("
                + validation.errors().size() + " errors, " + validation.warnings().size() + " warnings)");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String signedDi = DataIntegrity.sign(json, key,
                ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).verificationMethod(vm).created(now).build());
        String jwt = Issuer.with(key).verificationMethod(vm).build().signJwt(json);
        step(4, "Signed", "Data Integrity (eddsa-rdfc-2022): " + signedDi.length() + " bytes of JSON with a proof");
        more("VC-JWT (EdDSA): " + abbreviate(jwt, 48) + " (" + jwt.length() + " chars)");

        // the employer knows who handed the badge over: the recipient check compares with the salted hash
        Verifier verifier = Verifier.builder().build().forRecipient(ExpectedRecipient.email(LEARNER));
        VerificationReport diReport = verifier.verify(signedDi);
        VerificationReport jwtReport = verifier.verify(jwt);
        step(5, "Verified", "Data Integrity: " + verdict(diReport));
        more("VC-JWT:         " + verdict(jwtReport));

        String tampered = signedDi.replace("\"Spreadsheet skills\"", "\"Spreadsheet expert\"");
        VerificationReport tamperedReport = verifier.verify(tampered);
        step(6, "Tampered", "renamed the badge to \"Spreadsheet expert\" in the signed JSON");
        more("Data Integrity: " + verdict(tamperedReport));
        out().println();

        boolean asExpected = validation.isValid() && diReport.isValid() && jwtReport.isValid()
                && !tamperedReport.isValid() && !tampered.equals(signedDi);
        if (asExpected) {
            out().println("Result: both signatures verify, and the tampered copy is rejected.");
            out().println();
            out().println("Your turn (badge.json: an unsigned credential whose issuer id is the key's did:key):");
            out().println("  badges keygen --type ed25519 --did-key --out issuer.jwk");
            out().println("  badges sign --key issuer.jwk --format di --out signed.json badge.json");
            out().println("  badges verify signed.json");
            return ExitCodes.VALID;
        }
        out().println("Result: the demo did NOT behave as expected (see the checks above).");
        return ExitCodes.CHECK_FAILED;
    }

    /**
     * The demo badge. Its alignments follow framework-mapping's conventions ({@code Alignments.of}):
     * the ESCO concept URI, the ROME job sheet as {@code urn:rome:fiche:CODE}, {@code ext:} types, so
     * that {@code Alignments.resolve} finds them in the loaded referentials.
     */
    static AchievementCredential credential(String issuerDid) {
        byte[] saltBytes = new byte[8];
        new SecureRandom().nextBytes(saltBytes); // a salt, not a seed: nextBytes never blocks on the entropy source
        String salt = HexFormat.of().formatHex(saltBytes);
        Alignment esco = Alignment.builder()
                .type("Alignment")
                .targetName(ESCO_SKILL_LABEL)
                .targetUrl(URI.create(ESCO_SKILL_URI))
                .targetFramework("ESCO v1.1.1")
                .targetType("ext:ESCOSkill")
                .build();
        Alignment rome = Alignment.builder()
                .type("Alignment")
                .targetName(ROME_LABEL)
                .targetCode(ROME_CODE)
                .targetUrl(URI.create("urn:rome:fiche:" + ROME_CODE))
                .targetFramework("ROME 4.0 v460")
                .targetType("ext:ROMEOccupation")
                .build();
        return AchievementCredential.builder()
                .id("urn:uuid:" + UUID.randomUUID())
                .issuer(Profile.builder().id(issuerDid).name("Reconnaître demo training centre").build())
                .validFrom(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .name("Spreadsheet skills")
                .credentialSubject(AchievementSubject.builder()
                        .identifier(List.of(IdentityObject.hashedEmail(LEARNER, salt)))
                        .achievement(Achievement.builder()
                                .id("urn:uuid:" + UUID.nameUUIDFromBytes("reconnaitre-demo-spreadsheets".getBytes(
                                        java.nio.charset.StandardCharsets.UTF_8)))
                                .name("Spreadsheet skills")
                                .description("Builds and maintains spreadsheets for day-to-day office work: "
                                        + "formulas, sorting, filtering and simple charts.")
                                .criteria(Criteria.ofNarrative("Completed three supervised spreadsheet tasks "
                                        + "in a real office setting."))
                                .alignment(List.of(esco, rome))
                                .build())
                        .build())
                .build();
    }

    private void step(int n, String title, String text) {
        out().printf("%d. %-11s %s%n", n, title, text);
    }

    private void more(String text) {
        out().printf("   %-11s %s%n", "", text);
    }

    static String verdict(VerificationReport report) {
        if (report.isValid()) {
            String passed = report.checks().stream().filter(c -> c.outcome() == CheckOutcome.PASSED)
                    .map(CheckResult::id).collect(Collectors.joining(", "));
            return "VALID (passed: " + passed + ")";
        }
        CheckResult first = report.failures().get(0);
        return "INVALID (" + abbreviate(BadgesCli.show(first.id() + ": " + first.message()), 100) + ")";
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
