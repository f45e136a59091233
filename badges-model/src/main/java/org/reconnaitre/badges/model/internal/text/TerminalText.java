package org.reconnaitre.badges.model.internal.text;

/**
 * Makes untrusted text safe to print on a terminal. A credential chooses its issuer id, its name
 * and the file name it travels under; printed raw, an ESC sequence, a carriage return or a bidi
 * override in such a value can erase or rewrite the line that says INVALID. Every character that
 * a terminal may act on or that is invisible is replaced by a visible Java/JSON-style escape
 * (a backslash, {@code u} and four hex digits: {@code \}{@code u001b} for ESC):
 * <ul>
 *   <li>C0 controls U+0000–U+001F, newline and tab included (a value never spans lines), DEL
 *       U+007F and C1 controls U+0080–U+009F;</li>
 *   <li>format characters (Unicode category Cf): the bidi embeddings, overrides and isolates
 *       U+202A–U+202E and U+2066–U+2069, the marks U+200E, U+200F and U+061C, zero-width
 *       characters, the byte-order mark, tag characters;</li>
 *   <li>the line and paragraph separators U+2028 and U+2029;</li>
 *   <li>unpaired surrogates (which no encoder can print faithfully).</li>
 * </ul>
 * Everything else, accented letters and emoji included, is left as it is. Stateless and
 * thread-safe. Internal.
 */
public final class TerminalText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {}

    /**
     * @param codePoint a code point, or a lone UTF-16 surrogate
     * @return whether it must not reach a terminal raw
     */
    public static boolean isUnsafe(int codePoint) {
        if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F)) {
            return true;
        }
        if (codePoint < 0xA0) {
            return false;
        }
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x2028 || codePoint == 0x2029
                || Character.getType(codePoint) == Character.FORMAT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    }

    /**
     * Escapes every unsafe character of an untrusted value as {@code \}{@code uXXXX} (one escape per
     * UTF-16 unit).
     *
     * @return {@code text} itself when nothing needed escaping
     */
    public static String escape(String text) {
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        sb.append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (isUnsafe(cp)) {
                for (int k = 0; k < n; k++) {
                    unicodeEscape(sb, text.charAt(i + k));
                }
            } else {
                sb.append(text, i, i + n);
            }
            i += n;
        }
        return sb.toString();
    }

    /**
     * Makes a JSON document (or any text that may be one: a compact JWS, a URL) safe for a
     * terminal without changing its meaning: inside a string literal, an unsafe character becomes
     * the JSON escape of the same character; outside, newline and tab stay (they are JSON
     * whitespace) and so does CR-LF, a lone carriage return becomes a newline, and anything else unsafe (never valid JSON
     * there) becomes a visible escape. A valid JSON document stays valid and parses to the same
     * value.
     *
     * @return {@code text} itself when nothing needed escaping
     */
    public static String escapeJsonText(String text) {
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        boolean inString = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (!isUnsafe(cp)) {
                sb.append(text, i, i + n);
                if (cp == '"') {
                    inString = !inString;
                } else if (cp == '\\' && inString && i + 1 < text.length() && !isUnsafe(text.charAt(i + 1))) {
                    sb.append(text.charAt(i + 1)); // an escape: the next character cannot end the string
                    i++;
                }
            } else if (!inString && (cp == '\n' || cp == '\t')) {
                sb.append((char) cp);
            } else if (!inString && cp == '\r') {
                // CRLF stays; a lone CR is JSON whitespace too, but on a terminal it rewrites the line
                sb.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? '\r' : '\n');
            } else {
                for (int k = 0; k < n; k++) {
                    unicodeEscape(sb, text.charAt(i + k));
                }
            }
            i += n;
        }
        return sb.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && isUnsafe(Character.isHighSurrogate(c) ? text.codePointAt(i) : c))) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
        }
        return -1;
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append('\\').append('u').append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}
