package org.reconnaitre.badges.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A salted recipient identity hash, as Open Badges writes it: {@code sha256$} (or, in Open Badges
 * 2.0, {@code md5$}) followed by the lowercase hex digest of the identity immediately followed by
 * the salt (UTF-8). OB 3.0 puts it in {@link IdentityObject#identityHash()}, OB 2.0 in
 * {@code recipient.identity}.
 *
 * <p>Email addresses: {@link #createEmail(String, String)} hashes the trimmed, lower-cased address,
 * and {@link #matchesEmail(String, String)} accepts a candidate as given or lower-cased, so that
 * {@code Alice@Example.org} matches a hash made by an issuer that lower-cased the address and one
 * that did not. Comparisons of digests run in constant time.
 *
 * <pre>{@code
 * String salt = IdentityHash.randomSalt();
 * IdentityHash h = IdentityHash.createEmail("alice@example.org", salt);
 * String written = h.toString();                        // "sha256$…"
 * IdentityHash.parse(written).orElseThrow().matchesEmail("Alice@example.org", salt);   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class IdentityHash {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final String algorithm;
    private final byte[] digest;

    private IdentityHash(String algorithm, byte[] digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /**
     * Hashes an identity exactly as given, with SHA-256.
     *
     * @param identity the identity (email address, URL, telephone number, ...)
     * @param salt the salt, appended to the identity; may be empty
     * @return the hash
     */
    public static IdentityHash create(String identity, String salt) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(salt, "salt");
        return new IdentityHash("sha256", digest("sha256", identity + salt));
    }

    /**
     * Hashes an email address after trimming and lower-casing it (the usual practice of issuers).
     *
     * @param email the address
     * @param salt the salt
     * @return the hash
     */
    public static IdentityHash createEmail(String email, String salt) {
        return create(normaliseEmail(email), salt);
    }

    /**
     * Reads {@code sha256$<64 hex>} or {@code md5$<32 hex>}; the algorithm name and the hex digits
     * are read without regard to case.
     *
     * @param text the written hash
     * @return the hash, or empty when the text is not a hash
     */
    public static Optional<IdentityHash> parse(String text) {
        int dollar = text.indexOf('$');
        if (dollar < 0) {
            return Optional.empty();
        }
        String alg = text.substring(0, dollar).toLowerCase(Locale.ROOT);
        String hex = text.substring(dollar + 1);
        int len = alg.equals("sha256") ? 64 : alg.equals("md5") ? 32 : -1;
        if (hex.length() != len) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IdentityHash(alg, HEX.parseHex(hex.toLowerCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return a fresh random salt: 16 bytes from a {@link SecureRandom}, as 32 hex digits */
    public static String randomSalt() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    /** @return {@code sha256} or {@code md5} */
    public String algorithm() {
        return algorithm;
    }

    /** @return the digest as lowercase hex */
    public String hex() {
        return HEX.formatHex(digest);
    }

    /**
     * Checks an identity exactly as given, in constant time.
     *
     * @param identity the candidate identity
     * @param salt the salt that was used
     * @return whether the identity and salt give this hash
     */
    public boolean matches(String identity, String salt) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(salt, "salt");
        return MessageDigest.isEqual(digest, digest(algorithm, identity + salt));
    }

    /**
     * Checks an email address as given and trimmed/lower-cased (both are always computed).
     *
     * @param email the candidate address
     * @param salt the salt that was used
     * @return whether either form gives this hash
     */
    public boolean matchesEmail(String email, String salt) {
        boolean asGiven = matches(email, salt);
        boolean normalised = matches(normaliseEmail(email), salt);
        return asGiven | normalised;
    }

    /** @return {@code sha256$<hex>} */
    @Override
    public String toString() {
        return algorithm + "$" + hex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityHash h && h.algorithm.equals(algorithm) && MessageDigest.isEqual(h.digest, digest);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(digest);
    }

    /**
     * The recipient check shared by OB 3.0 IdentityObjects and OB 2.0 recipients: against the
     * hash when hashed, else against the plain value; email addresses without regard to case.
     */
    static boolean matchesRecipient(String value, boolean hashed, boolean email, String salt, String candidate) {
        Objects.requireNonNull(candidate, "identity");
        if (hashed) {
            Optional<IdentityHash> h = parse(value);
            return h.isPresent() && (email ? h.get().matchesEmail(candidate, salt) : h.get().matches(candidate, salt));
        }
        return email ? constantTimeEquals(normaliseEmail(value), normaliseEmail(candidate)) : constantTimeEquals(value, candidate);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.equals("md5") ? "MD5" : "SHA-256");
            return md.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
