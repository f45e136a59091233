package org.reconnaitre.badges.signing.internal.did;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.VerificationMethod;
import org.reconnaitre.badges.signing.internal.multiformats.Base58;

/**
 * Finds verification methods in DID documents, controller documents and issuer profiles.
 * Internal. Thread-safe (stateless).
 */
public final class ControllerDocuments {
    private static final String[] RELATIONSHIPS = {
        "verificationMethod", "assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation"
    };

    private ControllerDocuments() {}

    /**
     * Looks for the method {@code vmId} in a document.
     *
     * @return the method, or empty when the document does not list it
     * @throws BadgeException {@code INVALID_KEY} when the method is listed but its key is unusable
     */
    public static Optional<VerificationMethod> find(JsonNode doc, String vmId, KeySource source) throws BadgeException {
        if (!doc.isObject()) {
            return Optional.empty();
        }
        String docId = text(doc, "id");
        if (vmId.equals(docId) && looksLikeMethod(doc)) {
            return Optional.of(toMethod(doc, vmId, docId, docId, source));
        }
        for (String rel : RELATIONSHIPS) {
            JsonNode list = doc.get(rel);
            if (list == null) {
                continue;
            }
            Iterable<JsonNode> items = list.isArray() ? list : List.of(list);
            for (JsonNode item : items) {
                if (!item.isObject()) {
                    continue;
                }
                String id = absolute(text(item, "id"), docId);
                if (vmId.equals(id)) {
                    return Optional.of(toMethod(item, vmId, docId, docId, source));
                }
            }
        }
        return Optional.empty();
    }

    /** @return every method id listed under a relationship (strings and embedded objects) */
    public static List<String> relationship(JsonNode doc, String rel) {
        List<String> out = new ArrayList<>();
        String docId = text(doc, "id");
        JsonNode list = doc.get(rel);
        if (list == null) {
            return out;
        }
        for (JsonNode item : list.isArray() ? list : List.of(list)) {
            String id = item.isTextual() ? item.asText() : text(item, "id");
            String abs = absolute(id, docId);
            if (abs != null) {
                out.add(abs);
            }
        }
        return out;
    }

    private static boolean looksLikeMethod(JsonNode n) {
        return n.has("publicKeyMultibase") || n.has("publicKeyJwk") || n.has("publicKeyBase58");
    }

    static VerificationMethod toMethod(JsonNode vm, String vmId, @Nullable String docId, @Nullable String fallbackController,
            KeySource source) throws BadgeException {
        String type = typeOf(vm);
        String controller = text(vm, "controller");
        if (controller == null) {
            controller = fallbackController != null ? fallbackController : stripFragment(vmId);
        }
        VerificationKey key;
        if (vm.hasNonNull("publicKeyJwk")) {
            JsonNode jwk = vm.get("publicKeyJwk");
            if (jwk.has("d")) {
                throw new BadgeException(BadgeException.Code.INVALID_KEY,
                        "Verification method " + vmId + " publishes a private key (publicKeyJwk has 'd'); refused");
            }
            key = VerificationKey.fromJwk(Json.write(jwk));
        } else if (vm.hasNonNull("publicKeyMultibase") && vm.get("publicKeyMultibase").isTextual()) {
            key = VerificationKey.fromMultikey(vm.get("publicKeyMultibase").asText());
        } else if (vm.hasNonNull("publicKeyBase58") && vm.get("publicKeyBase58").isTextual()
                && "Ed25519VerificationKey2018".equals(type)) {
            try {
                key = VerificationKey.ed25519(Base58.decode(vm.get("publicKeyBase58").asText()));
            } catch (IllegalArgumentException e) {
                throw new BadgeException(BadgeException.Code.INVALID_KEY, "Malformed publicKeyBase58 in " + vmId);
            }
        } else {
            throw new BadgeException(BadgeException.Code.INVALID_KEY, "Verification method " + vmId + " of type '"
                    + type + "' has no publicKeyMultibase or publicKeyJwk");
        }
        return new VerificationMethod(vmId, type, controller, key, source);
    }

    private static String typeOf(JsonNode vm) {
        JsonNode t = vm.get("type");
        if (t != null && t.isTextual()) {
            return t.asText();
        }
        if (t != null && t.isArray() && t.size() > 0 && t.get(0).isTextual()) {
            return t.get(0).asText();
        }
        return "";
    }

    static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    static @Nullable String absolute(@Nullable String id, @Nullable String base) {
        if (id == null) {
            return null;
        }
        if (id.startsWith("#") && base != null) {
            return stripFragment(base) + id;
        }
        if (base != null && !id.contains(":") && base.startsWith("http")) {
            try {
                return URI.create(base).resolve(id).toString();
            } catch (IllegalArgumentException e) {
                return id;
            }
        }
        return id;
    }

    static String stripFragment(String url) {
        int i = url.indexOf('#');
        return i < 0 ? url : url.substring(0, i);
    }
}
