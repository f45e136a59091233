package org.reconnaitre.badges.signing.internal.verify;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;

/**
 * A fetcher that keeps the last successful (2xx) responses of another one, bounded in number and
 * in age, so one verifier does not fetch the same status list or DID document again for every
 * credential. Failures are never cached. Thread-safe. Internal.
 */
public final class CachingFetcher implements Fetcher {
    private record Entry(Response response, long fetchedAtNanos) {}

    private final Fetcher delegate;
    private final long ttlNanos;
    private final Map<String, Entry> cache;

    /**
     * @param delegate the fetcher to ask
     * @param maxEntries largest number of responses kept (0 disables caching)
     * @param ttlNanos how long a response is reused, in nanoseconds
     */
    public CachingFetcher(Fetcher delegate, int maxEntries, long ttlNanos) {
        this.delegate = delegate;
        this.ttlNanos = ttlNanos;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachingFetcher.Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Response fetch(URI url) throws BadgeException {
        String key = url.toString();
        int hash = key.indexOf('#');
        if (hash >= 0) {
            key = key.substring(0, hash);
        }
        long now = System.nanoTime();
        synchronized (cache) {
            Entry e = cache.get(key);
            if (e != null && now - e.fetchedAtNanos() < ttlNanos) {
                return e.response();
            }
        }
        Response r = delegate.fetch(url);
        if (r.ok()) {
            synchronized (cache) {
                cache.put(key, new Entry(r, now));
            }
        }
        return r;
    }
}
