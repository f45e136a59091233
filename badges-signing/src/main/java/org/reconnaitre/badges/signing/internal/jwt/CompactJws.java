package org.reconnaitre.badges.signing.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * A parsed compact JWS (RFC 7515 §7.1): the decoded protected header and payload, the exact
 * signing input and the signature bytes. Parsing is bounded and strict: three base64url parts, each
 * in its one canonical form (no padding, no length of 1 mod 4, no non-zero unused bits: a token has
 * exactly one spelling), a JSON object header, a non-empty payload. Immutable. Internal.
 *
 * @param compact the serialisation as received (trimmed)
 * @param header the protected header
 * @param payload the decoded payload bytes
 * @param signingInput ASCII(BASE64URL(header) || '.' || BASE64URL(payload))
 * @param signature the decoded signature
 */
public record CompactJws(String compact, ObjectNode header, byte[] payload, byte[] signingInput, byte[] signature) {

    /** Longest compact JWS accepted, in characters (4 MiB: a credential with an inline image fits). */
    public static final int MAX_LENGTH = 4 * 1024 * 1024;


    /**
     * Whether the text is three base64url parts separated by dots, the first two non-empty. A loop
     * rather than a regular expression: in a profile of a VC-JWT verify the greedy regex took a fifth of the time.
     */
    static boolean hasShape(String t) {
        int dots = 0;
        int partLength = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                if ((dots < 2 && partLength == 0) || ++dots > 2) {
                    return false;
                }
                partLength = 0;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2;
    }

    /** @return whether the text looks like a compact JWS (three base64url parts), without decoding it */
    public static boolean looksLikeCompactJws(String text) {
        String t = text.strip();
        return t.length() <= MAX_LENGTH && t.startsWith("eyJ") && hasShape(t);
    }

    /**
     * Parses a compact JWS.
     *
     * @throws JwtException with check id {@code parse} when it is not a well-formed compact JWS
     */
    public static CompactJws parse(String text) throws JwtException {
        String t = text.strip();
        if (t.length() > MAX_LENGTH) {
            throw new JwtException("parse", "The JWT is larger than " + MAX_LENGTH + " characters.");
        }
        if (!hasShape(t)) {
            throw new JwtException("parse", "Not a compact JWS: expected three base64url parts separated by dots"
                    + " (a JWE or a JWS with detached or unprotected parts is not accepted).");
        }
        int a = t.indexOf('.');
        int b = t.indexOf('.', a + 1);
        String h = t.substring(0, a);
        String p = t.substring(a + 1, b);
        String s = t.substring(b + 1);
        byte[] headerBytes = decode(h, "header");
        byte[] payload = decode(p, "payload");
        byte[] signature = decode(s, "signature");
        JsonNode header;
        try {
            header = Json.parse(headerBytes);
        } catch (BadgeException e) {
            throw new JwtException("parse", "The JWT header is not valid JSON: " + e.getMessage());
        }
        if (!(header instanceof ObjectNode obj)) {
            throw new JwtException("parse", "The JWT header is not a JSON object.");
        }
        byte[] signingInput = (h + "." + p).getBytes(StandardCharsets.US_ASCII);
        return new CompactJws(t, obj, payload, signingInput, signature);
    }

    private static byte[] decode(String part, String what) throws JwtException {
        String problem = canonicalProblem(part);
        if (problem != null) {
            throw new JwtException("parse", "The JWT " + what + " is not canonical base64url: " + problem
                    + ". A token has exactly one spelling; this one was re-encoded or altered after signing.");
        }
        return Base64.getUrlDecoder().decode(part);
    }

    /**
     * Why a text is not the one canonical unpadded base64url form of some bytes (RFC 7515 §2, RFC 4648
     * §3.5): a character outside the alphabet (padding included), a length that leaves a single
     * character in the last group, or unused low bits of the last character that are not zero
     * (so that "eA" and "eB" would both decode to "x").
     *
     * @return null when it is canonical
     */
    static @Nullable String canonicalProblem(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (value(part.charAt(i)) < 0) {
                return "character " + (i + 1) + " is outside the base64url alphabet (no padding, no white space)";
            }
        }
        int rest = part.length() % 4;
        if (rest == 1) {
            return "its length (" + part.length() + ") leaves one character in the last group";
        }
        if (rest != 0) {
            int last = value(part.charAt(part.length() - 1));
            int unused = rest == 2 ? 0x0F : 0x03;
            if ((last & unused) != 0) {
                return "the unused bits of its last character are not zero";
            }
        }
        return null;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    /** @return a header member as text, or null when absent or not a string */
    public @Nullable String headerText(String name) {
        JsonNode n = header.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
