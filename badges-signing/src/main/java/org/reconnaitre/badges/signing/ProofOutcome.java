package org.reconnaitre.badges.signing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking one proof of a document.
 *
 * <pre>{@code
 * for (ProofOutcome p : DataIntegrity.verify(json, KeyResolver.offline()).proofs()) {
 *     System.out.println(p.cryptosuite() + ": " + p.status() + " " + p.reason());
 *     p.verificationMethod().ifPresent(vm -> System.out.println("signed by " + vm.controller()));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param index position of the proof in the {@code proof} array (0 for a single proof)
 * @param type the proof {@code type} ({@code DataIntegrityProof}, {@code Ed25519Signature2020}, ...)
 * @param cryptosuite the {@code cryptosuite}, or an empty string
 * @param verificationMethodId the proof's {@code verificationMethod}, or an empty string
 * @param proofPurpose the proof's {@code proofPurpose}, or an empty string
 * @param created the proof's {@code created}, or an empty string
 * @param status what was found
 * @param reason a sentence a person understands (empty when valid)
 * @param verificationMethod the resolved method, when resolution succeeded
 * @param warnings things a verifier should report even for a valid proof (legacy suite name, key
 *     read from a URL fragment, ...)
 */
public record ProofOutcome(int index, String type, String cryptosuite, String verificationMethodId,
        String proofPurpose, String created, Status status, String reason,
        Optional<VerificationMethod> verificationMethod, List<String> warnings) {

    /** What checking a proof found. */
    public enum Status {
        /** The signature is valid for this document and key. */
        VALID,
        /** The signature does not match: the document was changed or another key signed it. */
        INVALID_SIGNATURE,
        /** The verification method could not be resolved (not offline, unknown method, malformed). */
        KEY_UNAVAILABLE,
        /** The key's type does not fit the cryptosuite. */
        KEY_MISMATCH,
        /** The proof type or cryptosuite is not supported. */
        UNSUPPORTED_SUITE,
        /** The proof object is malformed (missing or malformed proofValue, type, ...). */
        MALFORMED_PROOF,
        /** The document (or proof) is not valid JSON-LD, or uses terms its contexts do not define. */
        INVALID_DOCUMENT,
        /** Canonicalization exceeded the quad or time budget (a hostile or oversized graph). */
        BUDGET_EXCEEDED,
        /**
         * The proof's options do not fit this verification: a purpose other than the expected one
         * ({@code assertionMethod} for a credential), a {@code created} date in the future, an
         * {@code expires} date in the past, a malformed date, or a {@code challenge} or
         * {@code domain} other than the expected one.
         */
        PROOF_OPTIONS_REJECTED
    }

    /** Copies the warnings and checks for nulls. */
    public ProofOutcome {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cryptosuite, "cryptosuite");
        Objects.requireNonNull(verificationMethodId, "verificationMethodId");
        Objects.requireNonNull(proofPurpose, "proofPurpose");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(verificationMethod, "verificationMethod");
        warnings = List.copyOf(warnings);
    }

    /** @return whether the proof is valid */
    public boolean valid() {
        return status == Status.VALID;
    }
}
