package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.VerificationReport.Format;
import org.reconnaitre.badges.signing.internal.JsonNodes;
import org.reconnaitre.badges.signing.internal.jwt.CompactJws;
import org.reconnaitre.badges.signing.internal.jwt.JwtException;
import org.reconnaitre.badges.signing.internal.jwt.VcJwtPayload;
import org.reconnaitre.badges.signing.internal.ob2.Ob2Verifier;

/**
 * Parses the credential: bounded JSON for a JSON credential (strict UTF-8, strings of Unicode
 * scalar values, see {@link Json#parse(String)}); for a JWT, the compact JWS, its
 * payload shape and the consistency of its claims with the credential ({@code jwt-claims}).
 * Internal.
 */
final class ParseStep implements Step {
    static final String ID = "parse";
    static final String JWT_CLAIMS = "jwt-claims";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void run(VerificationContext ctx) {
        String text = ctx.text;
        if (text == null) {
            ctx.failed(ID, "There is no text to parse.");
            ctx.halted = true;
            return;
        }
        if (ctx.format == Format.JWT || ctx.jwtInImage || CompactJws.looksLikeCompactJws(text)) {
            parseJwt(ctx, text);
        } else {
            parseJson(ctx, text);
        }
        if (ctx.credential != null) {
            ctx.report.issuerId(ctx.issuerId());
            ctx.report.credentialId(JsonNodes.text(ctx.credential.get("id")));
        }
    }

    private static void parseJson(VerificationContext ctx, String text) {
        JsonNode node;
        try {
            if (ctx.format == Format.JSON) {
                Json.utf8(ctx.input); // the bytes were decoded leniently to sniff them: malformed UTF-8 is refused here
            }
            node = ctx.sniffed != null && ctx.sniffed.jws() == null && ctx.sniffed.json() != null
                    ? ctx.sniffed.json() : Json.parse(text);
        } catch (BadgeException e) {
            ctx.failed(ID, e.getMessage() == null ? "The input is not well-formed JSON." : e.getMessage());
            ctx.halted = true;
            return;
        }
        if (!(node instanceof ObjectNode obj)) {
            ctx.failed(ID, "The input is JSON but not an object, so it cannot be a credential.");
            ctx.halted = true;
            return;
        }
        ctx.credential = obj;
        ctx.passed(ID, "The credential is well-formed JSON.");
    }

    private static void parseJwt(VerificationContext ctx, String text) {
        if (!ctx.jwtInImage) {
            ctx.format = Format.JWT;
            ctx.report.format(Format.JWT);
        }
        try {
            Ob2Verifier.Sniff sniffed = ctx.sniffed;
            boolean reuse = sniffed != null && sniffed.jws() != null;
            CompactJws jws = reuse ? sniffed.jws() : CompactJws.parse(text);
            VcJwtPayload payload = VcJwtPayload.decode(jws, reuse ? sniffed.json() : null);
            ctx.jws = jws;
            ctx.jwt = payload;
            ctx.credential = payload.credential();
            String shape = switch (payload.shape()) {
                case OPEN_BADGES -> "Open Badges 3.0 VC-JWT (the payload is the credential with JWT claims)";
                case VC_JOSE -> "VC-JOSE (vc+jwt, the payload is the credential)";
                case VC_CLAIM -> "VC-JWT 1.1 (the credential is in the \"vc\" claim)";
            };
            ctx.passed(ID, "The JWT is well-formed: " + shape + ".");
            if (payload.mismatches().isEmpty()) {
                ctx.passed(JWT_CLAIMS, "The JWT claims agree with the credential.");
            } else {
                ctx.failed(JWT_CLAIMS, String.join(" ", payload.mismatches()));
            }
        } catch (JwtException e) {
            if (JWT_CLAIMS.equals(e.checkId())) {
                // a well-formed token whose payload is refused (ambiguous): readable, not acceptable,
                // and nothing further is decided from it
                ctx.passed(ID, "The JWT is a well-formed compact JWS.");
                ctx.failed(JWT_CLAIMS, e.getMessage() == null ? "The JWT payload is refused." : e.getMessage());
            } else {
                ctx.failed(ID, e.getMessage() == null ? "The JWT cannot be read." : e.getMessage());
            }
            ctx.halted = true;
        }
    }
}
