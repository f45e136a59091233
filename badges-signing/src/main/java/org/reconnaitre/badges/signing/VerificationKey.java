package org.reconnaitre.badges.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.internal.crypto.B64;
import org.reconnaitre.badges.signing.internal.crypto.Ed25519Ops;
import org.reconnaitre.badges.signing.internal.crypto.P256Ops;
import org.reconnaitre.badges.signing.internal.crypto.RsaOps;
import org.reconnaitre.badges.signing.internal.multiformats.Multibase;
import org.reconnaitre.badges.signing.internal.multiformats.Multicodec;

/**
 * A public key that checks signatures: Ed25519, P-256 or RSA. Validated at creation (points on the
 * curve and of prime order, RSA modulus 2048–8192 bits), so an instance always holds a usable key.
 *
 * <pre>{@code
 * VerificationKey key = VerificationKey.fromMultikey("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
 * String did = key.didKey();          // did:key:z6MkjZRZ...
 * boolean ok = key.verify(message, signature);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Equality is by key type and key value.
 */
public final class VerificationKey {
    private final KeyType type;
    /** Ed25519: 32 raw bytes; P-256: 33-byte compressed point; RSA: unsigned n. */
    private final byte[] encoded;
    private final @Nullable ECPoint point;
    private final @Nullable RSAPublicKey rsa;

    private VerificationKey(KeyType type, byte[] encoded, @Nullable ECPoint point, @Nullable RSAPublicKey rsa) {
        this.type = type;
        this.encoded = encoded;
        this.point = point;
        this.rsa = rsa;
    }

    /**
     * An Ed25519 public key from its 32 raw bytes.
     *
     * @throws BadgeException {@code INVALID_KEY} when the bytes are not a valid point of prime order
     */
    public static VerificationKey ed25519(byte[] publicKey) throws BadgeException {
        if (!Ed25519Ops.isValidPublicKey(publicKey)) {
            throw invalid("not a valid Ed25519 public key (" + publicKey.length
                    + " bytes; expected a 32-byte encoding of a point of prime order)");
        }
        return new VerificationKey(KeyType.ED25519, publicKey.clone(), null, null);
    }

    /**
     * A P-256 public key from its SEC1 encoding (33 bytes compressed or 65 uncompressed).
     *
     * @throws BadgeException {@code INVALID_KEY} when it is not a valid curve point
     */
    public static VerificationKey p256(byte[] sec1) throws BadgeException {
        try {
            ECPoint p = P256Ops.decodePoint(sec1);
            return new VerificationKey(KeyType.P256, P256Ops.compressed(p), p, null);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * An RSA public key from its modulus and exponent.
     *
     * @throws BadgeException {@code INVALID_KEY} for a modulus outside 2048–8192 bits or a bad exponent
     */
    public static VerificationKey rsa(BigInteger modulus, BigInteger exponent) throws BadgeException {
        try {
            RSAPublicKey k = RsaOps.publicKey(modulus, exponent);
            return new VerificationKey(KeyType.RSA, toUnsigned(modulus), null, k);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * A key from a Multikey {@code publicKeyMultibase}: base58btc with the ed25519-pub (0xed01) or
     * p256-pub (0x1200, compressed point) multicodec prefix.
     *
     * @throws BadgeException {@code INVALID_KEY} when the value is not such a key
     */
    public static VerificationKey fromMultikey(String publicKeyMultibase) throws BadgeException {
        byte[] bytes;
        try {
            bytes = Multibase.decode(publicKeyMultibase);
        } catch (IllegalArgumentException e) {
            throw invalid("not a multibase public key: " + e.getMessage());
        }
        Optional<Multicodec.Decoded> d = Multicodec.unwrap(bytes);
        if (d.isEmpty()) {
            throw invalid("publicKeyMultibase has no ed25519-pub (0xed01) or p256-pub (0x1200) prefix"
                    + " of the right length");
        }
        switch (d.get().codec()) {
            case ED25519_PUB:
                return ed25519(d.get().key());
            case P256_PUB:
                return p256(d.get().key());
            default:
                throw invalid("publicKeyMultibase holds a secret key, not a public key");
        }
    }

    /**
     * A key from a public JWK (RFC 7517 / 8037): {@code OKP}/{@code Ed25519}, {@code EC}/{@code P-256}
     * or {@code RSA}. Private members, if present, are ignored.
     *
     * @throws BadgeException {@code INVALID_KEY} (or {@code MALFORMED_JSON}) when it is not such a key
     */
    public static VerificationKey fromJwk(String json) throws BadgeException {
        return fromJwkNode(Json.parse(json));
    }

    static VerificationKey fromJwkNode(JsonNode jwk) throws BadgeException {
        if (!jwk.isObject()) {
            throw invalid("a JWK must be a JSON object");
        }
        String kty = text(jwk, "kty");
        try {
            switch (kty) {
                case "OKP": {
                    String crv = text(jwk, "crv");
                    if (!"Ed25519".equals(crv)) {
                        throw invalid("unsupported OKP curve '" + crv + "' (only Ed25519)");
                    }
                    return ed25519(B64.decode(text(jwk, "x")));
                }
                case "EC": {
                    String crv = text(jwk, "crv");
                    if (!"P-256".equals(crv)) {
                        throw invalid("unsupported EC curve '" + crv + "' (only P-256)");
                    }
                    try {
                        ECPoint p = P256Ops.fromAffine(B64.decode(text(jwk, "x")), B64.decode(text(jwk, "y")));
                        return new VerificationKey(KeyType.P256, P256Ops.compressed(p), p, null);
                    } catch (IllegalArgumentException e) {
                        throw invalid(e.getMessage());
                    }
                }
                case "RSA":
                    return rsa(new BigInteger(1, B64.decode(text(jwk, "n"))),
                            new BigInteger(1, B64.decode(text(jwk, "e"))));
                default:
                    throw invalid("unsupported JWK kty '" + kty + "' (expected OKP, EC or RSA)");
            }
        } catch (IllegalArgumentException e) {
            throw invalid("malformed JWK: " + e.getMessage());
        }
    }

    /** @return the key type */
    public KeyType type() {
        return type;
    }

    /**
     * The Multikey {@code publicKeyMultibase}: {@code z6Mk...} for Ed25519, {@code zDn...} for P-256.
     *
     * @throws IllegalStateException for an RSA key (no Multikey form in use)
     */
    public String toMultibase() {
        switch (type) {
            case ED25519:
                return Multibase.encodeBase58(Multicodec.ED25519_PUB.wrap(encoded));
            case P256:
                return Multibase.encodeBase58(Multicodec.P256_PUB.wrap(encoded));
            default:
                throw new IllegalStateException("RSA keys have no Multikey form; use toJwk()");
        }
    }

    /**
     * The {@code did:key} identifier of this key (Ed25519 or P-256).
     *
     * @throws IllegalStateException for an RSA key
     */
    public String didKey() {
        return "did:key:" + toMultibase();
    }

    /** @return the public JWK as compact JSON, without a {@code kid} */
    public String toJwk() {
        return Json.write(jwkNode());
    }

    ObjectNode jwkNode() {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("kty", type.jwkKeyType());
        switch (type) {
            case ED25519:
                n.put("crv", "Ed25519");
                n.put("x", B64.encode(encoded));
                break;
            case P256:
                n.put("crv", "P-256");
                n.put("x", B64.encode(P256Ops.x(point())));
                n.put("y", B64.encode(P256Ops.y(point())));
                break;
            default:
                RSAPublicKey k = rsaKey();
                n.put("n", B64.encode(toUnsigned(k.getModulus())));
                n.put("e", B64.encode(toUnsigned(k.getPublicExponent())));
        }
        return n;
    }

    /** @return the RFC 7638 JWK SHA-256 thumbprint, base64url */
    public String thumbprint() {
        String canonical;
        ObjectNode j = jwkNode();
        switch (type) {
            case RSA:
                canonical = "{\"e\":\"" + j.get("e").asText() + "\",\"kty\":\"RSA\",\"n\":\"" + j.get("n").asText() + "\"}";
                break;
            case P256:
                canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + j.get("x").asText() + "\",\"y\":\""
                        + j.get("y").asText() + "\"}";
                break;
            default:
                canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + j.get("x").asText() + "\"}";
        }
        try {
            return B64.encode(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key bytes: Ed25519 the 32 raw bytes, P-256 the 33-byte compressed point, RSA the modulus.
     *
     * @return a copy
     */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * Checks a signature. Ed25519: 64 bytes; P-256: IEEE P1363 r||s, 64 bytes, over SHA-256 of the
     * message (high-S accepted); RSA: PKCS#1 v1.5 with SHA-256. Never throws for a malformed signature.
     *
     * @param message the signed bytes
     * @param signature the signature
     * @return whether it is valid
     */
    public boolean verify(byte[] message, byte[] signature) {
        switch (type) {
            case ED25519:
                return Ed25519Ops.verify(encoded, message, signature);
            case P256:
                return P256Ops.verify(point(), message, signature);
            default:
                return RsaOps.verify(rsaKey(), message, signature);
        }
    }

    private ECPoint point() {
        return java.util.Objects.requireNonNull(point);
    }

    private RSAPublicKey rsaKey() {
        return java.util.Objects.requireNonNull(rsa);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof VerificationKey k && k.type == type && Arrays.equals(k.encoded, encoded)
                && (type != KeyType.RSA || rsaKey().getPublicExponent().equals(k.rsaKey().getPublicExponent()));
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "VerificationKey[" + type + " " + (type == KeyType.RSA ? "thumbprint " + thumbprint() : toMultibase()) + "]";
    }

    static String text(JsonNode node, String field) throws BadgeException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw invalid("JWK member '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    static byte[] toUnsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            return Arrays.copyOfRange(b, 1, b.length);
        }
        return b;
    }

    static BadgeException invalid(@Nullable String message) {
        return new BadgeException(BadgeException.Code.INVALID_KEY, "Invalid key: " + message);
    }
}
