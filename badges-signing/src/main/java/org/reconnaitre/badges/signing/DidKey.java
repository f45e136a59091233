package org.reconnaitre.badges.signing;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.internal.id.InvalidIdentifierException;

/**
 * The {@code did:key} method for Ed25519 ({@code did:key:z6Mk...}) and P-256
 * ({@code did:key:zDn...}): create an identifier from a key, and resolve one offline into its DID
 * document (one {@code Multikey} verification method whose fragment is the multibase key).
 *
 * <pre>{@code
 * SigningKey key = SigningKey.generate(KeyType.ED25519);
 * String did = DidKey.of(key.publicKey());                     // did:key:z6Mk...
 * String vm = DidKey.verificationMethodId(key.publicKey());     // did:key:z6Mk...#z6Mk...
 * DidDocument doc = DidKey.resolve(did);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DidKey {
    private static final int MAX_LENGTH = 256;
    private static final Set<String> RELATIONSHIPS = Set.of(VerificationMethod.ASSERTION_METHOD, "authentication",
            "capabilityInvocation", "capabilityDelegation");

    private DidKey() {}

    /**
     * @param key an Ed25519 or P-256 key
     * @return its {@code did:key} identifier
     * @throws IllegalArgumentException for an RSA key
     */
    public static String of(VerificationKey key) {
        if (key.type() == KeyType.RSA) {
            throw new IllegalArgumentException("did:key is supported for Ed25519 and P-256 keys only");
        }
        return key.didKey();
    }

    /**
     * @param key an Ed25519 or P-256 key
     * @return {@code did:key:<mb>#<mb>}, the id of its verification method
     */
    public static String verificationMethodId(VerificationKey key) {
        String mb = of(key).substring("did:key:".length());
        return "did:key:" + mb + "#" + mb;
    }

    /**
     * Resolves a {@code did:key} identifier (a fragment, if present, must repeat the key).
     *
     * @param did {@code did:key:z...}, optionally with {@code #z...}
     * @return its DID document
     * @throws BadgeException {@code INVALID_KEY} when it is not a well-formed did:key of a supported key
     */
    public static DidDocument resolve(String did) throws BadgeException {
        Objects.requireNonNull(did, "did");
        if (did.length() > MAX_LENGTH) {
            throw new BadgeException(BadgeException.Code.INVALID_KEY, "Not a did:key identifier: " + abbreviate(did));
        }
        Identifier parsed;
        try {
            parsed = Identifier.parse(did);
        } catch (InvalidIdentifierException e) {
            throw new BadgeException(BadgeException.Code.INVALID_KEY, "Not a did:key identifier: " + e.getMessage());
        }
        if (!parsed.isDid("key") || !parsed.withoutFragment().isBareDid()) {
            throw new BadgeException(BadgeException.Code.INVALID_KEY, "Not a did:key identifier: " + abbreviate(did));
        }
        String rest = parsed.did().orElseThrow().substring("did:key:".length());
        String fragment = parsed.fragment().orElse(null);
        if (!rest.startsWith("z")) {
            throw new BadgeException(BadgeException.Code.INVALID_KEY,
                    "Unsupported did:key encoding in " + abbreviate(did) + " (expected base58btc 'z')");
        }
        if (fragment != null && !fragment.equals(rest)) {
            throw new BadgeException(BadgeException.Code.INVALID_KEY,
                    "The fragment of " + abbreviate(did) + " does not name the did:key's own key");
        }
        VerificationKey key = VerificationKey.fromMultikey(rest);
        String id = "did:key:" + rest;
        String vmId = id + "#" + rest;
        // did:key: the one key is implicitly listed under every relationship but keyAgreement
        VerificationMethod vm = new VerificationMethod(vmId, "Multikey", id, key, KeySource.DID_KEY, RELATIONSHIPS);
        return new DidDocument(id, List.of(vm), List.of(vmId), List.of(vmId));
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
