package org.reconnaitre.badges.signing.internal.crypto;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Ed25519 (RFC 8032) through BouncyCastle's low-level code. Internal. Thread-safe (stateless). */
public final class Ed25519Ops {
    /** Seed, public key and signature sizes. */
    public static final int SEED = 32;
    public static final int PUBLIC = 32;
    public static final int SIGNATURE = 64;

    private Ed25519Ops() {}

    /** @return a fresh 32-byte seed */
    public static byte[] generateSeed(SecureRandom random) {
        byte[] seed = new byte[SEED];
        Ed25519.generatePrivateKey(random, seed);
        return seed;
    }

    /** @return the public key of a seed */
    public static byte[] publicKey(byte[] seed) {
        byte[] pk = new byte[PUBLIC];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        return pk;
    }

    /** @return whether the 32 bytes encode a valid point of prime order (rejects small-order keys) */
    public static boolean isValidPublicKey(byte[] pk) {
        return pk.length == PUBLIC && Ed25519.validatePublicKeyFull(pk, 0);
    }

    /** @return the 64-byte signature */
    public static byte[] sign(byte[] seed, byte[] message) {
        byte[] sig = new byte[SIGNATURE];
        Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    /** @return whether the signature is valid; false for a signature of the wrong length */
    public static boolean verify(byte[] pk, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE || pk.length != PUBLIC) {
            return false;
        }
        return Ed25519.verify(signature, 0, pk, 0, message, 0, message.length);
    }
}
