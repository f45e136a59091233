package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Embedded proofs (Data Integrity, Ed25519Signature2020). Data Integrity verification is not part
 * of this build yet, so an embedded proof is reported as not verifiable — never passed. Internal.
 */
final class EmbeddedProofs {
    private EmbeddedProofs() {}

    static void verify(VerificationContext ctx, JsonNode proof) {
        ctx.failed(ProofStep.ID, "Embedded proofs cannot be verified by this build yet (Data Integrity support"
                + " is not available).");
    }
}
