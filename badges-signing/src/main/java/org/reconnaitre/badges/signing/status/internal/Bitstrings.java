package org.reconnaitre.badges.signing.status.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/** Decodes {@code encodedList} values: multibase/base64(url) → GZIP (bounded) → bits, MSB first. */
public final class Bitstrings {
    /** Largest uncompressed list accepted (16 MiB = 134,217,728 entries of one bit). */
    public static final int MAX_LIST_BYTES = 16 * 1024 * 1024;
    /** The W3C minimum: 16 KiB of bits. */
    public static final int MIN_LIST_BITS = 131_072;

    private Bitstrings() {}

    /** A decoding failure with the W3C error name. */
    public static final class DecodeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        DecodeException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * @param encoded the encodedList value
     * @param multibaseRequired true for Bitstring Status List ('u' prefix mandatory); false for
     *     StatusList2021 (plain base64 or base64url, with or without the 'u' prefix)
     */
    public static byte[] decode(String encoded, boolean multibaseRequired) throws DecodeException {
        String s = encoded.strip();
        String payload;
        if (s.startsWith("u")) {
            payload = s.substring(1);
        } else if (multibaseRequired) {
            throw new DecodeException("MALFORMED_VALUE_ERROR", "encodedList must be multibase base64url (start with 'u'), found '"
                    + (s.isEmpty() ? "" : s.substring(0, Math.min(8, s.length()))) + "...'");
        } else {
            payload = s;
        }
        byte[] gz;
        try {
            String normalized = payload.replace('+', '-').replace('/', '_').replace("=", "");
            gz = Base64.getUrlDecoder().decode(normalized);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("MALFORMED_VALUE_ERROR", "encodedList is not valid base64url: " + e.getMessage());
        }
        return gunzip(gz);
    }

    static byte[] gunzip(byte[] gz) throws DecodeException {
        if (gz.length < 18 || (gz[0] & 0xFF) != 0x1F || (gz[1] & 0xFF) != 0x8B) {
            throw new DecodeException("MALFORMED_VALUE_ERROR", "encodedList is not GZIP-compressed data");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_LIST_BYTES) {
                    throw new DecodeException("MALFORMED_VALUE_ERROR", "encodedList expands beyond " + MAX_LIST_BYTES
                            + " bytes; refused (a GZIP bomb, or a list far larger than any real one)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new DecodeException("MALFORMED_VALUE_ERROR", "encodedList is corrupt GZIP data (" + e.getMessage() + ")");
        }
    }

    /** Reads {@code size} bits starting at bit {@code position} (MSB first) as an unsigned number. */
    public static int read(byte[] bits, long position, int size) {
        int v = 0;
        for (int i = 0; i < size; i++) {
            long p = position + i;
            int bit = (bits[(int) (p >>> 3)] >>> (7 - (int) (p & 7))) & 1;
            v = (v << 1) | bit;
        }
        return v;
    }
}
