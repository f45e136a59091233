package org.reconnaitre.badges.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.reconnaitre.badges.conformance.ConformanceRule.Origin;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.Severity;

/**
 * The rule catalogue of the conformance kit: every rule of the validator, every check of the
 * verifier and the kit's own checks, each with a stable id, severity, spec section and one-line
 * explanation. {@code badges-conformance/RULES.md} is generated from it by {@link RulesMarkdown}.
 * Stateless and thread-safe.
 *
 * <p>Every check id the verifier can report (Open Badges 3.0 / CLR 2.0 pipeline and Open Badges
 * 2.0 verification) has a {@code VERIFY-} rule, named by {@link #forCheck(String)}. The kit reports a
 * verifier check by its outcome: a failed check is an error, a warning stays a warning (never an
 * error), a passed or skipped check is no violation. The catalogue severity of a verifier rule is
 * what its findings are on bad input: {@code warning} for {@code ob2-upgrade}, which only warns (it
 * fails only when the verifier itself breaks, and that failure is still an error).
 *
 * <p>Recipient: {@code VERIFY-RECIPIENT} and {@link #RECIPIENT_MATCH} never report the same
 * comparison twice. The kit hands the expected recipient to the verifier when it can tell its kind
 * (email, {@code mailto:}, telephone, {@code tel:}, DID, HTTP(S) URL or another absolute id); when
 * the verifier's {@code recipient} check then runs, its outcome is the answer
 * ({@code VERIFY-RECIPIENT}, for JSON, VC-JWT and Open Badges 2.0 alike) and the kit's own
 * comparison does not run. {@code RECIPIENT-MATCH} is the fallback: the kit compares the subject
 * itself only when the verifier did not (an identity of no recognisable kind, or a verifier that
 * skipped the check).
 *
 * <pre>{@code
 * for (ConformanceRule r : ConformanceRules.all()) {
 *     System.out.println(r.id() + ": " + r.summary());
 * }
 * }</pre>
 */
public final class ConformanceRules {

    /** Prefix of the rule id that stands for a verifier check: {@code VERIFY-} + the upper-case check id. */
    public static final String VERIFIER_PREFIX = "VERIFY-";

    /** The issuer (its DID or profile URL) resolves as a verifier would resolve it. */
    public static final String ISSUER_RESOLVABLE = "ISSUER-RESOLVABLE";
    /** The key of every proof is controlled by the issuer. */
    public static final String ISSUER_KEY = "ISSUER-KEY";
    /**
     * A recipient identifier matches the identity the caller expects, compared by the kit only when
     * the verifier's {@code recipient} check ({@code VERIFY-RECIPIENT}) did not run.
     */
    public static final String RECIPIENT_MATCH = "RECIPIENT-MATCH";
    /** The credential is secured with the cryptosuite / algorithm the caller expects. */
    public static final String SIGNED_WITH = "SIGNED-WITH";
    /** The proof still verifies after parsing and re-serializing the JSON. */
    public static final String ROBUST_ROUND_TRIP = "ROBUST-ROUND-TRIP";
    /** The proof still verifies after reordering every object's keys. */
    public static final String ROBUST_KEY_ORDER = "ROBUST-KEY-ORDER";
    /** The proof fails after a one-field change of meaning. */
    public static final String ROBUST_TAMPER = "ROBUST-TAMPER";

    private static final List<ConformanceRule> ALL;

    static {
        List<ConformanceRule> all = new ArrayList<>();
        for (Rule r : Rule.all()) {
            all.add(new ConformanceRule(r.id(), r.defaultSeverity(), Origin.VALIDATOR, r.spec(), r.summary()));
        }
        String ob = "https://www.imsglobal.org/spec/ob/v3p0/";
        verifier(all, "format", ob + "#proofs-signatures",
                "The input is a JSON credential, a compact JWS (VC-JWT) or a baked PNG/SVG.");
        verifier(all, "parse", ob + "#verification",
                "The credential (or JWT payload) parses as a JSON object within the size and depth limits.");
        verifier(all, "jwt-claims", ob + "#jwt-proof",
                "A VC-JWT's iss, sub, jti, nbf and exp claims agree with the credential they carry.");
        verifier(all, "context-and-type", "https://www.w3.org/TR/vc-data-model-2.0/#contexts",
                "The first @context is the VC context and the types say what kind of credential it is.");
        verifier(all, "schema", ob + "#json-schema",
                "The credential passes the validator (1EdTech JSON Schema and the rules a schema cannot express).");
        verifier(all, "proof", "https://www.w3.org/TR/vc-data-integrity/#verify-proof",
                "The embedded proof or JWS signature is valid for this document and the resolved key.");
        verifier(all, "signed-data", "https://www.w3.org/TR/vc-data-integrity/#verify-proof",
                "What the verifier reads from the JSON (issuer, types, dates, status, recipient) is what the proof signed: a credential respelled in another JSON-LD form (@nest, IRIs, aliases, value objects) that says otherwise is rejected.");
        verifier(all, "key-binding", ob + "#key-provenance",
                "The signing key belongs to the issuer: its controller (or the JWT iss) is the issuer id.");
        verifier(all, "recipient", ob + "#identityobject",
                "When an expected recipient is named, the credential subject (id or identifier, plain or salted hash) or the OB 2.0 recipient IdentityObject is that person.");
        verifier(all, "validity-period", "https://www.w3.org/TR/vc-data-model-2.0/#validity-period",
                "The credential is already valid and not expired at the verification instant (with the clock skew).");
        verifier(all, "status", "https://www.w3.org/TR/vc-bitstring-status-list/",
                "A declared credentialStatus was checked and the credential is neither revoked nor suspended: each list verifies in full as a credential of the credential's issuer (or an issuer trusted for it), of the entry's type and statusPurpose; an unsupported method, a missing fetcher or an untrusted list fails (an unreachable list is a warning only under StatusPolicy.WARN).");
        verifier(all, "endorsements", ob + "#endorsementcredential",
                "Every embedded endorsement (JSON or endorsementJwt) verifies in full, is an EndorsementCredential and endorses the object it is attached to (its credentialSubject.id); endorsements beyond the depth limit or the per-credential cap fail.");
        verifier(all, "credentials", "https://www.imsglobal.org/spec/clr/v2p0/#clrcredential",
                "Every credential nested in a CLR verifies in turn and is about the CLR's learner (or the expected recipient); nesting beyond the depth limit fails.");
        String ob2 = "https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html";
        verifier(all, "ob2-upgrade", Severity.WARNING, ob2 + "#Assertion",
                "An Open Badges 0.5, 1.0 or 1.1 document was upgraded to the 2.0 shape before verification; the warning says what changed.");
        verifier(all, "ob2-fetch", ob2 + "#data-validation",
                "An OB 2.0 hosted assertion is served by its issuer at its id, and the copy given is that one; the BadgeClass is obtained and the issuer Profile is fetched from its own id (which it declares), through the caller's fetcher. Offline an OB 2.0 assertion is therefore not valid.");
        verifier(all, "ob2-verification", ob2 + "#VerificationObject",
                "An OB 2.0 assertion follows its verification method: hosted within the issuer's allowed origins or startsWith scope, or signed and given as a JWS.");
        verifier(all, "revocation", ob2 + "#RevocationList",
                "An OB 2.0 assertion is not revoked: not marked revoked when hosted, not in the issuer's revocation list when signed.");
        verifier(all, "ob2-extensions", ob2 + "#Extensions",
                "Every OB 2.0 extension node validates against its extension's JSON Schema (an extension whose context or schema cannot be obtained is not verified and fails).");
        all.add(new ConformanceRule(ISSUER_RESOLVABLE, Severity.ERROR, Origin.KIT, ob + "#profile",
                "The issuer id resolves as verifiers resolve it: did:key offline, did:web and https through the caller's fetcher."));
        all.add(new ConformanceRule(ISSUER_KEY, Severity.ERROR, Origin.KIT, ob + "#key-provenance",
                "The verification method of every proof resolves to a key whose controller is the issuer."));
        all.add(new ConformanceRule(RECIPIENT_MATCH, Severity.ERROR, Origin.KIT, ob + "#identityobject",
                "When the caller names an expected recipient the verifier could not compare (VERIFY-RECIPIENT did not run), the kit finds it as the subject id or an identifier (plain or salted hash)."));
        all.add(new ConformanceRule(SIGNED_WITH, Severity.ERROR, Origin.KIT, ob + "#proofs-signatures",
                "The credential is secured with the cryptosuite (or JWS algorithm) the issuer means to use."));
        all.add(new ConformanceRule(ROBUST_ROUND_TRIP, Severity.ERROR, Origin.KIT, "https://www.w3.org/TR/vc-data-integrity/#verify-proof",
                "The proof still verifies after the JSON is parsed and written again (no dependence on formatting)."));
        all.add(new ConformanceRule(ROBUST_KEY_ORDER, Severity.ERROR, Origin.KIT, "https://www.w3.org/TR/vc-data-integrity/#verify-proof",
                "The proof still verifies after every object's keys are reordered (no non-canonical JSON step before signing)."));
        all.add(new ConformanceRule(ROBUST_TAMPER, Severity.ERROR, Origin.KIT, "https://www.w3.org/TR/vc-data-integrity/#verify-proof",
                "Changing one field that carries meaning (a date or the name) makes the proof fail."));
        ALL = Collections.unmodifiableList(all);
    }

    private ConformanceRules() {}

    private static void verifier(List<ConformanceRule> all, String checkId, String spec, String summary) {
        verifier(all, checkId, Severity.ERROR, spec, summary);
    }

    private static void verifier(List<ConformanceRule> all, String checkId, Severity worst, String spec, String summary) {
        all.add(new ConformanceRule(forCheck(checkId), worst, Origin.VERIFIER, spec,
                summary + " Verifier check: " + checkId + "."));
    }

    /** @return every rule in catalogue order: validator rules, verifier checks, kit checks (immutable) */
    public static List<ConformanceRule> all() {
        return ALL;
    }

    /** @return the rule with this id, if any */
    public static Optional<ConformanceRule> byId(String id) {
        Objects.requireNonNull(id, "id");
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * @param checkId a verifier check id such as {@code proof}
     * @return the rule id that stands for it, such as {@code VERIFY-PROOF}
     */
    public static String forCheck(String checkId) {
        return VERIFIER_PREFIX + checkId.toUpperCase(Locale.ROOT);
    }
}
