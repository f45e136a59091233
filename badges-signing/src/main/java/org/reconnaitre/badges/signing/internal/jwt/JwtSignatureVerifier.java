package org.reconnaitre.badges.signing.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.VerificationMethod;
import org.reconnaitre.badges.signing.internal.id.Identifier;

/**
 * Finds the key of a VC-JWT and checks its signature over the exact signing input.
 *
 * <p>Key sources, in order: the {@code kid} resolved through the verifier's {@link KeyResolver}
 * (did:key offline; did:web and https only through the caller's fetcher; the 1EdTech
 * {@code https://issuer#z6Mk...} fragment convention); the {@code jwk} header (an embedded public
 * key: when a {@code kid} also resolves, both must be the same key); and, with neither, the issuer
 * id itself when it is a DID the resolver can read (did:key). URLs in {@code jku} / {@code x5u} are
 * never fetched. The algorithm must match the key type (EdDSA ↔ Ed25519, ES256 ↔ P-256, RS256 ↔
 * RSA). Whether the key belongs to the issuer is decided afterwards, by the key-binding check.
 * Stateless and thread-safe. Internal.
 */
public final class JwtSignatureVerifier {

    /**
     * The key that verified the signature.
     *
     * @param key the key
     * @param method the verification method it was resolved as, or null for an embedded jwk
     * @param reference how the key was named (kid, "jwk header", or the issuer DID)
     */
    public record Verified(VerificationKey key, @Nullable VerificationMethod method, String reference) {
        /** @return how the key was obtained */
        public KeySource source() {
            return method == null ? KeySource.EMBEDDED : method.source();
        }
    }

    private JwtSignatureVerifier() {}

    /**
     * Applies the header policy, finds the key and checks the signature.
     *
     * @throws JwtException with check id {@code proof} and the reason
     */
    public static Verified verify(CompactJws jws, KeyResolver resolver, @Nullable String issuerId) throws JwtException {
        JwsHeaderPolicy.Alg alg = JwsHeaderPolicy.check(jws);
        String kid = jws.headerText("kid");
        JsonNode jwkNode = jws.header().get("jwk");

        VerificationMethod fromKid = null;
        String kidProblem = null;
        if (kid != null) {
            String url = kid;
            if (kid.startsWith("#") && issuerId != null) {
                // a relative kid names a key in the issuer's own document: resolved against the parsed issuer id
                url = Identifier.tryParse(issuerId).map(i -> i.resource() + kid).orElse(kid);
            }
            try {
                fromKid = resolver.resolve(url);
            } catch (BadgeException | RuntimeException e) {
                kidProblem = "The JWT key id \"" + kid + "\" could not be resolved: " + e.getMessage();
            }
        }
        VerificationKey embedded = null;
        if (jwkNode != null) {
            try {
                embedded = VerificationKey.fromJwk(Json.write(jwkNode));
            } catch (BadgeException | RuntimeException e) {
                throw new JwtException("proof", "The JWT header \"jwk\" is not a usable public key: " + e.getMessage());
            }
        }

        Verified chosen;
        if (fromKid != null) {
            if (embedded != null && !embedded.equals(fromKid.key())) {
                throw new JwtException("proof", "The JWT header \"jwk\" is not the key that \"kid\" (" + kid
                        + ") names; the token is refused.");
            }
            chosen = new Verified(fromKid.key(), fromKid, kid == null ? "kid" : kid);
        } else if (embedded != null) {
            chosen = new Verified(embedded, null, "the JWT header \"jwk\"");
        } else if (kidProblem != null) {
            throw new JwtException("proof", kidProblem);
        } else if (issuerId != null && Identifier.tryParse(issuerId).map(Identifier::isDid).orElse(false)) {
            try {
                VerificationMethod vm = resolver.resolve(issuerId);
                chosen = new Verified(vm.key(), vm, issuerId);
            } catch (BadgeException | RuntimeException e) {
                throw new JwtException("proof", "The JWT names no key (no \"kid\", no \"jwk\") and the issuer " + issuerId
                        + " could not be resolved to one: " + e.getMessage());
            }
        } else {
            throw new JwtException("proof", "The JWT names no key: its header has neither \"kid\" nor \"jwk\", and the"
                    + " issuer id is not a DID, so the signature cannot be checked.");
        }

        KeyType expected = switch (alg) {
            case EDDSA -> KeyType.ED25519;
            case ES256 -> KeyType.P256;
            case RS256 -> KeyType.RSA;
        };
        if (chosen.key().type() != expected) {
            throw new JwtException("proof", "The JWT algorithm " + alg.jose() + " needs an " + alg.keyDescription()
                    + " key, but " + chosen.reference() + " is a " + chosen.key().type() + " key.");
        }
        if (!chosen.key().verify(jws.signingInput(), jws.signature())) {
            throw new JwtException("proof", "The JWT signature (" + alg.jose() + ") does not verify with the key from "
                    + chosen.reference() + ": the token was altered or signed with another key.");
        }
        return chosen;
    }
}
