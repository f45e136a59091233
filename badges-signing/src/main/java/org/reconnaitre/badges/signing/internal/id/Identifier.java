package org.reconnaitre.badges.signing.internal.id;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A parsed, normalised identifier: a DID or DID URL (DID Core 1.0 §3.1–3.2), an http(s) URL
 * (RFC 3986), or another absolute URI ({@code urn:uuid:...}). Two identifiers name the same thing
 * exactly when their normalised forms ({@link #toString()}) are equal; nothing else is compared.
 *
 * <p>Normalisation is the syntax-based one of RFC 3986 §6.2.2 and nothing more: the scheme and an
 * http(s) host are lowercased, percent-encoded hex digits are uppercased, percent-encoded unreserved
 * characters are decoded, a default port is removed, an empty http(s) path is {@code /}. For
 * {@code did:web} the host (the first segment, a DNS name) is lowercased too. Values a specification
 * calls invalid are refused ({@link InvalidIdentifierException}) rather than guessed at: an
 * upper-case {@code DID:} scheme or method name, an empty method-specific id, a character outside
 * the grammar (a space, a control, a non-ASCII character in a DID or URL), a malformed
 * percent-escape. Values that the grammar allows but that make "the same resource" ambiguous are
 * refused as well: a URL with user information, a host with a trailing dot or an empty label, an
 * IPv4 address not written as four decimal octets, a path with {@code .} or {@code ..} segments.
 *
 * <pre>{@code
 * Identifier a = Identifier.parse("HTTPS://Issuer.Example:443/issuers/%7e1#key");
 * a.toString();     // "https://issuer.example/issuers/~1#key"
 * a.resource();     // "https://issuer.example/issuers/~1"
 * Identifier.parse("did:web:Example.com").sameAs(Identifier.parse("did:web:example.com")); // true
 * }</pre>
 *
 * <p>Immutable and thread-safe. Internal.
 */
public final class Identifier {
    /** Longest identifier accepted. */
    public static final int MAX_LENGTH = 4096;

    /** What kind of identifier it is. */
    public enum Kind {
        /** A DID or a DID URL ({@code did:method:id[/path][?query][#fragment]}). */
        DID,
        /** An {@code http} or {@code https} URL. */
        HTTP,
        /** Any other absolute URI ({@code urn:}, {@code mailto:}, ...): compared, never resolved. */
        OTHER
    }

    private final Kind kind;
    private final String scheme;
    private final @Nullable String method;
    private final @Nullable String did;
    private final String resource;
    private final @Nullable String fragment;
    private final @Nullable String host;

    private Identifier(Kind kind, String scheme, @Nullable String method, @Nullable String did, String resource,
            @Nullable String fragment, @Nullable String host) {
        this.kind = kind;
        this.scheme = scheme;
        this.method = method;
        this.did = did;
        this.resource = resource;
        this.fragment = fragment;
        this.host = host;
    }

    /**
     * @param text an identifier as written
     * @return it, parsed and normalised
     * @throws InvalidIdentifierException with the reason, when it is not a valid absolute identifier
     */
    public static Identifier parse(String text) {
        return Parser.parse(text);
    }

    /** @return the parsed identifier, or empty when {@code text} is null or not a valid identifier */
    public static Optional<Identifier> tryParse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Parser.parse(text));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    /**
     * Resolves a reference found in a document against the document's id: an absolute identifier is
     * parsed as it is, {@code #fragment} is appended to the base's resource, and a relative
     * reference is resolved against an http(s) base (RFC 3986 §5).
     *
     * @throws InvalidIdentifierException when the result is not a valid identifier
     */
    public static Identifier resolve(String reference, Identifier base) {
        if (reference.startsWith("#")) {
            return Parser.parse(base.resource + reference);
        }
        if (Parser.hasScheme(reference) || base.kind != Kind.HTTP) {
            return Parser.parse(reference);
        }
        try {
            return Parser.parse(java.net.URI.create(base.resource).resolve(reference).toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentifierException("'" + Parser.abbreviate(reference) + "' is not a valid relative reference");
        }
    }

    /** @return what kind of identifier this is */
    public Kind kind() {
        return kind;
    }

    /** @return whether this is a DID or a DID URL */
    public boolean isDid() {
        return kind == Kind.DID;
    }

    /** @return whether this is a DID or DID URL of {@code method} ({@code "web"}, {@code "key"}) */
    public boolean isDid(String method) {
        return kind == Kind.DID && method.equals(this.method);
    }

    /** @return whether this is an http(s) URL */
    public boolean isHttp() {
        return kind == Kind.HTTP;
    }

    /** @return the lowercase scheme ({@code did}, {@code https}, {@code urn}, ...) */
    public String scheme() {
        return scheme;
    }

    /** @return the DID method name, for a DID */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** @return the DID alone ({@code did:method:id}, without path, query or fragment), for a DID */
    public Optional<String> did() {
        return Optional.ofNullable(did);
    }

    /** @return the lowercase host of an http(s) URL */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** @return the identifier without its fragment: the resource a document for it is about */
    public String resource() {
        return resource;
    }

    /** @return the fragment (without {@code #}), if there is one */
    public Optional<String> fragment() {
        return Optional.ofNullable(fragment);
    }

    /** @return this identifier without its fragment */
    public Identifier withoutFragment() {
        return fragment == null ? this : new Identifier(kind, scheme, method, did, resource, null, host);
    }

    /** @return whether this is a DID with no path, query or fragment */
    public boolean isBareDid() {
        return kind == Kind.DID && fragment == null && resource.equals(did);
    }

    /** @return whether {@code other} names the same thing (equal normalised forms) */
    public boolean sameAs(Identifier other) {
        return equals(other);
    }

    /** @return whether both name the same resource once fragments are removed */
    public boolean sameResource(Identifier other) {
        return kind == other.kind && resource.equals(other.resource);
    }

    /**
     * @return whether the two texts are valid identifiers that name the same thing; false when
     *     either is null or invalid
     */
    public static boolean same(@Nullable String a, @Nullable String b) {
        Optional<Identifier> x = tryParse(a);
        Optional<Identifier> y = tryParse(b);
        return x.isPresent() && y.isPresent() && x.get().equals(y.get());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier other && kind == other.kind && resource.equals(other.resource)
                && java.util.Objects.equals(fragment, other.fragment);
    }

    @Override
    public int hashCode() {
        return resource.hashCode() * 31 + (fragment == null ? 0 : fragment.hashCode());
    }

    /** @return the normalised identifier, fragment included */
    @Override
    public String toString() {
        return fragment == null ? resource : resource + "#" + fragment;
    }

    /** The parser; every method is a pure function. */
    static final class Parser {
        private static final String HEX = "0123456789ABCDEF";

        private Parser() {}

        static Identifier parse(String text) {
            if (text == null) {
                throw new InvalidIdentifierException("no identifier");
            }
            if (text.isEmpty()) {
                throw new InvalidIdentifierException("an empty identifier");
            }
            if (text.length() > MAX_LENGTH) {
                throw new InvalidIdentifierException("an identifier longer than " + MAX_LENGTH + " characters");
            }
            int colon = text.indexOf(':');
            if (colon <= 0 || !validScheme(text.substring(0, colon))) {
                throw new InvalidIdentifierException("'" + abbreviate(text) + "' is not an absolute identifier (scheme:...)");
            }
            String rawScheme = text.substring(0, colon);
            String scheme = rawScheme.toLowerCase(Locale.ROOT);
            if (scheme.equals("did")) {
                if (!rawScheme.equals("did")) {
                    throw new InvalidIdentifierException("'" + abbreviate(text) + "' is not a DID: the scheme is written 'did'");
                }
                return parseDid(text);
            }
            if (scheme.equals("http") || scheme.equals("https")) {
                return parseHttp(text, scheme, colon);
            }
            return parseOther(text, scheme, colon);
        }

        static boolean hasScheme(String s) {
            int colon = s.indexOf(':');
            int slash = s.indexOf('/');
            return colon > 0 && (slash < 0 || colon < slash) && validScheme(s.substring(0, colon));
        }

        private static boolean validScheme(String s) {
            if (s.isEmpty() || !isAlpha(s.charAt(0))) {
                return false;
            }
            for (int i = 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
                    return false;
                }
            }
            return true;
        }

        // ---- DIDs (DID Core 1.0 §3.1 and §3.2) -------------------------------------------------

        private static Identifier parseDid(String text) {
            int start = 4;
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                throw bad(text, "a DID is did:method:method-specific-id");
            }
            String method = text.substring(start, colon);
            if (method.isEmpty()) {
                throw bad(text, "the DID method name is empty");
            }
            for (int i = 0; i < method.length(); i++) {
                char c = method.charAt(i);
                if (!(c >= 'a' && c <= 'z') && !isDigit(c)) {
                    throw bad(text, "the DID method name must be lowercase letters and digits");
                }
            }
            int end = colon + 1;
            while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String msid = text.substring(colon + 1, end);
            if (msid.isEmpty()) {
                throw bad(text, "the method-specific id is empty");
            }
            if (msid.endsWith(":")) {
                throw bad(text, "the method-specific id ends with ':'");
            }
            msid = normalise(text, msid, Component.DID_ID);
            if (method.equals("web")) {
                msid = didWebId(text, msid);
            }
            String did = "did:" + method + ":" + msid;
            return rest(text, end, Kind.DID, "did", method, did, did, null);
        }

        /** did:web: the first segment is a DNS host (lowercased), an optional %3A port, then path segments. */
        private static String didWebId(String text, String msid) {
            String[] parts = msid.split(":", -1);
            String hostPort = parts[0];
            String host = hostPort;
            String port = null;
            int pct = hostPort.indexOf("%3A");
            if (pct >= 0) {
                host = hostPort.substring(0, pct);
                port = hostPort.substring(pct + 3);
                if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Parser::isDigit)
                        || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
                    throw bad(text, "the did:web port '" + port + "' is not a port number");
                }
            }
            if (host.indexOf('%') >= 0) {
                throw bad(text, "the did:web host contains a percent-escape");
            }
            host = host.toLowerCase(Locale.ROOT);
            String why = dnsHostProblem(host);
            if (why != null) {
                throw bad(text, "the did:web host " + why);
            }
            StringBuilder out = new StringBuilder(host);
            if (port != null) {
                out.append("%3A").append(port);
            }
            for (int i = 1; i < parts.length; i++) {
                String seg = parts[i];
                if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || seg.contains("%2F") || seg.contains("%3F")
                        || seg.contains("%23") || seg.contains("%2E%2E") || seg.equals("%2E")) {
                    throw bad(text, "the did:web path segment '" + seg + "' is not allowed");
                }
                out.append(':').append(seg);
            }
            return out.toString();
        }

        // ---- http(s) URLs (RFC 3986) -----------------------------------------------------------

        private static Identifier parseHttp(String text, String scheme, int colon) {
            if (!text.startsWith("//", colon + 1)) {
                throw bad(text, "an http(s) URL is scheme://host/path");
            }
            int start = colon + 3;
            int end = start;
            while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String authority = text.substring(start, end);
            if (authority.indexOf('@') >= 0) {
                throw bad(text, "a URL with user information (user@host) is refused");
            }
            String host;
            String port = "";
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw bad(text, "the IPv6 address is not closed with ']'");
                }
                host = authority.substring(0, close + 1).toLowerCase(Locale.ROOT);
                String inner = host.substring(1, host.length() - 1);
                if (inner.isEmpty() || !inner.chars().allMatch(c -> isHexDigit(c) || c == ':' || c == '.')
                        || inner.indexOf(':') < 0) {
                    throw bad(text, "'" + host + "' is not an IPv6 address (zone ids and IPvFuture are refused)");
                }
                String after = authority.substring(close + 1);
                if (!after.isEmpty() && !after.startsWith(":")) {
                    throw bad(text, "unexpected characters after the IPv6 address");
                }
                port = after.isEmpty() ? "" : after.substring(1);
            } else {
                int c = authority.lastIndexOf(':');
                host = c < 0 ? authority : authority.substring(0, c);
                port = c < 0 ? "" : authority.substring(c + 1);
                if (host.indexOf('%') >= 0) {
                    throw bad(text, "the host contains a percent-escape");
                }
                host = host.toLowerCase(Locale.ROOT);
                String why = dnsHostProblem(host);
                if (why != null) {
                    throw bad(text, "the host " + why);
                }
            }
            StringBuilder out = new StringBuilder(scheme).append("://").append(host);
            if (!port.isEmpty()) {
                if (port.length() > 5 || !port.chars().allMatch(Parser::isDigit)) {
                    throw bad(text, "the port '" + port + "' is not a port number");
                }
                int p = Integer.parseInt(port);
                if (p == 0 || p > 65535) {
                    throw bad(text, "the port " + p + " is out of range");
                }
                boolean dflt = (scheme.equals("https") && p == 443) || (scheme.equals("http") && p == 80);
                if (!dflt) {
                    out.append(':').append(p);
                }
            }
            int pathEnd = end;
            while (pathEnd < text.length() && "?#".indexOf(text.charAt(pathEnd)) < 0) {
                pathEnd++;
            }
            String path = normalise(text, text.substring(end, pathEnd), Component.PATH);
            for (String seg : path.split("/", -1)) {
                if (seg.equals(".") || seg.equals("..")) {
                    throw bad(text, "the path has a '.' or '..' segment");
                }
            }
            out.append(path.isEmpty() ? "/" : path);
            String base = out.toString();
            return rest(text, pathEnd, Kind.HTTP, scheme, null, null, base, host);
        }

        /**
         * @return why {@code host} (lowercased) is not a DNS name or a canonical dotted IPv4 address,
         *     or null when it is one
         */
        private static @Nullable String dnsHostProblem(String host) {
            if (host.isEmpty()) {
                return "is empty";
            }
            if (host.length() > 253) {
                return "is longer than 253 characters";
            }
            if (host.endsWith(".")) {
                return "'" + host + "' ends with a dot";
            }
            String[] labels = host.split("\\.", -1);
            for (String label : labels) {
                if (label.isEmpty()) {
                    return "'" + host + "' has an empty label";
                }
                if (label.length() > 63) {
                    return "'" + host + "' has a label longer than 63 characters";
                }
                for (int i = 0; i < label.length(); i++) {
                    char c = label.charAt(i);
                    if (!(c >= 'a' && c <= 'z') && !isDigit(c) && c != '-' && c != '_') {
                        return "'" + abbreviate(host) + "' is not a DNS name (letters, digits, '-' and '.'; IDNs in punycode)";
                    }
                }
                if (label.startsWith("-") || label.endsWith("-")) {
                    return "'" + host + "' has a label that starts or ends with '-'";
                }
            }
            String last = labels[labels.length - 1];
            boolean numeric = last.chars().allMatch(Parser::isDigit) || last.startsWith("0x");
            if (numeric) {
                // a host that ends in a number is an IPv4 address: only the four-octet decimal form is unambiguous
                if (labels.length != 4) {
                    return "'" + host + "' is not an IPv4 address in dotted-decimal form (a.b.c.d)";
                }
                for (String l : labels) {
                    if (!l.chars().allMatch(Parser::isDigit) || l.length() > 3 || (l.length() > 1 && l.charAt(0) == '0')
                            || Integer.parseInt(l) > 255) {
                        return "'" + host + "' is not an IPv4 address in dotted-decimal form (a.b.c.d)";
                    }
                }
            }
            return null;
        }

        // ---- other absolute URIs ---------------------------------------------------------------

        private static Identifier parseOther(String text, String scheme, int colon) {
            int end = colon + 1;
            while (end < text.length() && text.charAt(end) != '#') {
                end++;
            }
            String body = text.substring(colon + 1, end);
            if (body.isEmpty()) {
                throw bad(text, "nothing follows the scheme");
            }
            String resource = scheme + ":" + normalise(text, body, Component.QUERY);
            return rest(text, end, Kind.OTHER, scheme, null, null, resource, null);
        }

        // ---- shared ----------------------------------------------------------------------------

        /** Parses the DID path (DID only), query and fragment from {@code at}. */
        private static Identifier rest(String text, int at, Kind kind, String scheme, @Nullable String method,
                @Nullable String did, String base, @Nullable String host) {
            StringBuilder resource = new StringBuilder(base);
            int i = at;
            if (kind == Kind.DID) {
                int end = i;
                while (end < text.length() && "?#".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String path = normalise(text, text.substring(i, end), Component.PATH);
                resource.append(path);
                i = end;
            }
            if (i < text.length() && text.charAt(i) == '?') {
                int end = text.indexOf('#', i);
                end = end < 0 ? text.length() : end;
                resource.append('?').append(normalise(text, text.substring(i + 1, end), Component.QUERY));
                i = end;
            }
            String fragment = null;
            if (i < text.length() && text.charAt(i) == '#') {
                fragment = normalise(text, text.substring(i + 1), Component.QUERY);
            }
            return new Identifier(kind, scheme, method, did, resource.toString(), fragment, host);
        }

        private enum Component {
            /** idchar / ":" (DID Core): ALPHA, DIGIT, '.', '-', '_', pct-encoded. */
            DID_ID,
            /** pchar / "/" (RFC 3986 path). */
            PATH,
            /** pchar / "/" / "?" (RFC 3986 query and fragment). */
            QUERY
        }

        /** Checks the characters of a component and normalises its percent-escapes. */
        private static String normalise(String text, String part, Component component) {
            StringBuilder out = null;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c == '%') {
                    if (i + 2 >= part.length() || !isHexDigit(part.charAt(i + 1)) || !isHexDigit(part.charAt(i + 2))) {
                        throw bad(text, "malformed percent-encoding");
                    }
                    int v = Character.digit(part.charAt(i + 1), 16) * 16 + Character.digit(part.charAt(i + 2), 16);
                    if (out == null) {
                        out = new StringBuilder(part.length()).append(part, 0, i);
                    }
                    char decoded = (char) v;
                    boolean unreserved = isAlpha(decoded) || isDigit(decoded) || decoded == '-' || decoded == '.'
                            || decoded == '_' || (decoded == '~' && component != Component.DID_ID);
                    if (unreserved) {
                        out.append(decoded);
                    } else {
                        out.append('%').append(HEX.charAt(v >> 4)).append(HEX.charAt(v & 15));
                    }
                    i += 2;
                    continue;
                }
                if (!allowed(c, component)) {
                    throw bad(text, c < 0x20 || c == 0x7f ? "a control character" : c > 0x7e
                            ? "a non-ASCII character (percent-encode it)" : "the character '" + c + "' is not allowed there");
                }
                if (out != null) {
                    out.append(c);
                }
            }
            return out == null ? part : out.toString();
        }

        private static boolean allowed(char c, Component component) {
            if (isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_') {
                return true;
            }
            if (component == Component.DID_ID) {
                return c == ':';
            }
            boolean pchar = c == '~' || "!$&'()*+,;=".indexOf(c) >= 0 || c == ':' || c == '@';
            return pchar || c == '/' || (component == Component.QUERY && c == '?');
        }

        private static boolean isAlpha(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isHexDigit(int c) {
            return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }

        private static InvalidIdentifierException bad(String text, String why) {
            return new InvalidIdentifierException("'" + abbreviate(text) + "' is not a valid identifier: " + why);
        }

        static String abbreviate(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length() && b.length() < 117; i++) {
                char c = s.charAt(i);
                b.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
            }
            return s.length() > 117 ? b + "..." : b.toString();
        }
    }
}
