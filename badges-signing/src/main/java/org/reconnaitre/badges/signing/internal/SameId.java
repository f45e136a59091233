package org.reconnaitre.badges.signing.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether two identifiers (an issuer id, the {@code id} of an endorsed object) name the
 * same thing, by parsing them rather than comparing strings.
 *
 * <ul>
 *   <li>A DID must follow the DID Core syntax ({@code did:} in lower case, a method name of lower-case
 *       letters and digits, a method-specific id of {@code ALPHA / DIGIT / . - _ / pct-encoded}
 *       separated by {@code :}); a DID URL (path, query or fragment) is not a DID. Percent-escapes
 *       are compared without regard to the case of their hex digits; everything else exactly
 *       (method-specific ids are case-sensitive).</li>
 *   <li>An {@code http(s)} URL is compared after RFC 3986 normalisation: scheme and host in lower
 *       case, the default port removed, an empty path as {@code /}, dot segments removed,
 *       percent-escapes of unreserved characters decoded and the others in upper case. A URL with
 *       user information or without a host is refused.</li>
 *   <li>Any other absolute URI ({@code urn:}, ...) is compared with its scheme in lower case and
 *       percent-escapes normalised.</li>
 * </ul>
 *
 * An identifier that does not parse is never the same as anything. Stateless. Internal.
 */
public final class SameId {
    private static final Pattern DID = Pattern.compile(
            "did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+");
    private static final Pattern PCT = Pattern.compile("%([0-9A-Fa-f]{2})");

    private SameId() {}

    /**
     * @param a an identifier
     * @param b another identifier
     * @return whether both parse and name the same resource
     */
    public static boolean same(String a, String b) {
        Optional<String> ca = canonical(a);
        return ca.isPresent() && ca.equals(canonical(b));
    }

    /**
     * @param id an identifier
     * @return its normalised form, or empty when it is not a valid DID or absolute URI
     */
    public static Optional<String> canonical(String id) {
        String s = id.strip();
        if (!s.equals(id) || s.isEmpty()) {
            return Optional.empty();
        }
        if (s.regionMatches(true, 0, "did:", 0, 4)) {
            return DID.matcher(s).matches() ? Optional.of(upperHex(s)) : Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!uri.isAbsolute()) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(scheme + ":" + normalisePct(uri.getRawSchemeSpecificPart())
                    + (uri.getRawFragment() == null ? "" : "#" + normalisePct(uri.getRawFragment())));
        }
        if (uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String rebuilt = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                + normalisePct(path)
                + (uri.getRawQuery() == null ? "" : "?" + normalisePct(uri.getRawQuery()))
                + (uri.getRawFragment() == null ? "" : "#" + normalisePct(uri.getRawFragment()));
        try {
            URI normalised = new URI(rebuilt).normalize();
            String p = normalised.getRawPath();
            return p == null || p.startsWith("/..") ? Optional.empty() : Optional.of(normalised.toString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Decodes percent-escapes of unreserved characters; writes the others with upper-case hex. */
    private static String normalisePct(String s) {
        return PCT.matcher(s).replaceAll(m -> {
            int c = Integer.parseInt(m.group(1), 16);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            return unreserved ? String.valueOf((char) c) : "%" + m.group(1).toUpperCase(Locale.ROOT);
        });
    }

    private static String upperHex(String s) {
        return PCT.matcher(s).replaceAll(m -> "%" + m.group(1).toUpperCase(Locale.ROOT));
    }
}
