package org.reconnaitre.badges.model.internal.baking;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.BakedCredential;
import org.reconnaitre.badges.model.BakedCredential.Encoding;
import org.reconnaitre.badges.model.BakedCredential.Version;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * SVG reading (StAX, no DTD processing, no external entities) and writing (text surgery that
 * leaves the rest of the image byte for byte) for baked badges.
 *
 * <p>DOCTYPE policy: a document type declaration with an internal subset (where entity
 * declarations — XXE, billion laughs — live) is refused, and so is any DOCTYPE other than the
 * standard W3C SVG 1.0 / 1.1 ones, which many editors write and which are never loaded.
 */
public final class Svg {
    private static final int MAX_DEPTH = 256;
    private static final Pattern W3C_SVG_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+svg\\s+PUBLIC\\s+([\"'])-//W3C//DTD SVG 1\\.[01]( Basic| Tiny)?//EN\\1\\s+([\"'])"
                    + "http://www\\.w3\\.org/(Graphics/SVG/1\\.1/DTD/svg11(-basic|-tiny)?\\.dtd"
                    + "|TR/2001/REC-SVG-20010904/DTD/svg10\\.dtd)\\3\\s*>");

    private Svg() {}

    /** Sniffs an SVG: optional BOM, white space, XML declaration, comments, DOCTYPE, then {@code <svg}. */
    public static boolean isSvg(byte[] bytes) {
        String head = sniffText(bytes, 64 * 1024);
        try {
            Prolog p = prolog(head, true);
            return head.startsWith("<svg", p.rootStart())
                    && (head.length() == p.rootStart() + 4 || !Character.isLetterOrDigit(head.charAt(p.rootStart() + 4)));
        } catch (BadgeException | RuntimeException e) {
            return false;
        }
    }

    /** Decodes enough of the document to check its markup (ASCII-compatible view, or UTF-16 by BOM). */
    private static String sniffText(byte[] bytes, int max) {
        int n = Math.min(bytes.length, max);
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        int start = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(bytes, start, n - start, StandardCharsets.ISO_8859_1);
    }

    /** Where the root element starts, and the DOCTYPE declaration if any. */
    record Prolog(int rootStart, @Nullable String doctype) {}

    private static Prolog prolog(String s, boolean lenient) throws BadgeException {
        int p = 0;
        String doctype = null;
        while (true) {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            if (s.startsWith("<?", p)) {
                int e = s.indexOf("?>", p + 2);
                if (e < 0) {
                    throw BakingLimits.invalid("SVG is truncated: unterminated processing instruction");
                }
                p = e + 2;
            } else if (s.startsWith("<!--", p)) {
                int e = s.indexOf("-->", p + 4);
                if (e < 0) {
                    throw BakingLimits.invalid("SVG is truncated: unterminated comment");
                }
                p = e + 3;
            } else if (s.regionMatches(true, p, "<!DOCTYPE", 0, 9)) {
                int e = declarationEnd(s, p);
                doctype = s.substring(p, e);
                p = e;
            } else if (p < s.length() && s.charAt(p) == '<') {
                return new Prolog(p, doctype);
            } else {
                if (lenient) {
                    return new Prolog(p, doctype);
                }
                throw BakingLimits.invalid("Not an SVG image: no root element");
            }
        }
    }

    /** End (exclusive) of a {@code <!DOCTYPE ...>} declaration, honouring quotes and an internal subset. */
    private static int declarationEnd(String s, int p) throws BadgeException {
        char quote = 0;
        int brackets = 0;
        for (int i = p + 2; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (c == '>' && brackets <= 0) {
                return i + 1;
            }
        }
        throw BakingLimits.invalid("SVG is truncated: unterminated DOCTYPE declaration");
    }

    private static void checkDoctype(String doctype) throws BadgeException {
        if (doctype.indexOf('[') >= 0) {
            throw BakingLimits.invalid("SVG has a DOCTYPE with an internal subset (entity or DTD declarations); "
                    + "refused because it enables entity expansion (billion laughs) and external entities (XXE)");
        }
        if (!W3C_SVG_DOCTYPE.matcher(doctype).matches()) {
            throw BakingLimits.invalid("SVG has a DOCTYPE that refers to an external DTD other than the W3C SVG 1.0/1.1 "
                    + "DTDs (" + BakedText.abbreviate(doctype) + "); refused, external DTDs are never loaded");
        }
    }

    /** Reads the single credential element. */
    public static BakedCredential unbake(byte[] svg) throws BadgeException {
        if (svg.length > BakingLimits.MAX_SVG_BYTES) {
            throw BakingLimits.invalid("SVG image is larger than " + BakingLimits.MAX_SVG_BYTES + " bytes");
        }
        String view = sniffText(svg, svg.length);
        Prolog prolog = prolog(view, false);
        if (prolog.doctype() != null) {
            checkDoctype(prolog.doctype());
        }
        if (view.contains("<!ENTITY")) {
            throw BakingLimits.invalid("SVG contains an entity declaration; refused (XXE / entity expansion)");
        }
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new ByteArrayInputStream(svg));
            Version version = null;
            String verify = null;
            String body = null;
            int depth = 0;
            boolean rootSeen = false;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD:
                        checkDoctype(r.getText().strip());
                        break;
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw BakingLimits.invalid("SVG refers to an undeclared entity '&" + r.getLocalName() + ";'");
                    case XMLStreamConstants.START_ELEMENT: {
                        if (!rootSeen) {
                            rootSeen = true;
                            if (!"svg".equals(r.getLocalName())) {
                                throw BakingLimits.invalid("Not an SVG image: the root element is <" + r.getLocalName() + ">");
                            }
                        }
                        Version v = versionOf(r.getNamespaceURI(), r.getLocalName());
                        if (v == null) {
                            if (++depth > MAX_DEPTH) {
                                throw BakingLimits.invalid("SVG nests elements deeper than " + MAX_DEPTH);
                            }
                            break;
                        }
                        if (version != null) {
                            throw BakingLimits.invalid("SVG image carries more than one credential element (<"
                                    + qname(version) + "> and <" + qname(v) + ">); exactly one is allowed");
                        }
                        version = v;
                        verify = r.getAttributeValue(null, "verify");
                        body = elementText(r);
                        break;
                    }
                    case XMLStreamConstants.END_ELEMENT:
                        depth--;
                        break;
                    default:
                        break;
                }
            }
            if (version == null) {
                throw BakingLimits.invalid("SVG image carries no credential: no <openbadges:credential> "
                        + "(https://purl.imsglobal.org/ob/v3p0), <openbadges:assertion> (http://openbadges.org) "
                        + "or CLR 2.0 <credential> (https://purl.imsglobal.org/clr/v2p0) element");
            }
            String where = "SVG <" + qname(version) + "> element";
            String v = verify == null ? "" : verify.strip();
            String b = body == null ? "" : body.strip();
            String text = v.isEmpty() ? b : b.isEmpty() ? v : oneOf(v, b, version, where);
            if (text.isEmpty()) {
                throw BakingLimits.invalid(where + " is empty: neither a verify attribute nor a body");
            }
            return new BakedCredential(BakedCredential.Format.SVG, version, BakedText.classify(text, version, where), text);
        } catch (XMLStreamException e) {
            throw BakingLimits.invalid("SVG image is not well-formed XML: " + firstLine(e.getMessage()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    /**
     * An element with both a {@code verify} attribute and a body carries one credential only in the
     * form the OB 2.0 baking specification shows for a hosted assertion: the attribute is the
     * assertion's URL and the body is that assertion (its {@code id}, or an OB 1.0
     * {@code verify.url}, equal to the attribute). Anything else (a signature and a body, two
     * different assertions, any Open Badges 3.0 or CLR element with both) is two credentials, of
     * which two tools may pick different ones: refused, as two PNG chunks or two elements are.
     *
     * @return the body, when the two agree
     */
    private static String oneOf(String verify, String body, Version version, String where) throws BadgeException {
        String problem;
        if (version != Version.OB2) {
            problem = "Open Badges 3.0 and CLR 2.0 carry the credential either in the body (JSON) or in the verify"
                    + " attribute (VC-JWT), not in both";
        } else if (BakedText.classify(verify, version, where + " verify attribute") != Encoding.URL) {
            problem = "its verify attribute is a signed assertion, and a signed assertion has no body";
        } else if (BakedText.classify(body, version, where + " body") != Encoding.JSON) {
            problem = "its body is not the JSON of the hosted assertion";
        } else {
            String id;
            try {
                var node = Json.parse(body);
                id = node.path("id").isTextual() ? node.path("id").asText()
                        : node.path("verify").path("url").isTextual() ? node.path("verify").path("url").asText() : null;
            } catch (BadgeException e) {
                throw BakingLimits.invalid(where + " body is not valid JSON: " + e.getMessage(), e);
            }
            if (verify.equals(id)) {
                return body;
            }
            problem = "its verify attribute (" + BakedText.abbreviate(verify) + ") is not the id of the assertion in its body ("
                    + (id == null ? "none" : BakedText.abbreviate(id)) + ")";
        }
        throw BakingLimits.invalid(where + " has both a verify attribute and a body, so it may carry two credentials: "
                + problem + "; exactly one credential is allowed");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "parse error";
        }
        String t = s.strip();
        return t.replaceAll("\\s+", " ");
    }

    private static String elementText(XMLStreamReader r) throws XMLStreamException, BadgeException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT:
                    if (++depth > 32) {
                        throw BakingLimits.invalid("SVG credential element nests elements too deeply");
                    }
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    depth--;
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (depth == 1) {
                        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        if (sb.length() > BakingLimits.MAX_CREDENTIAL_BYTES) {
                            throw BakingLimits.invalid("SVG credential element holds more than "
                                    + BakingLimits.MAX_CREDENTIAL_BYTES + " characters");
                        }
                    }
                    break;
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw BakingLimits.invalid("SVG refers to an undeclared entity '&" + r.getLocalName() + ";'");
                default:
                    break;
            }
        }
        return sb.toString();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    private static @Nullable Version versionOf(@Nullable String ns, String local) {
        if (ns == null) {
            return null;
        }
        for (Version v : Version.values()) {
            if (v.svgNamespace().equals(ns) && v.svgElement().equals(local)) {
                return v;
            }
        }
        return null;
    }

    private static String prefix(Version v) {
        return v == Version.CLR2 ? "clr" : "openbadges";
    }

    private static String qname(Version v) {
        return prefix(v) + ":" + v.svgElement();
    }

    /**
     * Bakes: the credential element replaces an existing one, or becomes the first child of the
     * root {@code <svg>} element. Only UTF-8 (or ASCII) SVG documents are baked.
     */
    public static byte[] bake(byte[] svg, String text, Version version, Encoding encoding) throws BadgeException {
        // Reading first validates the document (size, DOCTYPE policy, well-formedness, one credential at most).
        boolean hasCredential;
        try {
            unbake(svg);
            hasCredential = true;
        } catch (BadgeException e) {
            if (!e.getMessage().startsWith("SVG image carries no credential")) {
                throw e;
            }
            hasCredential = false;
        }
        String s = BakedText.utf8(svg, 0, svg.length, "SVG image");
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        String decl = s.startsWith("<?xml") ? s.substring(0, Math.max(0, s.indexOf("?>"))) : "";
        String lowerDecl = decl.toLowerCase(Locale.ROOT);
        if (lowerDecl.contains("encoding") && !(lowerDecl.contains("utf-8") || lowerDecl.contains("us-ascii"))) {
            throw BakingLimits.invalid("Only UTF-8 SVG images can be baked; this one declares another encoding");
        }
        String element = element(text, version, encoding);
        Tags tags = new Tags(s, prolog(s, false).rootStart());
        int[] span = hasCredential ? tags.findCredential() : null;
        String out;
        if (span != null) {
            out = s.substring(0, span[0]) + element + s.substring(span[1]);
        } else {
            int[] root = tags.rootStartTag();
            if (root[2] == 1) { // <svg .../>
                int slash = s.lastIndexOf('/', root[1]);
                out = s.substring(0, slash) + ">\n  " + element + "\n</svg>" + s.substring(root[1] + 1);
            } else {
                out = s.substring(0, root[1] + 1) + "\n  " + element + s.substring(root[1] + 1);
            }
        }
        byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > BakingLimits.MAX_SVG_BYTES) {
            throw BakingLimits.invalid("The baked SVG would be larger than " + BakingLimits.MAX_SVG_BYTES + " bytes");
        }
        return bytes;
    }

    private static String element(String text, Version version, Encoding encoding) {
        String q = qname(version);
        String open = "<" + q + " xmlns:" + prefix(version) + "=\"" + version.svgNamespace() + "\"";
        if (encoding == Encoding.JSON) {
            return open + "><![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]></" + q + ">";
        }
        return open + " verify=\"" + escapeAttribute(text) + "\"/>";
    }

    private static String escapeAttribute(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A minimal, namespace-aware tag scanner over a document already proven well-formed by the
     * StAX reader, used only to find offsets for editing.
     */
    private static final class Tags {
        private final String s;
        private final int rootStart;

        Tags(String s, int rootStart) {
            this.s = s;
            this.rootStart = rootStart;
        }

        /** @return {start, index of the closing '>', selfClosing ? 1 : 0} of the root start tag */
        int[] rootStartTag() throws BadgeException {
            int end = tagEnd(rootStart);
            return new int[] {rootStart, end, s.charAt(end - 1) == '/' ? 1 : 0};
        }

        private int tagEnd(int p) throws BadgeException {
            char quote = 0;
            for (int i = p + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i;
                }
            }
            throw BakingLimits.invalid("SVG is truncated: unterminated tag at offset " + p);
        }

        /** @return {start, end exclusive} of the credential element, or null */
        int @Nullable [] findCredential() throws BadgeException {
            Deque<Map<String, String>> scopes = new ArrayDeque<>();
            Deque<Integer> credentialDepth = new ArrayDeque<>();
            int credentialStart = -1;
            int p = rootStart;
            while (p < s.length()) {
                int lt = s.indexOf('<', p);
                if (lt < 0) {
                    break;
                }
                if (s.startsWith("<!--", lt)) {
                    p = s.indexOf("-->", lt) + 3;
                } else if (s.startsWith("<![CDATA[", lt)) {
                    p = s.indexOf("]]>", lt) + 3;
                } else if (s.startsWith("<?", lt)) {
                    p = s.indexOf("?>", lt) + 2;
                } else if (s.startsWith("</", lt)) {
                    int gt = s.indexOf('>', lt);
                    scopes.pop();
                    if (credentialStart >= 0 && scopes.size() == credentialDepth.peek()) {
                        return new int[] {credentialStart, gt + 1};
                    }
                    p = gt + 1;
                } else {
                    int gt = tagEnd(lt);
                    boolean selfClosing = s.charAt(gt - 1) == '/';
                    String inner = s.substring(lt + 1, selfClosing ? gt - 1 : gt);
                    Map<String, String> scope = new HashMap<>(scopes.isEmpty() ? Map.of() : scopes.peek());
                    String name = parse(inner, scope);
                    int colon = name.indexOf(':');
                    String ns = scope.get(colon < 0 ? "" : name.substring(0, colon));
                    String local = colon < 0 ? name : name.substring(colon + 1);
                    boolean isCredential = credentialStart < 0 && versionOf(ns, local) != null;
                    if (isCredential && selfClosing) {
                        return new int[] {lt, gt + 1};
                    }
                    if (!selfClosing) {
                        if (isCredential) {
                            credentialStart = lt;
                            credentialDepth.push(scopes.size());
                        }
                        scopes.push(scope);
                    }
                    p = gt + 1;
                }
                if (p <= 0) {
                    break;
                }
            }
            return null;
        }

        /** Parses "name attr='v' ..." adding xmlns declarations to scope; returns the element name. */
        private static String parse(String inner, Map<String, String> scope) {
            int i = 0;
            while (i < inner.length() && !Character.isWhitespace(inner.charAt(i))) {
                i++;
            }
            String name = inner.substring(0, i);
            while (i < inner.length()) {
                while (i < inner.length() && Character.isWhitespace(inner.charAt(i))) {
                    i++;
                }
                int eq = inner.indexOf('=', i);
                if (eq < 0) {
                    break;
                }
                String attr = inner.substring(i, eq).strip();
                int q = eq + 1;
                while (q < inner.length() && Character.isWhitespace(inner.charAt(q))) {
                    q++;
                }
                if (q >= inner.length()) {
                    break;
                }
                char quote = inner.charAt(q);
                int close = inner.indexOf(quote, q + 1);
                if (close < 0) {
                    break;
                }
                String value = inner.substring(q + 1, close);
                if (attr.equals("xmlns")) {
                    scope.put("", value);
                } else if (attr.startsWith("xmlns:")) {
                    scope.put(attr.substring(6), value);
                }
                i = close + 1;
            }
            return name;
        }
    }
}
