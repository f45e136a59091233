package org.reconnaitre.badges.signing.internal.multiformats;

import java.util.Arrays;
import java.util.Optional;

/**
 * The multicodec key prefixes used by Multikey and did:key (unsigned varint codes). Internal.
 * Thread-safe (immutable).
 */
public enum Multicodec {
    /** ed25519-pub, 0xed: 32-byte public key. */
    ED25519_PUB(0xed, 32),
    /** ed25519-priv, 0x1300 (bytes 0x80 0x26): 32-byte seed. */
    ED25519_PRIV(0x1300, 32),
    /** p256-pub, 0x1200 (bytes 0x80 0x24): 33-byte SEC1 compressed point. */
    P256_PUB(0x1200, 33),
    /** p256-priv, 0x1306 (bytes 0x86 0x26): 32-byte scalar. */
    P256_PRIV(0x1306, 32);

    private final int code;
    private final int keyLength;
    private final byte[] prefix;

    Multicodec(int code, int keyLength) {
        this.code = code;
        this.keyLength = keyLength;
        this.prefix = varint(code);
    }

    /** @return the numeric code */
    public int code() {
        return code;
    }

    /** @return the expected key length after the prefix */
    public int keyLength() {
        return keyLength;
    }

    /** @return prefix || key */
    public byte[] wrap(byte[] key) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, out, prefix.length, key.length);
        return out;
    }

    /** A decoded value. */
    public record Decoded(Multicodec codec, byte[] key) {}

    /** Recognises a prefixed value whose length fits one of the codecs. */
    public static Optional<Decoded> unwrap(byte[] bytes) {
        for (Multicodec c : values()) {
            if (bytes.length == c.prefix.length + c.keyLength
                    && Arrays.equals(bytes, 0, c.prefix.length, c.prefix, 0, c.prefix.length)) {
                return Optional.of(new Decoded(c, Arrays.copyOfRange(bytes, c.prefix.length, bytes.length)));
            }
        }
        return Optional.empty();
    }

    private static byte[] varint(int value) {
        byte[] buf = new byte[5];
        int n = 0;
        int v = value;
        while (v >= 0x80) {
            buf[n++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[n++] = (byte) v;
        return Arrays.copyOf(buf, n);
    }
}
