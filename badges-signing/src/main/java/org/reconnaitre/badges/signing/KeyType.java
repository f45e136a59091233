package org.reconnaitre.badges.signing;

/**
 * The kinds of key the SDK signs and verifies with.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.generate(KeyType.ED25519);
 * assert key.type().jwsAlgorithm().equals("EdDSA");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum KeyType {
    /** Ed25519 (RFC 8032): 64-byte signatures; JOSE {@code EdDSA}; Data Integrity eddsa-*. */
    ED25519("EdDSA", "OKP", "Ed25519"),
    /** ECDSA over NIST P-256 with SHA-256: 64-byte r||s; JOSE {@code ES256}; ecdsa-rdfc-2019. */
    P256("ES256", "EC", "P-256"),
    /** RSASSA-PKCS1-v1_5 with SHA-256, 2048 to 8192-bit modulus; JOSE {@code RS256}. */
    RSA("RS256", "RSA", "");

    private final String jwsAlgorithm;
    private final String kty;
    private final String crv;

    KeyType(String jwsAlgorithm, String kty, String crv) {
        this.jwsAlgorithm = jwsAlgorithm;
        this.kty = kty;
        this.crv = crv;
    }

    /** @return the JOSE {@code alg} for this key type ({@code EdDSA}, {@code ES256}, {@code RS256}) */
    public String jwsAlgorithm() {
        return jwsAlgorithm;
    }

    /** @return the JWK {@code kty} ({@code OKP}, {@code EC}, {@code RSA}) */
    public String jwkKeyType() {
        return kty;
    }

    /** @return the JWK {@code crv}, or an empty string for RSA */
    public String jwkCurve() {
        return crv;
    }
}
