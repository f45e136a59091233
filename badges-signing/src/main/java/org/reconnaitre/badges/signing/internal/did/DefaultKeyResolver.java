package org.reconnaitre.badges.signing.internal.did;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.VerificationMethod;
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.internal.id.InvalidIdentifierException;

/**
 * The built-in {@link KeyResolver}. Immutable configuration; the cache is a bounded LRU map guarded
 * by its own lock, so instances are thread-safe. Only successful resolutions are cached.
 */
public final class DefaultKeyResolver implements KeyResolver {
    /** Longest verification method URL accepted. */
    public static final int MAX_URL = 2048;
    /** Largest DID / controller document accepted, in bytes. */
    public static final int MAX_DOCUMENT = 512 * 1024;

    private final Fetcher fetcher;
    private final boolean fragmentKeys;
    private final List<JsonNode> documents;
    private final @Nullable Map<String, VerificationMethod> cache;

    private DefaultKeyResolver(Fetcher fetcher, boolean fragmentKeys, int cacheSize, List<JsonNode> documents) {
        this.fetcher = fetcher;
        this.fragmentKeys = fragmentKeys;
        this.documents = List.copyOf(documents);
        this.cache = cacheSize == 0 ? null : Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, VerificationMethod> eldest) {
                return size() > cacheSize;
            }
        });
    }

    /** Builds a resolver; documents that are not JSON give an IllegalArgumentException. */
    public static KeyResolver create(Fetcher fetcher, boolean fragmentKeys, int cacheSize, List<String> documents) {
        return new DefaultKeyResolver(fetcher, fragmentKeys, cacheSize, parseAll(documents));
    }

    /** A resolver that looks in {@code documents} first, then asks {@code next}. */
    public static KeyResolver layered(KeyResolver next, List<String> documents) throws BadgeException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String d : documents) {
            nodes.add(Json.parse(d));
        }
        List<JsonNode> docs = List.copyOf(nodes);
        return url -> {
            for (JsonNode doc : docs) {
                Optional<VerificationMethod> vm = ControllerDocuments.find(doc, url, KeySource.CONTROLLER_DOCUMENT);
                if (vm.isPresent()) {
                    return vm.get();
                }
            }
            return next.resolve(url);
        };
    }

    private static List<JsonNode> parseAll(List<String> documents) {
        List<JsonNode> out = new ArrayList<>();
        for (String d : documents) {
            try {
                out.add(Json.parse(d));
            } catch (BadgeException e) {
                throw new IllegalArgumentException("controller document is not valid JSON: " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public VerificationMethod resolve(String url) throws BadgeException {
        if (url.length() > MAX_URL || url.isBlank() || url.chars().anyMatch(c -> c <= ' ')) {
            throw new BadgeException(BadgeException.Code.INVALID_KEY,
                    "Unusable verification method URL (empty, too long or containing spaces)");
        }
        Identifier id;
        try {
            id = Identifier.parse(url);
        } catch (InvalidIdentifierException e) {
            throw new BadgeException(BadgeException.Code.INVALID_KEY, "Unusable verification method URL: " + e.getMessage());
        }
        String key = id.toString();
        if (cache != null) {
            VerificationMethod hit = cache.get(key);
            if (hit != null) {
                return hit.id().equals(url) ? hit : withId(hit, url);
            }
        }
        VerificationMethod vm = resolveUncached(url, id);
        if (cache != null) {
            cache.put(key, vm);
        }
        return vm;
    }

    private static VerificationMethod withId(VerificationMethod vm, String id) {
        return new VerificationMethod(id, vm.type(), vm.controller(), vm.key(), vm.source(), vm.relationships());
    }

    private VerificationMethod resolveUncached(String url, Identifier id) throws BadgeException {
        for (JsonNode doc : documents) {
            Optional<VerificationMethod> vm = ControllerDocuments.find(doc, url, KeySource.CONTROLLER_DOCUMENT);
            if (vm.isPresent()) {
                return vm.get();
            }
        }
        if (id.isDid("key")) {
            VerificationMethod vm = DidKey.resolve(url).verificationMethods().get(0);
            return withId(vm, url);
        }
        BadgeException failure;
        if (id.isDid("web")) {
            Identifier did = id.withoutFragment();
            URI docUrl = DidWeb.documentUrl(did);
            try {
                JsonNode doc = fetchJson(docUrl);
                requireAbout(doc, did, docUrl);
                return ControllerDocuments.find(doc, url, KeySource.DID_WEB).orElseThrow(() -> new BadgeException(
                        BadgeException.Code.INVALID_DOCUMENT, "The DID document of " + did + " has no method " + url));
            } catch (BadgeException e) {
                if (e.code() != BadgeException.Code.FETCH_REFUSED && e.code() != BadgeException.Code.FETCH_FAILED) {
                    throw e;
                }
                failure = e;
            }
        } else if (id.isHttp()) {
            Identifier document = id.withoutFragment();
            URI docUrl;
            try {
                docUrl = URI.create(document.toString());
            } catch (IllegalArgumentException e) {
                throw new BadgeException(BadgeException.Code.INVALID_KEY, "Malformed verification method URL: " + e.getMessage());
            }
            try {
                JsonNode doc = fetchJson(docUrl);
                requireAbout(doc, document, docUrl);
                return ControllerDocuments.find(doc, url, KeySource.CONTROLLER_DOCUMENT).orElseThrow(() -> new BadgeException(
                        BadgeException.Code.INVALID_DOCUMENT, "The document at " + docUrl + " has no verification method " + url));
            } catch (BadgeException e) {
                if (e.code() != BadgeException.Code.FETCH_REFUSED && e.code() != BadgeException.Code.FETCH_FAILED) {
                    throw e;
                }
                failure = e;
            }
        } else {
            failure = new BadgeException(BadgeException.Code.INVALID_KEY, "Cannot resolve verification method "
                    + abbreviate(url) + ": only did:key, did:web and http(s) URLs are supported");
        }
        Optional<VerificationMethod> fromFragment = fragmentKeys ? fragmentKey(url, id) : Optional.empty();
        if (fromFragment.isPresent()) {
            return fromFragment.get();
        }
        throw failure;
    }

    /**
     * A fetched document speaks only for the identifier it was fetched for: its {@code id} must be
     * that DID or URL (compared parsed), else the whole document is refused.
     */
    private static void requireAbout(JsonNode doc, Identifier expected, URI docUrl) throws BadgeException {
        String declared = ControllerDocuments.text(doc, "id");
        Optional<Identifier> docId = Identifier.tryParse(declared);
        if (docId.isEmpty() || !docId.get().equals(expected)) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "The document at " + docUrl + " is not about "
                    + expected + " (its id is " + (declared == null ? "missing" : "'" + abbreviate(declared) + "'")
                    + "), so none of its keys can speak for " + expected);
        }
    }

    /**
     * The 1EdTech compatibility mode: {@code https://issuer#publicKeyMultibase}. The key is decoded
     * from the fragment and no document vouches for it: it has no relationship, and the controller
     * is only what the URL says. For a DID URL or another URI ({@code urn:...#z6Mk...}) the key is
     * returned too, so that the signature can be checked and the key-binding check can say why it is
     * refused (only its DID document speaks for a DID; nothing speaks for a urn).
     */
    private static Optional<VerificationMethod> fragmentKey(String url, Identifier id) {
        Optional<String> fragment = id.fragment();
        if (fragment.isEmpty() || fragment.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            VerificationKey key = VerificationKey.fromMultikey(fragment.get());
            return Optional.of(new VerificationMethod(url, "Multikey", id.resource(), key, KeySource.URL_FRAGMENT,
                    Set.of()));
        } catch (BadgeException e) {
            return Optional.empty();
        }
    }

    private JsonNode fetchJson(URI url) throws BadgeException {
        Fetcher.Response r = fetcher.fetch(url);
        if (!r.ok()) {
            throw new BadgeException(BadgeException.Code.FETCH_FAILED, "Fetching " + url + " gave HTTP " + r.status());
        }
        byte[] body = r.body();
        if (body.length > MAX_DOCUMENT) {
            throw new BadgeException(BadgeException.Code.FETCH_FAILED,
                    "The document at " + url + " is larger than " + MAX_DOCUMENT + " bytes");
        }
        JsonNode doc = Json.parse(body);
        if (!doc.isObject()) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "The document at " + url + " is not a JSON object");
        }
        return doc;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    @Override
    public String toString() {
        return "KeyResolver[fragmentKeys=" + fragmentKeys + ", documents=" + documents.size() + "]";
    }
}
