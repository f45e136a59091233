package org.reconnaitre.badges.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
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
 * A private key with its public half: Ed25519, P-256 or RSA. Validated at creation; its
 * {@link #toString()} never shows the secret. It carries a key id ({@code kid}); by default the
 * RFC 7638 thumbprint of the public key.
 *
 * <p>Ed25519 secrets are accepted in every common form — a 32-byte seed, a 64-byte seed‖public key,
 * a multibase Multikey secret ({@code z3u2...}, multicodec 0x8026, with or without the public key
 * appended) or a JWK — and always emitted in the spec forms (JWK {@code d} = seed; multibase
 * 0x8026‖seed).
 *
 * <pre>{@code
 * SigningKey key = SigningKey.generate(KeyType.ED25519).withKeyId("did:key:z6Mk...#z6Mk...");
 * String jwk = key.toPrivateJwk();              // store it safely
 * SigningKey again = SigningKey.fromJwk(jwk);
 * byte[] signature = again.sign("hello".getBytes(StandardCharsets.UTF_8));
 * boolean ok = again.publicKey().verify("hello".getBytes(StandardCharsets.UTF_8), signature);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SigningKey {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyType type;
    private final VerificationKey publicKey;
    /** Ed25519 seed or P-256 scalar (32 bytes); empty for RSA. */
    private final byte[] secret;
    private final @Nullable PrivateKey rsaPrivate;
    private final String keyId;

    private SigningKey(KeyType type, VerificationKey publicKey, byte[] secret, @Nullable PrivateKey rsaPrivate,
            @Nullable String keyId) {
        this.type = type;
        this.publicKey = publicKey;
        this.secret = secret;
        this.rsaPrivate = rsaPrivate;
        this.keyId = keyId == null || keyId.isEmpty() ? publicKey.thumbprint() : keyId;
    }

    /**
     * Generates a new key (RSA: 2048 bits).
     *
     * @param type the key type
     * @return a fresh key whose key id is its thumbprint
     */
    public static SigningKey generate(KeyType type) {
        Objects.requireNonNull(type, "type");
        try {
            switch (type) {
                case ED25519:
                    return ed25519Seed(Ed25519Ops.generateSeed(RANDOM), null);
                case P256:
                    return p256(P256Ops.generate(RANDOM), null);
                default:
                    KeyPair kp = RsaOps.generate();
                    RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
                    return new SigningKey(KeyType.RSA,
                            VerificationKey.rsa(pub.getModulus(), pub.getPublicExponent()), new byte[0],
                            kp.getPrivate(), null);
            }
        } catch (BadgeException e) {
            throw new IllegalStateException("generated key rejected", e);
        }
    }

    /**
     * An Ed25519 key from a 32-byte seed or a 64-byte seed‖public key (the public half is checked).
     *
     * @throws BadgeException {@code INVALID_KEY} for another length or a public half that does not match
     */
    public static SigningKey fromEd25519Secret(byte[] secret) throws BadgeException {
        if (secret.length == 32) {
            return ed25519Seed(secret.clone(), null);
        }
        if (secret.length == 64) {
            byte[] seed = Arrays.copyOf(secret, 32);
            SigningKey k = ed25519Seed(seed, null);
            if (!Arrays.equals(k.publicKey.encoded(), Arrays.copyOfRange(secret, 32, 64))) {
                throw VerificationKey.invalid("the last 32 bytes of the 64-byte Ed25519 secret are not the public key of its seed");
            }
            return k;
        }
        throw VerificationKey.invalid("an Ed25519 secret is 32 bytes (seed) or 64 bytes (seed and public key), not "
                + secret.length);
    }

    /**
     * A P-256 key from its 32-byte private scalar.
     *
     * @throws BadgeException {@code INVALID_KEY} when the scalar is not in [1, n-1]
     */
    public static SigningKey fromP256Secret(byte[] scalar) throws BadgeException {
        if (scalar.length != 32) {
            throw VerificationKey.invalid("a P-256 secret is 32 bytes, not " + scalar.length);
        }
        return p256(new BigInteger(1, scalar), null);
    }

    /**
     * A key from a multibase Multikey secret: ed25519-priv (0x8026) followed by the seed (and
     * optionally the public key), or p256-priv (0x8626) followed by the scalar.
     *
     * @throws BadgeException {@code INVALID_KEY} when it is not such a value
     */
    public static SigningKey fromMultibase(String secretKeyMultibase) throws BadgeException {
        byte[] bytes;
        try {
            bytes = Multibase.decode(secretKeyMultibase.strip());
        } catch (IllegalArgumentException e) {
            throw VerificationKey.invalid("not a multibase secret key: " + e.getMessage());
        }
        try {
            byte[] ed = Multicodec.ED25519_PRIV.wrap(new byte[0]);
            if (bytes.length == ed.length + 64 && bytes[0] == ed[0] && bytes[1] == ed[1]) {
                return fromEd25519Secret(Arrays.copyOfRange(bytes, 2, bytes.length));
            }
            Optional<Multicodec.Decoded> d = Multicodec.unwrap(bytes);
            if (d.isPresent() && d.get().codec() == Multicodec.ED25519_PRIV) {
                return fromEd25519Secret(d.get().key());
            }
            if (d.isPresent() && d.get().codec() == Multicodec.P256_PRIV) {
                return fromP256Secret(d.get().key());
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        throw VerificationKey.invalid("multibase secret has no ed25519-priv (0x8026) or p256-priv (0x8626) prefix"
                + " of the right length");
    }

    /**
     * A key from a private JWK (RFC 7517 / 8037): {@code OKP}/{@code Ed25519}, {@code EC}/{@code P-256}
     * or {@code RSA}. A {@code kid} member becomes the key id. The public members must match the
     * private ones.
     *
     * @throws BadgeException {@code INVALID_KEY} (or {@code MALFORMED_JSON}) when it is not such a key
     */
    public static SigningKey fromJwk(String json) throws BadgeException {
        JsonNode jwk = Json.parse(json);
        if (!jwk.isObject()) {
            throw VerificationKey.invalid("a JWK must be a JSON object");
        }
        if (!jwk.hasNonNull("d")) {
            throw VerificationKey.invalid("the JWK has no private member 'd' (it is a public key)");
        }
        JsonNode kidNode = jwk.get("kid");
        String kid = kidNode != null && kidNode.isTextual() ? kidNode.asText() : null;
        VerificationKey declared = VerificationKey.fromJwkNode(jwk);
        SigningKey key;
        try {
            byte[] d = B64.decode(VerificationKey.text(jwk, "d"));
            switch (declared.type()) {
                case ED25519:
                    key = fromEd25519Secret(d).withKeyId(kid);
                    break;
                case P256:
                    key = fromP256Secret(d).withKeyId(kid);
                    break;
                default: {
                    BigInteger n = new BigInteger(1, B64.decode(VerificationKey.text(jwk, "n")));
                    BigInteger e = new BigInteger(1, B64.decode(VerificationKey.text(jwk, "e")));
                    PrivateKey pk = RsaOps.privateKey(n, e, new BigInteger(1, d), big(jwk, "p"), big(jwk, "q"),
                            big(jwk, "dp"), big(jwk, "dq"), big(jwk, "qi"));
                    key = new SigningKey(KeyType.RSA, declared, new byte[0], pk, kid);
                    byte[] probe = {1, 2, 3};
                    if (!declared.verify(probe, key.sign(probe))) {
                        throw VerificationKey.invalid("the RSA private key does not match n and e");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw VerificationKey.invalid("malformed JWK: " + e.getMessage());
        }
        if (!key.publicKey.equals(declared)) {
            throw VerificationKey.invalid("the JWK's public members do not match its private key");
        }
        return key;
    }

    /**
     * Reads a secret in any supported text form: a JWK (JSON object), a multibase secret
     * ({@code z...}), or hex of a 32-byte or 64-byte Ed25519 secret.
     *
     * @throws BadgeException {@code INVALID_KEY} when the text is none of these
     */
    public static SigningKey parse(String text) throws BadgeException {
        String t = text.strip();
        if (t.startsWith("{")) {
            return fromJwk(t);
        }
        if ((t.length() == 64 || t.length() == 128) && t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return fromEd25519Secret(HexFormat.of().parseHex(t));
        }
        if (t.startsWith("z") || t.startsWith("u")) {
            return fromMultibase(t);
        }
        throw VerificationKey.invalid("unrecognised secret key format (expected a JWK, a multibase secret or hex)");
    }

    private static SigningKey ed25519Seed(byte[] seed, @Nullable String kid) throws BadgeException {
        return new SigningKey(KeyType.ED25519, VerificationKey.ed25519(Ed25519Ops.publicKey(seed)), seed, null, kid);
    }

    private static SigningKey p256(BigInteger d, @Nullable String kid) throws BadgeException {
        if (!P256Ops.isValidPrivate(d)) {
            throw VerificationKey.invalid("P-256 private scalar out of range");
        }
        return new SigningKey(KeyType.P256, VerificationKey.p256(P256Ops.compressed(P256Ops.publicPoint(d))),
                P256Ops.scalarBytes(d), null, kid);
    }

    private static @Nullable BigInteger big(JsonNode jwk, String field) {
        JsonNode v = jwk.get(field);
        return v == null || !v.isTextual() ? null : new BigInteger(1, B64.decode(v.asText()));
    }

    /**
     * @param keyId the new key id; {@code null} or empty resets it to the thumbprint
     * @return a copy of this key with another key id
     */
    public SigningKey withKeyId(@Nullable String keyId) {
        return new SigningKey(type, publicKey, secret, rsaPrivate, keyId);
    }

    /** @return the key type */
    public KeyType type() {
        return type;
    }

    /** @return the public half */
    public VerificationKey publicKey() {
        return publicKey;
    }

    /** @return the key id ({@code kid}): the one given, or the RFC 7638 thumbprint */
    public String keyId() {
        return keyId;
    }

    /**
     * Signs bytes. Ed25519: 64 bytes (RFC 8032, deterministic); P-256: ECDSA over SHA-256 with
     * deterministic k (RFC 6979), IEEE P1363 r||s, 64 bytes; RSA: PKCS#1 v1.5 with SHA-256.
     *
     * @param message the bytes to sign
     * @return the signature
     */
    public byte[] sign(byte[] message) {
        switch (type) {
            case ED25519:
                return Ed25519Ops.sign(secret, message);
            case P256:
                return P256Ops.sign(new BigInteger(1, secret), message);
            default:
                return RsaOps.sign(Objects.requireNonNull(rsaPrivate), message);
        }
    }

    /** @return the public JWK with {@code kid}, as compact JSON */
    public String toPublicJwk() {
        ObjectNode n = publicKey.jwkNode();
        n.put("kid", keyId);
        return Json.write(n);
    }

    /** @return the private JWK with {@code kid}, as compact JSON. Handle it as a secret. */
    public String toPrivateJwk() {
        ObjectNode n = publicKey.jwkNode();
        switch (type) {
            case ED25519:
            case P256:
                n.put("d", B64.encode(secret));
                break;
            default: {
                PrivateKey pk = Objects.requireNonNull(rsaPrivate);
                n.put("d", B64.encode(VerificationKey.toUnsigned(((RSAPrivateKey) pk).getPrivateExponent())));
                if (pk instanceof RSAPrivateCrtKey crt) {
                    n.put("p", B64.encode(VerificationKey.toUnsigned(crt.getPrimeP())));
                    n.put("q", B64.encode(VerificationKey.toUnsigned(crt.getPrimeQ())));
                    n.put("dp", B64.encode(VerificationKey.toUnsigned(crt.getPrimeExponentP())));
                    n.put("dq", B64.encode(VerificationKey.toUnsigned(crt.getPrimeExponentQ())));
                    n.put("qi", B64.encode(VerificationKey.toUnsigned(crt.getCrtCoefficient())));
                }
            }
        }
        n.put("kid", keyId);
        return Json.write(n);
    }

    /**
     * The Multikey secret in its spec form: ed25519-priv (0x8026) ‖ 32-byte seed, or p256-priv
     * (0x8626) ‖ 32-byte scalar, base58btc. Handle it as a secret.
     *
     * @throws IllegalStateException for an RSA key
     */
    public String toMultibase() {
        switch (type) {
            case ED25519:
                return Multibase.encodeBase58(Multicodec.ED25519_PRIV.wrap(secret));
            case P256:
                return Multibase.encodeBase58(Multicodec.P256_PRIV.wrap(secret));
            default:
                throw new IllegalStateException("RSA keys have no Multikey form; use toPrivateJwk()");
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SigningKey[" + type + ", kid=" + keyId + ", public=" + publicKey + "]";
    }
}
