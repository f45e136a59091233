package org.reconnaitre.badges.model.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;

/**
 * An HTTP(S) fetcher limited to an allow-list of host names. HTTPS only unless plain HTTP is
 * explicitly allowed; connect and overall timeouts; bodies larger than
 * {@link Fetcher#MAX_BODY_BYTES} are refused while they stream in; redirects are followed by hand,
 * at most {@value #MAX_REDIRECTS}, and only to allowed hosts (and never from HTTPS down to HTTP).
 * No cookies, no proxy, no authentication.
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpFetcher implements Fetcher {
    /** Most redirects followed for one fetch. */
    public static final int MAX_REDIRECTS = 3;
    /** Default connect timeout. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time allowed for one request, from sending it to the last body byte. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private static final String ACCEPT =
            "application/ld+json, application/json;q=0.9, application/jwt;q=0.8, image/png;q=0.5, image/svg+xml;q=0.5, */*;q=0.1";

    private final Set<String> allowedHosts;
    private final boolean allowPlainHttp;
    private final Duration requestTimeout;
    private final int maxBodyBytes;
    private final HttpClient client;

    /**
     * Creates a fetcher.
     *
     * @param allowedHosts host names (case-insensitive; no scheme, port or path)
     * @param allowPlainHttp whether {@code http://} URLs are allowed too
     * @param connectTimeout TCP/TLS connect timeout
     * @param requestTimeout time for one request, headers and body included
     * @param maxBodyBytes largest body accepted
     */
    public HttpFetcher(Set<String> allowedHosts, boolean allowPlainHttp, Duration connectTimeout,
            Duration requestTimeout, int maxBodyBytes) {
        Objects.requireNonNull(allowedHosts, "allowedHosts");
        TreeSet<String> hosts = new TreeSet<>();
        for (String h : allowedHosts) {
            String host = Objects.requireNonNull(h, "host").strip().toLowerCase(Locale.ROOT);
            if (host.isEmpty() || host.contains("/") || host.contains(":") && !host.startsWith("[")) {
                throw new IllegalArgumentException("Not a bare host name: '" + h
                        + "' (give host names such as 'example.org', without scheme, port or path)");
            }
            hosts.add(host);
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("The allow-list is empty; use Fetcher.none() to fetch nothing");
        }
        this.allowedHosts = java.util.Collections.unmodifiableSet(hosts);
        this.allowPlainHttp = allowPlainHttp;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A fetcher with the default timeouts and body limit. */
    public HttpFetcher(Set<String> allowedHosts, boolean allowPlainHttp) {
        this(allowedHosts, allowPlainHttp, CONNECT_TIMEOUT, REQUEST_TIMEOUT, MAX_BODY_BYTES);
    }

    /** @return the allowed hosts, lower-cased */
    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    @Override
    public Response fetch(URI url) throws BadgeException {
        Objects.requireNonNull(url, "url");
        URI current = withoutFragment(url);
        check(current, null);
        for (int hop = 0; ; hop++) {
            Raw raw = send(current);
            int status = raw.status();
            if (!isRedirect(status)) {
                return new Response(current, status, raw.contentType(), raw.body());
            }
            String location = raw.location();
            if (location.isEmpty()) {
                return new Response(current, status, "", new byte[0]);
            }
            if (hop >= MAX_REDIRECTS) {
                throw new BadgeException(BadgeException.Code.FETCH_FAILED,
                        "Gave up fetching " + url + ": more than " + MAX_REDIRECTS + " redirects");
            }
            URI next;
            try {
                next = withoutFragment(current.resolve(new URI(location)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new BadgeException(BadgeException.Code.FETCH_FAILED,
                        "Fetching " + url + ": the server redirected to an invalid URL '" + location + "'", e);
            }
            check(next, current);
            current = next;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI withoutFragment(URI uri) throws BadgeException {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), uri.getRawSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new BadgeException(BadgeException.Code.FETCH_REFUSED, "Refused to fetch " + uri + ": " + e.getMessage(), e);
        }
    }

    private void check(URI url, @Nullable URI from) throws BadgeException {
        String context = from == null ? "Refused to fetch " + url : "Refused to follow the redirect from " + from + " to " + url;
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null) {
            throw refused(context + ": not an absolute http(s) URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw refused(context + ": URLs with user information are not fetched");
        }
        if (scheme.equals("http")) {
            if (!allowPlainHttp) {
                throw refused(context + ": plain http is refused; use https, or create the fetcher with "
                        + "Fetcher.http(hosts, true) to allow http");
            }
            if (from != null && "https".equalsIgnoreCase(from.getScheme())) {
                throw refused(context + ": a redirect from https down to http is never followed");
            }
        } else if (!scheme.equals("https")) {
            throw refused(context + ": only https" + (allowPlainHttp ? " and http" : "") + " URLs are fetched, not '"
                    + scheme + ":'");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw refused(context + ": the host '" + host + "' is not in this fetcher's allow-list " + allowedHosts
                    + ". To allow it, add \"" + host + "\" to the hosts given to Fetcher.http(...)");
        }
    }

    private static BadgeException refused(String message) {
        return new BadgeException(BadgeException.Code.FETCH_REFUSED, message);
    }

    /** One HTTP exchange. */
    private record Raw(int status, String contentType, String location, byte[] body) {}

    /** Sends one GET. */
    private Raw send(URI url) throws BadgeException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .GET()
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .header("User-Agent", "Reconnaitre-Badges")
                .build();
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, info -> limited(info, url));
        try {
            HttpResponse<byte[]> response = future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            HttpHeaders headers = response.headers();
            return new Raw(response.statusCode(), headers.firstValue("Content-Type").orElse(""),
                    headers.firstValue("Location").orElse(""), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failed("Fetching " + url + " timed out after " + requestTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw failed("Fetching " + url + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            while (cause.getCause() != null && !(cause instanceof BodyTooLarge)) {
                if (cause instanceof java.net.http.HttpTimeoutException) {
                    break;
                }
                cause = cause.getCause();
            }
            if (cause instanceof BodyTooLarge) {
                throw failed("Refused " + url + ": the body is larger than " + maxBodyBytes + " bytes", cause);
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw failed("Fetching " + url + " timed out: " + cause.getMessage(), cause);
            }
            throw failed("Could not fetch " + url + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        }
    }

    private static BadgeException failed(String message, Throwable cause) {
        return new BadgeException(BadgeException.Code.FETCH_FAILED, message, cause);
    }

    private HttpResponse.BodySubscriber<byte[]> limited(HttpResponse.ResponseInfo info, URI url) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBodyBytes) {
            return new Limited(maxBodyBytes, true);
        }
        if (isRedirect(info.statusCode())) {
            return new Limited(64 * 1024, false); // a redirect body is read and dropped
        }
        return new Limited(maxBodyBytes, false);
    }

    /** The body was (or would be) larger than allowed. */
    static final class BodyTooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("body too large", null, false, false);
        }
    }

    /** Collects a body, cancelling the stream as soon as it passes the limit. */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final boolean refuseAtOnce;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.@Nullable Subscription subscription;

        Limited(int max, boolean refuseAtOnce) {
            this.max = max;
            this.refuseAtOnce = refuseAtOnce;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refuseAtOnce) {
                s.cancel();
                result.completeExceptionally(new BodyTooLarge());
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > max) {
                    Objects.requireNonNull(subscription).cancel();
                    result.completeExceptionally(new BodyTooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
            Objects.requireNonNull(subscription).request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
