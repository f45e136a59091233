package org.reconnaitre.badges.signing.internal.di;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Canonical N-Quads (RDFC-1.0 §4.8, RDF 1.2 canonical N-Quads): a writer that only ever produces
 * text the N-Quads grammar reads back as the same quad, and a strict parser of that text.
 *
 * <p>Why: an RDFC proof signs these bytes, so the serialisation must be injective. An IRI is
 * written between {@code <} and {@code >} without escapes, so an IRI holding {@code >}, a space or
 * a line feed could spell statements of its own, and two different datasets would sign the same
 * bytes. JSON-LD 1.1 toRdf drops a triple whose IRI is not well-formed; we refuse the whole
 * document instead ({@link Malformed}, reported as INVALID_DOCUMENT when signing and verifying):
 * silently dropping a statement would sign, or accept, less than the JSON shows. Well-formed here
 * means: an absolute IRI (a scheme), none of the characters IRIREF forbids ({@code #x00-#x20 < > "
 * { } | ^ `} and {@code \}), percent signs followed by two hex digits, and no unpaired surrogate
 * (UTF-8 would turn it into {@code ?}). Literals are escaped as the canonical form says
 * ({@code \b \t \n \f \r \" \\}, other C0 controls and DEL as {@code \}{@code uXXXX}); language
 * tags must match {@code [a-zA-Z]+(-[a-zA-Z0-9]+)*}; blank node labels are plain ASCII labels.
 * Internal. Thread-safe (stateless).
 */
public final class NQuads {
    static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    static final String RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]+(-[a-zA-Z0-9]+)*");
    private static final Pattern BLANK = Pattern.compile("_:[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?");

    private NQuads() {}

    /** A term that canonical N-Quads cannot carry faithfully. */
    public static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /**
     * One quad. A literal object has a datatype (and a language for {@code rdf:langString}); an IRI
     * or blank node object has neither.
     */
    public record Quad(String subject, String predicate, String object, @Nullable String datatype,
            @Nullable String language, @Nullable String graph) {}

    /** @return whether {@code iri} is a well-formed absolute IRI in the sense above */
    public static boolean isIri(String iri) {
        int n = iri.length();
        int colon = iri.indexOf(':');
        if (colon < 1 || !isAlpha(iri.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = iri.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        for (int i = colon + 1; i < n; i++) {
            char c = iri.charAt(i);
            if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^'
                    || c == '`' || c == '\\') {
                return false;
            }
            if (c == '%' && (i + 2 >= n || !isHex(iri.charAt(i + 1)) || !isHex(iri.charAt(i + 2)))) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(iri.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes one quad in canonical form, ending with a line feed.
     *
     * @param literal whether the object is a literal (then {@code datatype} or {@code language} is set)
     * @throws Malformed when a term is not well-formed
     */
    public static String quad(String s, String p, String o, @Nullable String datatype, @Nullable String language,
            @Nullable String direction, @Nullable String g) {
        StringBuilder sb = new StringBuilder(s.length() + p.length() + o.length() + 16);
        node(sb, s, "subject");
        sb.append(' ');
        iri(sb, p, "predicate");
        sb.append(' ');
        if (datatype == null && language == null && direction == null) {
            node(sb, o, "object");
        } else {
            literal(sb, o, datatype, language, direction);
        }
        if (g != null) {
            sb.append(' ');
            node(sb, g, "graph name");
        }
        return sb.append(" .\n").toString();
    }

    private static void node(StringBuilder sb, String term, String role) {
        if (term.startsWith("_:")) {
            if (!BLANK.matcher(term).matches()) {
                throw new Malformed("the blank node label '" + shown(term) + "' (" + role + ") is not well-formed");
            }
            sb.append(term);
        } else {
            iri(sb, term, role);
        }
    }

    private static void iri(StringBuilder sb, String iri, String role) {
        if (!isIri(iri)) {
            throw new Malformed("the IRI '" + shown(iri) + "' (" + role + ") is not a well-formed absolute IRI: it has"
                    + " no scheme, a character IRIs do not allow (space, control, < > \" { } | ^ ` \\), a bad"
                    + " percent-escape or an unpaired surrogate; JSON-LD would drop the statement, so it is refused");
        }
        sb.append('<').append(iri).append('>');
    }

    private static void literal(StringBuilder sb, String value, @Nullable String datatype, @Nullable String language,
            @Nullable String direction) {
        if (direction != null) {
            throw new Malformed("a literal with a base direction ('" + shown(direction) + "') has no canonical"
                    + " N-Quads form here");
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        sb.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new Malformed("a string value holds an unpaired surrogate (U+"
                                + String.format("%04X", (int) c) + "), which is not Unicode text");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
        if (language != null) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new Malformed("the language tag '" + shown(language) + "' is not well-formed");
            }
            // a language-tagged literal's datatype is rdf:langString whatever the producer passed
            sb.append('@').append(language);
        } else if (datatype != null && !XSD_STRING.equals(datatype)) {
            sb.append("^^");
            iri(sb, datatype, "datatype");
        }
    }

    /**
     * Parses canonical N-Quads strictly: one quad per line, single spaces, each line ending with
     * {@code " .\n"}; IRIs without escapes; literals with the escapes of the grammar.
     *
     * @return the quads, in document order
     * @throws Malformed on anything else
     */
    public static List<Quad> parse(String text) {
        List<Quad> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < text.length()) {
            int line = out.size() + 1;
            String s = term(text, pos, line, false);
            expect(text, pos, ' ', line);
            String p = term(text, pos, line, false);
            if (p.startsWith("_:")) {
                throw new Malformed("line " + line + ": a predicate must be an IRI");
            }
            expect(text, pos, ' ', line);
            String[] o = object(text, pos, line);
            expect(text, pos, ' ', line);
            String g = null;
            if (text.charAt(pos[0]) != '.') {
                g = term(text, pos, line, false);
                expect(text, pos, ' ', line);
            }
            expect(text, pos, '.', line);
            expect(text, pos, '\n', line);
            out.add(new Quad(s, p, o[0], o[1], o[2], g));
        }
        return out;
    }

    private static void expect(String text, int[] pos, char c, int line) {
        if (pos[0] >= text.length() || text.charAt(pos[0]) != c) {
            throw new Malformed("line " + line + ": expected '" + (c == '\n' ? "\\n" : String.valueOf(c)) + "'");
        }
        pos[0]++;
    }

    private static String term(String text, int[] pos, int line, boolean unused) {
        int start = pos[0];
        if (text.startsWith("_:", start)) {
            int end = start + 2;
            while (end < text.length() && text.charAt(end) != ' ') {
                end++;
            }
            String label = text.substring(start, end);
            if (!BLANK.matcher(label).matches()) {
                throw new Malformed("line " + line + ": bad blank node label");
            }
            pos[0] = end;
            return label;
        }
        if (start >= text.length() || text.charAt(start) != '<') {
            throw new Malformed("line " + line + ": expected an IRI or a blank node");
        }
        int end = text.indexOf('>', start + 1);
        if (end < 0) {
            throw new Malformed("line " + line + ": unterminated IRI");
        }
        String iri = text.substring(start + 1, end);
        if (!isIri(iri)) {
            throw new Malformed("line " + line + ": bad IRI");
        }
        pos[0] = end + 1;
        return iri;
    }

    private static String[] object(String text, int[] pos, int line) {
        if (pos[0] >= text.length() || text.charAt(pos[0]) != '"') {
            return new String[] {term(text, pos, line, false), null, null};
        }
        StringBuilder value = new StringBuilder();
        int i = pos[0] + 1;
        while (true) {
            if (i >= text.length()) {
                throw new Malformed("line " + line + ": unterminated literal");
            }
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\n' || c == '\r') {
                throw new Malformed("line " + line + ": raw line break in a literal");
            }
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new Malformed("line " + line + ": bad escape");
                }
                char e = text.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 'f' -> value.append('\f');
                    case '"' -> value.append('"');
                    case '\'' -> value.append('\'');
                    case '\\' -> value.append('\\');
                    case 'u', 'U' -> {
                        int len = e == 'u' ? 4 : 8;
                        if (i + len > text.length()) {
                            throw new Malformed("line " + line + ": bad \\" + e + " escape");
                        }
                        String hex = text.substring(i, i + len);
                        for (int k = 0; k < len; k++) {
                            if (!isHex(hex.charAt(k))) {
                                throw new Malformed("line " + line + ": bad \\" + e + " escape");
                            }
                        }
                        int cp = Integer.parseInt(hex, 16);
                        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                            throw new Malformed("line " + line + ": escape of a non-character");
                        }
                        value.appendCodePoint(cp);
                        i += len;
                    }
                    default -> throw new Malformed("line " + line + ": bad escape \\" + e);
                }
                continue;
            }
            value.append(c);
            i++;
        }
        i++;
        String datatype = XSD_STRING;
        String language = null;
        if (text.startsWith("^^", i)) {
            int[] p = {i + 2};
            datatype = term(text, p, line, false);
            if (datatype.startsWith("_:")) {
                throw new Malformed("line " + line + ": a datatype must be an IRI");
            }
            i = p[0];
        } else if (i < text.length() && text.charAt(i) == '@') {
            int end = i + 1;
            while (end < text.length() && text.charAt(end) != ' ') {
                end++;
            }
            language = text.substring(i + 1, end);
            if (!LANGUAGE.matcher(language).matches()) {
                throw new Malformed("line " + line + ": bad language tag");
            }
            datatype = RDF_LANG_STRING;
            i = end;
        }
        pos[0] = i;
        return new String[] {value.toString(), datatype, language};
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String shown(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return s.length() > 80 ? sb + "..." : sb.toString();
    }
}
