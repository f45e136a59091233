package org.reconnaitre.badges.signing.internal.crypto;

import java.util.Base64;

/** Strict unpadded base64url (RFC 7515 §2) for JWK members. Internal. Thread-safe. */
public final class B64 {
    private B64() {}

    /** @return unpadded base64url */
    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Decodes unpadded base64url.
     *
     * @throws IllegalArgumentException on padding, whitespace or characters outside the alphabet
     */
    public static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("not unpadded base64url (character '" + c + "')");
            }
        }
        return Base64.getUrlDecoder().decode(text);
    }
}
