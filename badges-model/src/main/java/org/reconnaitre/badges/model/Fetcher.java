package org.reconnaitre.badges.model;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reaches a resource outside the SDK: a hosted Open Badges 2.0 assertion, a {@code did:web}
 * document, a status list. The SDK never opens a network connection by itself; every lookup goes
 * through a fetcher the caller chooses, and the default, {@link #none()}, refuses everything.
 *
 * <pre>{@code
 * Fetcher local = Fetcher.offline(java.util.Map.of(
 *         "https://example.org/", java.nio.file.Path.of("src/test/resources/assets")));
 * // local.fetch(URI.create("https://example.org/badge.json")) reads assets/badge.json
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one verifier calls its fetcher from many threads.
 */
@FunctionalInterface
public interface Fetcher {

    /** Largest body a bundled fetcher accepts, in bytes (8 MiB). */
    int MAX_BODY_BYTES = 8 * 1024 * 1024;

    /**
     * Fetches a resource.
     *
     * @param url an absolute URL; any {@code #fragment} is ignored
     * @return the response, whatever its status (a 404 or 410 is an answer, not an error)
     * @throws BadgeException {@link BadgeException.Code#FETCH_REFUSED} when this fetcher does not
     *     allow the URL, {@link BadgeException.Code#FETCH_FAILED} when it tried and failed
     */
    Response fetch(URI url) throws BadgeException;

    /**
     * A fetched resource. Immutable; the body is copied in and out.
     *
     * @param url the URL that was fetched
     * @param status the HTTP status (200 for a local file, 404 when it is absent)
     * @param contentType the media type, or an empty string when unknown
     * @param body the bytes
     */
    record Response(URI url, int status, String contentType, byte[] body) {
        /** Validates and copies. */
        public Response {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** @return whether the status is 2xx */
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** @return the body decoded as UTF-8 */
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && r.url.equals(url) && r.status == status
                    && r.contentType.equals(contentType) && Arrays.equals(r.body, body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(url, status, contentType, Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "Response[" + url + " " + status + " " + contentType + " " + body.length + " bytes]";
        }
    }

    /**
     * The default: refuses every URL, with a message that names the URL and says how to allow it.
     *
     * @return a fetcher that never fetches
     */
    static Fetcher none() {
        return url -> {
            throw new BadgeException(BadgeException.Code.FETCH_REFUSED,
                    "Refused to fetch " + url + ": network access is off by default. To allow it, "
                            + "configure a Fetcher (Fetcher.offline(...) for local copies, or an HTTP "
                            + "fetcher limited to the host '" + url.getHost() + "').");
        };
    }

    /**
     * An HTTPS fetcher limited to the given host names: every other host, plain {@code http://},
     * a redirect to a host outside the list (at most 3 redirects), a body over
     * {@link #MAX_BODY_BYTES} or a slow server (5 s to connect, 15 s per request) gives a
     * {@link BadgeException} naming the URL. Thread-safe.
     *
     * <pre>{@code
     * Fetcher web = Fetcher.http(java.util.Set.of("dc.1edtech.org", "w3id.org"));
     * }</pre>
     *
     * @param allowedHosts bare host names, e.g. {@code "example.org"} (case-insensitive)
     * @return an allow-listed HTTPS fetcher
     */
    static Fetcher http(java.util.Set<String> allowedHosts) {
        return new org.reconnaitre.badges.model.internal.http.HttpFetcher(allowedHosts, false);
    }

    /**
     * As {@link #http(java.util.Set)}, optionally allowing plain {@code http://} to the same hosts
     * (for local test servers; a redirect from https down to http is still refused).
     *
     * @param allowedHosts bare host names
     * @param allowPlainHttp whether {@code http://} URLs are fetched too
     * @return an allow-listed HTTP(S) fetcher
     */
    static Fetcher http(java.util.Set<String> allowedHosts, boolean allowPlainHttp) {
        return new org.reconnaitre.badges.model.internal.http.HttpFetcher(allowedHosts, allowPlainHttp);
    }

    /**
     * A fetcher that serves URLs from local files, for tests and air-gapped use. Each key is a URL
     * prefix; its value is a file (served for exactly that URL) or a directory (the rest of the URL
     * is resolved inside it). The longest matching prefix wins. A URL under a prefix whose file does
     * not exist gets a 404; a URL under no prefix is refused.
     *
     * @param prefixes URL prefix to local file or directory
     * @return an offline fetcher
     */
    static Fetcher offline(Map<String, Path> prefixes) {
        Map<String, Path> copy = new LinkedHashMap<>();
        prefixes.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        return url -> {
            String s = url.toString();
            int hash = s.indexOf('#');
            if (hash >= 0) {
                s = s.substring(0, hash);
            }
            String best = null;
            for (String prefix : copy.keySet()) {
                if (s.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                    best = prefix;
                }
            }
            if (best == null) {
                return none().fetch(url);
            }
            Path base = copy.get(best);
            Path file = base;
            String rest = s.substring(best.length());
            if (!rest.isEmpty()) {
                Path candidate = base.resolve(rest).normalize();
                if (!candidate.startsWith(base.normalize())) {
                    throw new BadgeException(BadgeException.Code.FETCH_REFUSED,
                            "Refused to fetch " + url + ": the path escapes " + base);
                }
                file = candidate;
            }
            if (!Files.isRegularFile(file)) {
                return new Response(url, 404, "", new byte[0]);
            }
            try {
                if (Files.size(file) > MAX_BODY_BYTES) {
                    throw new BadgeException(BadgeException.Code.FETCH_FAILED,
                            "Refused " + url + ": larger than " + MAX_BODY_BYTES + " bytes");
                }
                byte[] body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                String type = name.endsWith(".png") ? "image/png"
                        : name.endsWith(".svg") ? "image/svg+xml"
                        : name.endsWith(".jwt") ? "application/jwt" : "application/json";
                return new Response(url, 200, type, body);
            } catch (IOException e) {
                throw new BadgeException(BadgeException.Code.FETCH_FAILED,
                        "Could not read " + file + " for " + url + ": " + e.getMessage(), e);
            }
        };
    }
}
