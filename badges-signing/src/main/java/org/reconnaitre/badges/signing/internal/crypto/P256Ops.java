package org.reconnaitre.badges.signing.internal.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over P-256 with SHA-256, deterministic k (RFC 6979), signatures as IEEE P1363 r||s (64
 * bytes). BouncyCastle low-level API. Internal. Thread-safe (a new signer per call).
 */
public final class P256Ops {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(
            CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger N = CURVE.getN();
    /** Coordinate / scalar size in bytes. */
    public static final int SIZE = 32;

    private P256Ops() {}

    /** @return a fresh private scalar in [1, n-1] */
    public static BigInteger generate(SecureRandom random) {
        BigInteger d;
        do {
            d = BigIntegers.createRandomBigInteger(256, random);
        } while (d.signum() == 0 || d.compareTo(N) >= 0);
        return d;
    }

    /** @return whether d is in [1, n-1] */
    public static boolean isValidPrivate(BigInteger d) {
        return d.signum() > 0 && d.compareTo(N) < 0;
    }

    /** @return the public point d·G, normalised */
    public static ECPoint publicPoint(BigInteger d) {
        return DOMAIN.getG().multiply(d).normalize();
    }

    /**
     * Decodes a SEC1 point (compressed or uncompressed) and checks it is a valid point of the curve.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static ECPoint decodePoint(byte[] encoded) {
        if (encoded.length != 33 && encoded.length != 65) {
            throw new IllegalArgumentException("a P-256 point is 33 (compressed) or 65 bytes, not " + encoded.length);
        }
        ECPoint p;
        try {
            p = CURVE.getCurve().decodePoint(encoded).normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a point of P-256: " + e.getMessage(), e);
        }
        if (p.isInfinity() || !p.isValid()) {
            throw new IllegalArgumentException("not a valid point of P-256");
        }
        return p;
    }

    /** @return the point from affine coordinates (32 bytes each), validated */
    public static ECPoint fromAffine(byte[] x, byte[] y) {
        if (x.length != SIZE || y.length != SIZE) {
            throw new IllegalArgumentException("P-256 coordinates are 32 bytes each");
        }
        byte[] enc = new byte[65];
        enc[0] = 4;
        System.arraycopy(x, 0, enc, 1, SIZE);
        System.arraycopy(y, 0, enc, 33, SIZE);
        return decodePoint(enc);
    }

    /** @return the 33-byte compressed encoding */
    public static byte[] compressed(ECPoint p) {
        return p.getEncoded(true);
    }

    /** @return the 32-byte big-endian x coordinate */
    public static byte[] x(ECPoint p) {
        return BigIntegers.asUnsignedByteArray(SIZE, p.getAffineXCoord().toBigInteger());
    }

    /** @return the 32-byte big-endian y coordinate */
    public static byte[] y(ECPoint p) {
        return BigIntegers.asUnsignedByteArray(SIZE, p.getAffineYCoord().toBigInteger());
    }

    /** @return the scalar as 32 big-endian bytes */
    public static byte[] scalarBytes(BigInteger d) {
        return BigIntegers.asUnsignedByteArray(SIZE, d);
    }

    /** @return r||s over SHA-256(message) */
    public static byte[] sign(BigInteger d, byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
        BigInteger[] rs = signer.generateSignature(sha256(message));
        byte[] out = new byte[2 * SIZE];
        System.arraycopy(BigIntegers.asUnsignedByteArray(SIZE, rs[0]), 0, out, 0, SIZE);
        System.arraycopy(BigIntegers.asUnsignedByteArray(SIZE, rs[1]), 0, out, SIZE, SIZE);
        return out;
    }

    /** @return whether r||s is a valid signature (high-S and low-S both accepted) */
    public static boolean verify(ECPoint q, byte[] message, byte[] signature) {
        if (signature.length != 2 * SIZE) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, SIZE));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, SIZE, 2 * SIZE));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return verifier.verifySignature(sha256(message), r, s);
    }

    private static byte[] sha256(byte[] message) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, 0, message.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
