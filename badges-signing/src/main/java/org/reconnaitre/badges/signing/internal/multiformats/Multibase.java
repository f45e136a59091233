package org.reconnaitre.badges.signing.internal.multiformats;

import java.util.Base64;

/** Multibase: base58btc ("z") out; "z" and base64url ("u") in. Internal. Thread-safe. */
public final class Multibase {
    private Multibase() {}

    /** @return {@code "z" + base58btc(bytes)} */
    public static String encodeBase58(byte[] bytes) {
        return "z" + Base58.encode(bytes);
    }

    /**
     * Decodes a multibase string.
     *
     * @throws IllegalArgumentException when the prefix is unsupported or the text is malformed
     */
    public static byte[] decode(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty multibase value");
        }
        char prefix = text.charAt(0);
        String rest = text.substring(1);
        switch (prefix) {
            case 'z':
                return Base58.decode(rest);
            case 'u':
                if (rest.length() > Base58.MAX_TEXT * 1024) {
                    throw new IllegalArgumentException("multibase value too long");
                }
                return Base64.getUrlDecoder().decode(rest);
            default:
                throw new IllegalArgumentException("unsupported multibase prefix '" + prefix
                        + "' (expected 'z' base58btc or 'u' base64url)");
        }
    }
}
