package org.reconnaitre.badges.signing.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;

/**
 * A {@link Fetcher} test double that serves attacker-chosen documents for any URL, so that every
 * online path of the verifier (did:web, controller documents, OB 2.0 hosted assertions, issuer
 * profiles and keys, status lists, contexts) is tested offline. URLs are matched exactly (fragment
 * removed), then by the longest registered prefix ending in {@code *}, then by the fallback
 * function; anything else is a 404. Every request is recorded, in order.
 *
 * <pre>{@code
 * HostileFetcher f = HostileFetcher.builder()
 *         .json("https://attacker.example/.well-known/did.json", didDocumentClaimingVictim)
 *         .status("https://victim.example/.well-known/did.json", 404)
 *         .build();
 * Verifier v = Verifier.builder().fetcher(f).build();
 * }</pre>
 *
 * <p>Thread-safe once built (the request log is synchronized).
 */
public final class HostileFetcher implements Fetcher {
    private final Map<String, Fetcher.Response> exact;
    private final Map<String, Fetcher.Response> prefixes;
    private final Map<String, BadgeException.Code> failures;
    private final @Nullable Function<URI, String> fallback;
    private final List<URI> requests = Collections.synchronizedList(new ArrayList<>());

    private HostileFetcher(Builder b) {
        this.exact = Map.copyOf(b.exact);
        this.prefixes = new LinkedHashMap<>(b.prefixes);
        this.failures = Map.copyOf(b.failures);
        this.fallback = b.fallback;
    }

    /** @return an empty builder (everything is a 404 until registered) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Fetcher.Response fetch(URI url) throws BadgeException {
        Objects.requireNonNull(url, "url");
        requests.add(url);
        String key = withoutFragment(url.toString());
        BadgeException.Code failure = failures.get(key);
        if (failure != null) {
            throw new BadgeException(failure, "HostileFetcher: " + failure + " for " + key);
        }
        Fetcher.Response r = exact.get(key);
        if (r != null) {
            return new Fetcher.Response(url, r.status(), r.contentType(), r.body());
        }
        String best = null;
        for (String p : prefixes.keySet()) {
            if (key.startsWith(p) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        if (best != null) {
            Fetcher.Response pr = prefixes.get(best);
            return new Fetcher.Response(url, pr.status(), pr.contentType(), pr.body());
        }
        if (fallback != null) {
            String body = fallback.apply(url);
            if (body != null) {
                return new Fetcher.Response(url, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Fetcher.Response(url, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
    }

    /** @return the URLs requested so far, in order */
    public List<URI> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** @return whether a URL (fragment removed) was requested */
    public boolean requested(String url) {
        return requests().stream().anyMatch(u -> withoutFragment(u.toString()).equals(withoutFragment(url)));
    }

    private static String withoutFragment(String s) {
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    /** Registers documents. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Fetcher.Response> exact = new LinkedHashMap<>();
        private final Map<String, Fetcher.Response> prefixes = new LinkedHashMap<>();
        private final Map<String, BadgeException.Code> failures = new LinkedHashMap<>();
        private @Nullable Function<URI, String> fallback;

        private Builder() {}

        /** Serves {@code body} as {@code application/json} with status 200 for {@code url} ({@code prefix*} for a prefix). */
        public Builder json(String url, String body) {
            return respond(url, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        /** Serves any bytes with a status and content type for {@code url} ({@code prefix*} for a prefix). */
        public Builder respond(String url, int status, String contentType, byte[] body) {
            URI u = URI.create(url.endsWith("*") ? url.substring(0, url.length() - 1) : url);
            Fetcher.Response r = new Fetcher.Response(u, status, contentType, body);
            if (url.endsWith("*")) {
                prefixes.put(url.substring(0, url.length() - 1), r);
            } else {
                exact.put(withoutFragment(url), r);
            }
            return this;
        }

        /** Answers {@code url} with an empty body and this HTTP status (404, 500, ...). */
        public Builder status(String url, int status) {
            return respond(url, status, "text/plain", new byte[0]);
        }

        /** Makes the fetch of {@code url} throw (FETCH_FAILED or FETCH_REFUSED). */
        public Builder fail(String url, BadgeException.Code code) {
            failures.put(withoutFragment(url), Objects.requireNonNull(code, "code"));
            return this;
        }

        /** Serves the function's answer (as JSON, status 200) for any URL not registered; null means 404. */
        public Builder fallback(Function<URI, String> f) {
            this.fallback = Objects.requireNonNull(f, "f");
            return this;
        }

        /** @return the fetcher */
        public HostileFetcher build() {
            return new HostileFetcher(this);
        }
    }
}
