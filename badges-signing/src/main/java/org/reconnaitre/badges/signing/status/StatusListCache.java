package org.reconnaitre.badges.signing.status;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;

/**
 * A bounded cache of fetched status lists, each kept for a fixed time to live. Only successful
 * (2xx) answers are cached, so a list that could not be fetched is tried again next time.
 *
 * <pre>{@code
 * StatusListCache cache = StatusListCache.create(Duration.ofMinutes(5));
 * String list = cache.get(entry.listUrl(), Fetcher.http(Set.of("example.com")));
 * }</pre>
 *
 * <p>Thread-safe: share one cache between verifications. Two threads missing the same URL at the
 * same moment may both fetch it; the later answer wins.
 */
public final class StatusListCache {
    /** Default number of lists kept. */
    public static final int DEFAULT_MAX_ENTRIES = 256;

    private record Cached(String body, Instant fetched, Instant expires) {}

    private final Duration ttl;
    private final Clock clock;
    private final int maxEntries;
    private final Map<URI, Cached> entries = new ConcurrentHashMap<>();

    private StatusListCache(Duration ttl, Clock clock, int maxEntries) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    /**
     * @param ttl how long a fetched list is reused ({@link Duration#ZERO} disables caching)
     * @return a cache on the system clock holding up to {@value #DEFAULT_MAX_ENTRIES} lists
     */
    public static StatusListCache create(Duration ttl) {
        return new StatusListCache(ttl, Clock.systemUTC(), DEFAULT_MAX_ENTRIES);
    }

    /**
     * @param ttl how long a fetched list is reused
     * @param clock the clock that decides expiry (inject a fixed or test clock)
     * @param maxEntries largest number of lists kept; the oldest is dropped first
     * @return a cache
     */
    public static StatusListCache create(Duration ttl, Clock clock, int maxEntries) {
        return new StatusListCache(ttl, clock, maxEntries);
    }

    /**
     * Returns the list at {@code url}, from the cache while it is fresh, otherwise through the
     * fetcher.
     *
     * @param url the status list URL (a fragment is ignored)
     * @param fetcher how to reach it
     * @return the list's body as text
     * @throws BadgeException {@code FETCH_REFUSED} / {@code FETCH_FAILED} from the fetcher, or
     *     {@code FETCH_FAILED} for a non-2xx answer (naming the status)
     */
    public String get(URI url, Fetcher fetcher) throws BadgeException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fetcher, "fetcher");
        URI key = withoutFragment(url);
        Instant now = clock.instant();
        Cached hit = entries.get(key);
        if (hit != null && now.isBefore(hit.expires())) {
            return hit.body();
        }
        Fetcher.Response response = fetcher.fetch(key);
        if (!response.ok()) {
            entries.remove(key);
            throw new BadgeException(BadgeException.Code.FETCH_FAILED,
                    "The status list " + key + " could not be fetched: HTTP " + response.status());
        }
        String body = response.text();
        if (!ttl.isZero()) {
            entries.put(key, new Cached(body, now, now.plus(ttl)));
            evict(now);
        }
        return body;
    }

    private void evict(Instant now) {
        if (entries.size() <= maxEntries) {
            return;
        }
        entries.entrySet().removeIf(e -> !now.isBefore(e.getValue().expires()));
        while (entries.size() > maxEntries) {
            entries.entrySet().stream()
                    .min((a, b) -> a.getValue().fetched().compareTo(b.getValue().fetched()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    /** Forgets one list, e.g. after its proof failed to verify. */
    public void invalidate(URI url) {
        entries.remove(withoutFragment(url));
    }

    /** Forgets every list. */
    public void clear() {
        entries.clear();
    }

    /** @return the number of lists held (fresh or not yet evicted) */
    public int size() {
        return entries.size();
    }

    private static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String s = url.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }
}
