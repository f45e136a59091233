package org.reconnaitre.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.SigningKey;

/**
 * The credential and keys every benchmark shares: the committed unsigned OB 3.0 credential
 * ({@code ob3-unsigned.json}) with its issuer id set to the did:key of a fixed key, so that a full
 * verifier's key-binding check passes. Deterministic keys make runs comparable. Thread-safe
 * (immutable).
 */
final class Fixtures {

    private Fixtures() {}

    /** A fixed Ed25519 seed (benchmarks only; never a real key). */
    static byte[] ed25519Seed() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        return seed;
    }

    static SigningKey ed25519() {
        try {
            return SigningKey.fromEd25519Secret(ed25519Seed());
        } catch (BadgeException e) {
            throw new IllegalStateException(e);
        }
    }

    static SigningKey p256() {
        byte[] scalar = new byte[32];
        Arrays.fill(scalar, (byte) 11);
        try {
            return SigningKey.fromP256Secret(scalar);
        } catch (BadgeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the unsigned credential, issued by the did:key of {@code key} */
    static String unsignedCredential(SigningKey key) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ob3-unsigned.json")) {
            if (in == null) {
                throw new IllegalStateException("ob3-unsigned.json is not on the class path");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.replace("https://issuer.example/profile", DidKey.of(key.publicKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
