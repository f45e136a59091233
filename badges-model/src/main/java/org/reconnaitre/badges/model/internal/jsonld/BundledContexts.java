package org.reconnaitre.badges.model.internal.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * The JSON-LD contexts shipped in the jar, pinned by SHA-256, and the only document loader the SDK
 * hands to Titanium. A URL that is not bundled is refused with a message naming it, unless the
 * caller plugged in a {@link Fetcher} that serves it. There is no path to Titanium's default
 * (network) loader: every JSON-LD call goes through {@link #options()}.
 *
 * <p>Thread-safe. Parsed contexts are cached for the life of the JVM (they are immutable).
 */
public final class BundledContexts implements DocumentLoader {
    private static final String BASE = "/org/reconnaitre/badges/model/contexts/";

    /** A bundled context file with its expected digest. */
    public record Entry(String url, String file, String sha256) {}

    private static final BundledContexts DEFAULT = new BundledContexts(Fetcher.none());

    private static final Map<String, Entry> INDEX = loadIndex();
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();

    private final Fetcher fallback;

    private BundledContexts(Fetcher fallback) {
        this.fallback = fallback;
    }

    /** @return the loader that serves bundled contexts only */
    public static BundledContexts loader() {
        return DEFAULT;
    }

    /**
     * A loader that serves bundled contexts and asks {@code fallback} for anything else.
     * Bundled URLs are never fetched, whatever the fallback.
     */
    public static BundledContexts withFallback(Fetcher fallback) {
        return new BundledContexts(fallback);
    }

    /** @return fresh Titanium options whose document loader is {@link #loader()} */
    public static JsonLdOptions options() {
        return DEFAULT.newOptions();
    }

    /** @return fresh Titanium options whose document loader is this loader */
    public JsonLdOptions newOptions() {
        JsonLdOptions options = new JsonLdOptions(this);
        options.setDocumentLoader(this);
        return options;
    }

    /** @return every bundled URL (aliases included) */
    public static Set<String> urls() {
        return Collections.unmodifiableSet(INDEX.keySet());
    }

    /** @return whether the URL (fragment ignored) is bundled */
    public static boolean isBundled(String url) {
        return INDEX.containsKey(stripFragment(url));
    }

    /**
     * The bytes of a bundled context, checked against the pinned digest.
     *
     * @throws BadgeException {@code CONTEXT_UNAVAILABLE} when the URL is not bundled or the file
     *     does not match its digest
     */
    public static byte[] bytes(String url) throws BadgeException {
        Entry e = INDEX.get(stripFragment(url));
        if (e == null) {
            throw new BadgeException(BadgeException.Code.CONTEXT_UNAVAILABLE,
                    "JSON-LD context " + url + " is not bundled with Reconnaître and no fetcher allows it");
        }
        byte[] cached = BYTES.get(e.file());
        if (cached != null) {
            return cached;
        }
        byte[] data;
        try (InputStream in = BundledContexts.class.getResourceAsStream(BASE + e.file())) {
            if (in == null) {
                throw new BadgeException(BadgeException.Code.CONTEXT_UNAVAILABLE, "bundled context file missing: " + e.file());
            }
            data = in.readAllBytes();
        } catch (IOException ex) {
            throw new BadgeException(BadgeException.Code.CONTEXT_UNAVAILABLE, "cannot read bundled context " + e.file(), ex);
        }
        String actual = sha256(data);
        if (!actual.equals(e.sha256())) {
            throw new BadgeException(BadgeException.Code.CONTEXT_UNAVAILABLE,
                    "bundled context " + e.file() + " does not match its pinned SHA-256 (" + e.sha256() + ")");
        }
        BYTES.put(e.file(), data);
        return data;
    }

    /** @return the index entry of a bundled URL */
    public static Optional<Entry> entry(String url) {
        return Optional.ofNullable(INDEX.get(stripFragment(url)));
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String key = stripFragment(url.toString());
        if (INDEX.containsKey(key)) {
            Document doc = DOCUMENTS.get(key);
            if (doc == null) {
                try {
                    doc = JsonDocument.of(MediaType.JSON_LD, new ByteArrayInputStream(bytes(key)));
                    doc.setDocumentUrl(url);
                } catch (BadgeException e) {
                    throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage());
                }
                DOCUMENTS.put(key, doc);
            }
            return doc;
        }
        try {
            Fetcher.Response r = fallback.fetch(url);
            if (!r.ok()) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                        "Fetching JSON-LD context " + url + " returned HTTP " + r.status());
            }
            Document doc = JsonDocument.of(MediaType.JSON_LD, new ByteArrayInputStream(r.body()));
            doc.setDocumentUrl(url);
            return doc;
        } catch (BadgeException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "JSON-LD context " + url + " is not bundled and was not loaded: " + e.getMessage());
        }
    }

    static String stripFragment(String url) {
        int i = url.indexOf('#');
        return i < 0 ? url : url.substring(0, i);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Entry> loadIndex() {
        try (InputStream in = BundledContexts.class.getResourceAsStream(BASE + "index.json")) {
            if (in == null) {
                throw new IllegalStateException("bundled context index missing");
            }
            JsonNode root = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Entry> map = new LinkedHashMap<>();
            for (JsonNode c : root.path("contexts")) {
                Entry e = new Entry(c.path("url").asText(), c.path("file").asText(), c.path("sha256").asText());
                map.put(e.url(), e);
                for (JsonNode alias : c.path("aliases")) {
                    map.put(alias.asText(), e);
                }
            }
            return Collections.unmodifiableMap(map);
        } catch (IOException | BadgeException e) {
            throw new IllegalStateException("cannot read the bundled context index", e);
        }
    }
}
