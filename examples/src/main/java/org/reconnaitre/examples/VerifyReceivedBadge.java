package org.reconnaitre.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reconnaitre.badges.model.AchievementCredential;
import org.reconnaitre.badges.model.AchievementSubject;
import org.reconnaitre.badges.model.Alignment;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.BakedCredential;
import org.reconnaitre.badges.model.Baking;
import org.reconnaitre.badges.model.Credential;
import org.reconnaitre.badges.model.LangString;
import org.reconnaitre.badges.model.OpenBadges;
import org.reconnaitre.badges.model.JsonValue;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

/**
 * What an applicant tracking system does when a candidate uploads a badge (a JSON file, a VC-JWT
 * or a baked PNG/SVG): verify it offline, check it was issued to this candidate, then decide what
 * to show the recruiter and what to keep in the application file.
 *
 * <pre>{@code
 * Review review = VerifyReceivedBadge.review(uploadedBytes, "candidate@example.org", Instant.now());
 * if (review.accepted()) { show(review.display()); }
 * save(review.record());          // keep the record either way: it explains the decision
 * }</pre>
 *
 * <p>Thread-safe: the verifier is built once and shared by every request.
 */
public final class VerifyReceivedBadge {
    /** Build once, share everywhere: immutable, thread-safe, offline (no fetcher configured). */
    private static final Verifier VERIFIER = Verifier.builder().build();

    private VerifyReceivedBadge() {}

    /**
     * The outcome for one upload.
     *
     * @param accepted whether the badge is authentic, in date, and was issued to this candidate
     * @param display lines for the recruiter: what was achieved, by whom, which skills, and any warning
     * @param record what to store with the application: a JSON object
     */
    public record Review(boolean accepted, List<String> display, String record) {
        /** Copies. */
        public Review {
            display = List.copyOf(display);
        }
    }

    /**
     * Verifies a badge file and prints the review. Without an argument, it issues a badge on the
     * fly (see {@link IssueAndSignBadge}) and reviews it.
     *
     * @param args optional: a badge file and the candidate's email
     * @throws Exception if the file cannot be read
     */
    public static void main(String[] args) throws Exception {
        byte[] upload;
        String candidate;
        if (args.length >= 2) {
            upload = Files.readAllBytes(Path.of(args[0]));
            candidate = args[1];
        } else {
            candidate = "learner@example.org";
            upload = IssueAndSignBadge.issue(SigningKey.generate(KeyType.ED25519), candidate, Instant.now())
                    .getBytes(StandardCharsets.UTF_8);
        }
        Review review = review(upload, candidate, Instant.now());
        System.out.println(review.accepted() ? "ACCEPTED" : "REJECTED");
        review.display().forEach(line -> System.out.println("  " + line));
        System.out.println("store: " + review.record());
    }

    /**
     * Reviews an uploaded badge.
     *
     * @param upload the bytes as uploaded (JSON, compact JWT, baked PNG or SVG)
     * @param candidateEmail the email the candidate applied with
     * @param receivedAt when the upload arrived
     * @return the decision, what to display and what to store
     */
    public static Review review(byte[] upload, String candidateEmail, Instant receivedAt) {
        // 1. Verify: format, proof, key-to-issuer binding, recipient (the candidate's email against the
        //    badge's plain or salted-hash identifier), dates, status... never throws for bad input.
        VerificationReport report = verifierFor(candidateEmail).verify(upload);
        List<String> display = new ArrayList<>();
        boolean recipientMatches = report.check("recipient").map(c -> c.outcome() == CheckOutcome.PASSED).orElse(false);
        boolean authentic = report.failures().stream().allMatch(c -> c.id().equals("recipient"));

        // 2. Read the credential for display only once it has been verified.
        Optional<AchievementCredential> credential = authentic ? readCredential(upload) : Optional.empty();

        if (!authentic) {
            display.add("This badge could not be verified:");
            report.failures().forEach(c -> display.add("- " + c.id() + ": " + c.message()));
        } else if (credential.isEmpty()) {
            display.add("Verified, but not an Open Badges 3.0 achievement credential: no details to show.");
        } else {
            AchievementCredential c = credential.orElseThrow();
            Optional<AchievementSubject> subject = c.credentialSubject();
            display.add("Badge: " + c.name().map(LangString::defaultValue).orElse("(unnamed)"));
            display.add("Issued by: " + c.issuer().flatMap(p -> p.name()).map(LangString::defaultValue)
                    .orElse("(no name)") + " <" + report.issuerId().orElse("?") + ">");
            c.validFrom().ifPresent(d -> display.add("Issued on: " + d.toLocalDate()));
            subject.flatMap(AchievementSubject::achievement).ifPresent(a -> {
                a.description().ifPresent(d -> display.add("What it shows: " + d.defaultValue()));
                for (Alignment al : a.alignment()) {
                    display.add("Skill: " + al.targetName().orElse("?") + " ("
                            + al.targetFramework().orElse("framework not named") + ")");
                }
            });
        }
        if (authentic && !recipientMatches) {
            display.add("Warning: this badge was not issued to " + candidateEmail + ".");
        }
        // Warnings do not make a badge invalid, but the recruiter should see them.
        for (CheckResult w : report.checks()) {
            if (w.outcome() == CheckOutcome.WARNING) {
                display.add("Note: " + w.message());
            }
        }
        boolean accepted = report.isValid();

        // 3. What to keep: the exact bytes' fingerprint (keep the bytes themselves in your file store
        //    to re-verify later), the identifiers, when and how it was checked, and the report.
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("receivedAt", receivedAt.toString());
        record.put("sha256", sha256(upload));
        record.put("format", report.format().jsonName());
        record.put("accepted", accepted);
        record.put("recipientMatches", recipientMatches);
        record.put("credentialId", report.credentialId().orElse(""));
        record.put("issuerId", report.issuerId().orElse(""));
        record.put("report", parse(report.toJson()));
        return new Review(accepted, display, JsonValue.of(record).toString());
    }

    /** The shared verifier, also checking who the badge was awarded to (cheap: made per call). */
    private static Verifier verifierFor(String candidateEmail) {
        try {
            return VERIFIER.forRecipient(ExpectedRecipient.email(candidateEmail));
        } catch (BadgeException notAnEmail) {
            return VERIFIER; // the recipient check is then skipped, and the badge is not accepted
        }
    }

    /**
     * The credential inside an upload, for display. The verifier has already checked these bytes;
     * this only unwraps them: a baked image's payload, a VC-JWT's claims, or the JSON itself.
     */
    static Optional<AchievementCredential> readCredential(byte[] upload) {
        try {
            String text = new String(upload, StandardCharsets.UTF_8).strip();
            if (Baking.isImage(upload)) {
                BakedCredential baked = Baking.unbake(upload);
                text = baked.content();
            }
            if (!text.startsWith("{")) {                       // a compact JWT: header.payload.signature
                String[] parts = text.split("\\.");
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                // OB 3.0 VC-JWT: the payload is the credential plus JWT claims (older tokens: a "vc" claim)
                JsonValue claims = JsonValue.parse(payload);
                text = claims instanceof JsonValue.ObjectValue o && o.get("vc").isPresent()
                        ? o.get("vc").orElseThrow().toString() : payload;
            }
            Credential credential = OpenBadges.readCredential(text);
            return credential instanceof AchievementCredential a ? Optional.of(a) : Optional.empty();
        } catch (BadgeException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonValue parse(String json) {
        try {
            return JsonValue.parse(json);
        } catch (BadgeException e) {
            throw new IllegalStateException("the verifier wrote invalid JSON", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
