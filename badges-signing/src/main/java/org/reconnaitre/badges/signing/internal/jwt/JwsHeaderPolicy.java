package org.reconnaitre.badges.signing.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The header rules every VC-JWT must pass before its signature is even looked at: a supported
 * asymmetric algorithm (EdDSA, ES256, RS256), never {@code none} or HMAC, no critical extension
 * (this verifier understands none, so RFC 7515 §4.1.11 requires refusing any), an explicit type
 * that is a credential type when present, and an embedded {@code jwk} that is a public key only.
 * Stateless and thread-safe. Internal.
 */
public final class JwsHeaderPolicy {

    /** The algorithms accepted, with the key type each requires. */
    public enum Alg {
        EDDSA("EdDSA", "Ed25519"), ES256("ES256", "P-256"), RS256("RS256", "RSA");

        private final String jose;
        private final String keyDescription;

        Alg(String jose, String keyDescription) {
            this.jose = jose;
            this.keyDescription = keyDescription;
        }

        /** @return the JOSE name */
        public String jose() {
            return jose;
        }

        /** @return the key type this algorithm needs, for messages */
        public String keyDescription() {
            return keyDescription;
        }
    }

    private static final Set<String> CREDENTIAL_TYPES = Set.of("jwt", "vc+jwt", "application/vc+jwt",
            "vc+ld+jwt", "application/vc+ld+jwt", "vc+ld+json+jwt", "application/vc+ld+json+jwt");

    private JwsHeaderPolicy() {}

    /**
     * Applies the header rules.
     *
     * @return the accepted algorithm
     * @throws JwtException with check id {@code proof} and the reason
     */
    public static Alg check(CompactJws jws) throws JwtException {
        JsonNode algNode = jws.header().get("alg");
        if (algNode == null || !algNode.isTextual()) {
            throw new JwtException("proof", "The JWT header has no \"alg\": the signing algorithm is unknown.");
        }
        String alg = algNode.asText();
        @Nullable Alg accepted = switch (alg) {
            case "EdDSA", "Ed25519" -> Alg.EDDSA;
            case "ES256" -> Alg.ES256;
            case "RS256" -> Alg.RS256;
            default -> null;
        };
        if (accepted == null) {
            String lower = alg.toLowerCase(Locale.ROOT);
            if (lower.equals("none")) {
                throw new JwtException("proof", "The JWT is unsigned (\"alg\": \"none\"); unsigned tokens are never accepted.");
            }
            if (lower.startsWith("hs")) {
                throw new JwtException("proof", "The JWT uses " + alg + ", an HMAC algorithm: a shared secret lets anyone"
                        + " who can verify also forge, so it cannot prove who issued a credential.");
            }
            throw new JwtException("proof", "The JWT algorithm \"" + alg + "\" is not supported (accepted: EdDSA, ES256, RS256).");
        }
        JsonNode crit = jws.header().get("crit");
        if (crit != null) {
            throw new JwtException("proof", "The JWT header marks " + crit + " as critical (\"crit\"); this verifier"
                    + " implements no JWS extension, so the token must be refused.");
        }
        JsonNode b64 = jws.header().get("b64");
        if (b64 != null) {
            throw new JwtException("proof", "The JWT header uses \"b64\" (unencoded payload), which is not accepted for credentials.");
        }
        String typ = jws.headerText("typ");
        if (jws.header().has("typ") && (typ == null || !CREDENTIAL_TYPES.contains(typ.toLowerCase(Locale.ROOT)))) {
            throw new JwtException("proof", "The JWT type \"" + jws.header().get("typ") + "\" is not a credential type"
                    + " (expected JWT or vc+jwt).");
        }
        JsonNode jwk = jws.header().get("jwk");
        if (jwk != null) {
            if (!jwk.isObject()) {
                throw new JwtException("proof", "The JWT header \"jwk\" is not a JSON object.");
            }
            for (String privateMember : new String[] {"d", "p", "q", "dp", "dq", "qi", "k"}) {
                if (jwk.has(privateMember)) {
                    throw new JwtException("proof", "The JWT header \"jwk\" contains private key material (\""
                            + privateMember + "\"); a public key is expected.");
                }
            }
        }
        JsonNode kid = jws.header().get("kid");
        if (kid != null && !kid.isTextual()) {
            throw new JwtException("proof", "The JWT header \"kid\" is not a string.");
        }
        return accepted;
    }
}
