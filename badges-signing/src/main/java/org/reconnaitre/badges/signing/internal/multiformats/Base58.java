package org.reconnaitre.badges.signing.internal.multiformats;

import java.util.Arrays;

/** Bitcoin-alphabet base58 (the "z" multibase). Internal. Thread-safe (stateless). */
public final class Base58 {
    private static final char[] ALPHABET =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEX = new int[128];
    /** Longest base58 text decoded (keys and signatures are far shorter). */
    public static final int MAX_TEXT = 4096;

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEX[ALPHABET[i]] = i;
        }
    }

    private Base58() {}

    /** Encodes bytes. */
    public static String encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        byte[] digits = new byte[input.length * 138 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < input.length; i++) {
            int carry = input[i] & 0xff;
            int j = 0;
            for (int k = digits.length - 1; (carry != 0 || j < length) && k >= 0; k--, j++) {
                carry += 256 * (digits[k] & 0xff);
                digits[k] = (byte) (carry % 58);
                carry /= 58;
            }
            length = j;
        }
        StringBuilder sb = new StringBuilder(zeros + length);
        for (int i = 0; i < zeros; i++) {
            sb.append('1');
        }
        for (int k = digits.length - length; k < digits.length; k++) {
            sb.append(ALPHABET[digits[k]]);
        }
        return sb.toString();
    }

    /**
     * Decodes base58btc text.
     *
     * @throws IllegalArgumentException on a character outside the alphabet or text too long
     */
    public static byte[] decode(String text) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("base58 text longer than " + MAX_TEXT + " characters");
        }
        if (text.isEmpty()) {
            return new byte[0];
        }
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] bytes = new byte[text.length() * 733 / 1000 + 1];
        int length = 0;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? INDEX[c] : -1;
            if (carry < 0) {
                throw new IllegalArgumentException("invalid base58 character '" + c + "' at index " + i);
            }
            int j = 0;
            for (int k = bytes.length - 1; (carry != 0 || j < length) && k >= 0; k--, j++) {
                carry += 58 * (bytes[k] & 0xff);
                bytes[k] = (byte) (carry % 256);
                carry /= 256;
            }
            length = j;
        }
        byte[] out = new byte[zeros + length];
        System.arraycopy(bytes, bytes.length - length, out, zeros, length);
        return out;
    }
}
