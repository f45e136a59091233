package org.reconnaitre.badges.signing.internal.verify;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads canonical N-Quads (RDFC-1.0 output: one statement a line, terms separated by one space)
 * back into statements, so that decisions are taken from the very text a proof signs. Strict: a
 * line that is not a well-formed statement throws {@link IllegalArgumentException}. Internal.
 */
final class CanonicalQuads {
    private CanonicalQuads() {}

    /**
     * One statement. IRIs are given without angle brackets, blank nodes as {@code _:label},
     * literals as their unescaped lexical form.
     *
     * @param subject an IRI or blank node
     * @param predicate an IRI
     * @param object an IRI, blank node or lexical form
     * @param literal whether the object is a literal
     * @param datatype the literal's datatype IRI, or null
     * @param language the literal's language tag, or null
     * @param graph the graph name, or null for the default graph
     */
    record Quad(String subject, String predicate, String object, boolean literal, @Nullable String datatype,
            @Nullable String language, @Nullable String graph) {}

    static boolean isBlank(String term) {
        return term.startsWith("_:");
    }

    static List<Quad> parse(String nquads) {
        List<Quad> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : nquads.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            out.add(new Reader(line, lineNo).statement());
        }
        return out;
    }

    private static final class Reader {
        private final String s;
        private final int line;
        private int i;

        Reader(String s, int line) {
            this.s = s;
            this.line = line;
        }

        Quad statement() {
            String subject = node();
            space();
            String predicate = iri();
            space();
            boolean literal = i < s.length() && s.charAt(i) == '"';
            String object;
            String datatype = null;
            String language = null;
            if (literal) {
                object = literal();
                if (s.startsWith("^^", i)) {
                    i += 2;
                    datatype = iri();
                } else if (i < s.length() && s.charAt(i) == '@') {
                    int start = ++i;
                    while (i < s.length() && s.charAt(i) != ' ') {
                        i++;
                    }
                    language = s.substring(start, i);
                }
            } else {
                object = node();
            }
            space();
            String graph = null;
            if (i < s.length() && s.charAt(i) != '.') {
                graph = node();
                space();
            }
            if (!s.substring(i).equals(".")) {
                throw error("expected ' .' at the end of the statement");
            }
            return new Quad(subject, predicate, object, literal, datatype, language, graph);
        }

        private String node() {
            if (s.startsWith("_:", i)) {
                int start = i;
                while (i < s.length() && s.charAt(i) != ' ') {
                    i++;
                }
                return s.substring(start, i);
            }
            return iri();
        }

        private String iri() {
            if (i >= s.length() || s.charAt(i) != '<') {
                throw error("expected an IRI");
            }
            StringBuilder b = new StringBuilder();
            i++;
            while (i < s.length() && s.charAt(i) != '>') {
                char c = s.charAt(i);
                if (c == '\\') {
                    b.appendCodePoint(escape());
                    continue;
                }
                if (c <= 0x20 || "<\"{}|^`".indexOf(c) >= 0) {
                    throw error("a character not allowed in an IRI");
                }
                b.append(c);
                i++;
            }
            if (i >= s.length()) {
                throw error("unterminated IRI");
            }
            i++;
            return b.toString();
        }

        private String literal() {
            StringBuilder b = new StringBuilder();
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i);
                if (c == '\\') {
                    b.appendCodePoint(escape());
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    throw error("a raw line break in a literal");
                }
                b.append(c);
                i++;
            }
            if (i >= s.length()) {
                throw error("unterminated literal");
            }
            i++;
            return b.toString();
        }

        private int escape() {
            if (i + 1 >= s.length()) {
                throw error("a lone backslash");
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 't': return '\t';
                case 'b': return '\b';
                case 'n': return '\n';
                case 'r': return '\r';
                case 'f': return '\f';
                case '"': return '"';
                case '\'': return '\'';
                case '\\': return '\\';
                case 'u': return hex(4);
                case 'U': return hex(8);
                default: throw error("an unknown escape \\" + e);
            }
        }

        private int hex(int n) {
            if (i + n > s.length()) {
                throw error("a truncated \\u escape");
            }
            try {
                int cp = Integer.parseUnsignedInt(s.substring(i, i + n), 16);
                i += n;
                if (!Character.isValidCodePoint(cp)) {
                    throw error("an escape outside Unicode");
                }
                return cp;
            } catch (NumberFormatException e) {
                throw error("a malformed \\u escape");
            }
        }

        private void space() {
            if (i >= s.length() || s.charAt(i) != ' ') {
                throw error("expected a space");
            }
            i++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("canonical N-Quads line " + line + ", column " + (i + 1) + ": " + what);
        }
    }
}
