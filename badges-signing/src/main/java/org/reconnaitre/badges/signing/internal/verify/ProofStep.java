package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.reconnaitre.badges.signing.internal.JsonNodes;
import org.reconnaitre.badges.signing.internal.jwt.CompactJws;
import org.reconnaitre.badges.signing.internal.jwt.JwtException;
import org.reconnaitre.badges.signing.internal.jwt.JwtSignatureVerifier;

/**
 * The securing mechanism: the JWS signature of a VC-JWT, or the embedded Data Integrity proofs of a
 * JSON credential. A credential with neither fails ("no securing mechanism"). Internal.
 */
final class ProofStep implements Step {
    static final String ID = "proof";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void run(VerificationContext ctx) {
        CompactJws jws = ctx.jws;
        if (jws != null) {
            String note = ctx.credential().has("proof")
                    ? " The JWT payload also carries an embedded \"proof\"; only the JWT signature was checked." : "";
            try {
                JwtSignatureVerifier.Verified v = JwtSignatureVerifier.verify(jws, ctx.config.keyResolver(), ctx.issuerId());
                ctx.signers.add(new VerificationContext.Signer(v.reference(),
                        v.method() == null ? null : v.method().controller(), v.source(), v.key(),
                        v.method() != null && v.method().isAssertionMethod()));
                String alg = JsonNodes.text(jws.header().get("alg"));
                String message = "The JWT signature (" + alg + ") is valid with the key from " + v.reference() + "." + note;
                if (note.isEmpty()) {
                    ctx.passed(ID, message);
                } else {
                    ctx.warning(ID, message);
                }
            } catch (JwtException e) {
                ctx.failed(ID, e.getMessage() + note);
            }
            return;
        }
        JsonNode proof = ctx.credential().get("proof");
        if (proof == null || proof.isNull() || (proof.isArray() && proof.isEmpty())) {
            ctx.failed(ID, "The credential has no securing mechanism: no embedded proof and no JWT envelope.");
            return;
        }
        EmbeddedProofs.verify(ctx);
    }
}
