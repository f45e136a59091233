package org.reconnaitre.badges.signing.internal.di;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The proof options of a Data Integrity proof (VC Data Integrity 1.0, "verify proof"): the proof
 * object's shape, its purpose, its {@code created} and {@code expires} dates and its
 * {@code challenge} and {@code domain}, judged against what the verifier expects.
 *
 * <p>Decide from what was signed: the signature covers the RDF of the proof configuration, and
 * JSON-LD allows many JSON spellings of the same RDF ({@code @nest}, full IRIs such as
 * {@code https://w3id.org/security#expiration}, value objects). These checks read the JSON
 * members, so a proof object is accepted only in its one canonical compact form (the form every
 * conforming issuer writes): known terms only, each a plain string (an array of strings for
 * {@code domain} and {@code previousProof}), no keyword but {@code @context}. Any other spelling is
 * refused rather than read differently from what was signed. Internal. Stateless, thread-safe.
 */
public final class ProofChecks {
    /** The proof purpose of a credential's proof. */
    public static final String ASSERTION_METHOD = "assertionMethod";

    /** Terms of a proof object in its compact form, and whether each may be an array of strings. */
    private static final Map<String, Boolean> TERMS = Map.ofEntries(
            Map.entry("id", false), Map.entry("type", false), Map.entry("cryptosuite", false),
            Map.entry("verificationMethod", false), Map.entry("proofPurpose", false), Map.entry("created", false),
            Map.entry("expires", false), Map.entry("challenge", false), Map.entry("domain", true),
            Map.entry("nonce", false), Map.entry("proofValue", false), Map.entry("previousProof", true));
    private static final List<String> DATES = List.of("created", "expires");

    /**
     * What the verifier expects of every proof.
     *
     * @param now the verification instant
     * @param skew tolerance on {@code created} (future) and {@code expires} (past)
     * @param purpose the expected {@code proofPurpose}
     * @param challenge the expected {@code challenge}, or null when none is expected
     * @param domains the domains the verifier accepts (the proof must name one), empty when none is expected
     * @param sdIdentityMandatory whether an ecdsa-sd-2023 disclosure of a credential must have the
     *     credential's issuer and type among its mandatory statements
     */
    public record Expectations(Instant now, Duration skew, String purpose, @Nullable String challenge,
            List<String> domains, boolean sdIdentityMandatory) {
        /** Copies the domains and checks for nulls. */
        public Expectations {
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(skew, "skew");
            Objects.requireNonNull(purpose, "purpose");
            domains = List.copyOf(domains);
        }
    }

    /** The verdict on a proof's options: a failure reason, or warnings to report with a valid proof. */
    public record Verdict(@Nullable String failure, List<String> warnings) {}

    private ProofChecks() {}

    /**
     * Checks that a proof object is in the canonical compact form.
     *
     * @return why it is not, or null when it is
     */
    static @Nullable String shapeProblem(ObjectNode proof) {
        Iterator<Map.Entry<String, JsonNode>> it = proof.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if ("@context".equals(name)) {
                continue;
            }
            Boolean arrayAllowed = TERMS.get(name);
            if (arrayAllowed == null) {
                return "The proof has the member '" + abbreviate(name) + "', which is not a proof option in its compact"
                        + " form (" + (name.startsWith("@") ? "JSON-LD keywords such as @nest are" : name.contains(":")
                        ? "full or compact IRIs are" : "unknown members are") + " refused, so that what is checked is"
                        + " what was signed)";
            }
            if (v.isTextual()) {
                continue;
            }
            if (arrayAllowed && v.isArray() && !v.isEmpty()) {
                boolean allText = true;
                for (JsonNode x : v) {
                    allText &= x.isTextual();
                }
                if (allText) {
                    continue;
                }
            }
            return "The proof's '" + name + "' is not a plain string" + (arrayAllowed ? " or an array of strings" : "")
                    + " (value objects and other JSON-LD forms are refused, so that what is checked is what was signed)";
        }
        return null;
    }

    /**
     * Judges the proof options against the expectations (the shape was checked first).
     *
     * @param proof the proof object
     * @param expect what the verifier expects
     * @return a failure reason, or the warnings
     */
    static Verdict judge(ObjectNode proof, Expectations expect) {
        List<String> warnings = new ArrayList<>();
        String purpose = text(proof, "proofPurpose");
        if (!expect.purpose().equals(purpose)) {
            return fail("The proof's purpose is '" + abbreviate(purpose) + "' but '" + expect.purpose() + "' is expected"
                    + (ASSERTION_METHOD.equals(expect.purpose()) ? " for a credential: a key used for '"
                            + abbreviate(purpose) + "' does not assert what a credential says" : ""));
        }
        for (String field : DATES) {
            JsonNode n = proof.get(field);
            if (n == null) {
                continue;
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(n.asText()).toInstant();
            } catch (DateTimeParseException e) {
                return fail("The proof's " + field + " '" + abbreviate(n.asText()) + "' is not a date-time with a time"
                        + " zone (XML Schema dateTimeStamp, e.g. 2024-01-01T00:00:00Z)");
            }
            if ("created".equals(field) && at.isAfter(expect.now().plus(expect.skew()))) {
                return fail("The proof was created " + n.asText() + ", after the verification time " + expect.now()
                        + " (clock skew " + expect.skew() + "): a proof from the future is not accepted");
            }
            if ("expires".equals(field) && at.isBefore(expect.now().minus(expect.skew()))) {
                return fail("The proof expired " + n.asText() + ", before the verification time " + expect.now()
                        + " (clock skew " + expect.skew() + ")");
            }
        }
        JsonNode challenge = proof.get("challenge");
        if (expect.challenge() != null) {
            if (challenge == null) {
                return fail("The proof has no challenge but the challenge '" + abbreviate(expect.challenge())
                        + "' is expected: it may be a replay of a proof made for someone else");
            }
            if (!expect.challenge().equals(challenge.asText())) {
                return fail("The proof's challenge '" + abbreviate(challenge.asText()) + "' is not the expected '"
                        + abbreviate(expect.challenge()) + "': it may be a replay of a proof made for someone else");
            }
        } else if (challenge != null) {
            warnings.add("The proof carries the challenge '" + abbreviate(challenge.asText()) + "', which was not"
                    + " checked (no challenge is expected; set one to bind the proof to this exchange)");
        }
        JsonNode domain = proof.get("domain");
        List<String> domains = new ArrayList<>();
        if (domain != null) {
            if (domain.isArray()) {
                domain.forEach(d -> domains.add(d.asText()));
            } else {
                domains.add(domain.asText());
            }
        }
        if (!expect.domains().isEmpty()) {
            if (domains.isEmpty()) {
                return fail("The proof has no domain but one of " + expect.domains() + " is expected");
            }
            if (domains.stream().noneMatch(expect.domains()::contains)) {
                return fail("The proof's domain " + abbreviate(String.join(", ", domains)) + " is not one of the"
                        + " expected " + expect.domains() + ": the proof was made for another verifier");
            }
        } else if (!domains.isEmpty()) {
            warnings.add("The proof is restricted to the domain " + abbreviate(String.join(", ", domains))
                    + ", which was not checked (no domain is expected)");
        }
        return new Verdict(null, warnings);
    }

    private static Verdict fail(String reason) {
        return new Verdict(reason, List.of());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
