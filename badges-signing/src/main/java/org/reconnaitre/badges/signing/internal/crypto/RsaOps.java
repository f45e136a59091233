package org.reconnaitre.badges.signing.internal.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;

/** RSASSA-PKCS1-v1_5 with SHA-256 through the JDK. Internal. Thread-safe (new objects per call). */
public final class RsaOps {
    /** Smallest modulus accepted, in bits. */
    public static final int MIN_BITS = 2048;
    /** Largest modulus accepted, in bits (bounds verification cost). */
    public static final int MAX_BITS = 8192;

    private RsaOps() {}

    /** @return a new 2048-bit key pair with e = 65537 */
    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JDK", e);
        }
    }

    /** @throws IllegalArgumentException when the modulus or exponent is unacceptable */
    public static RSAPublicKey publicKey(BigInteger n, BigInteger e) {
        int bits = n.bitLength();
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("RSA modulus of " + bits + " bits (accepted: "
                    + MIN_BITS + " to " + MAX_BITS + ")");
        }
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.bitLength() > 256) {
            throw new IllegalArgumentException("unacceptable RSA public exponent");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("invalid RSA public key: " + ex.getMessage(), ex);
        }
    }

    /** Builds a private key from CRT parts (all non-null) or from (n, d). */
    public static PrivateKey privateKey(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
            BigInteger dp, BigInteger dq, BigInteger qi) {
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            if (p != null && q != null && dp != null && dq != null && qi != null) {
                if (!p.multiply(q).equals(n)) {
                    throw new IllegalArgumentException("RSA p·q does not equal n");
                }
                return kf.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qi));
            }
            return kf.generatePrivate(new RSAPrivateKeySpec(n, d));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("invalid RSA private key: " + ex.getMessage(), ex);
        }
    }

    /** @return the PKCS#1 v1.5 SHA-256 signature */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing failed: " + e.getMessage(), e);
        }
    }

    /** @return whether the signature is valid */
    public static boolean verify(RSAPublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
