package org.reconnaitre.badges.signing.internal.did;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.VerificationMethod;
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.internal.id.InvalidIdentifierException;
import org.reconnaitre.badges.signing.internal.multiformats.Base58;

/**
 * Finds verification methods in DID documents, controller documents and issuer profiles, the way
 * DID Core and Controlled Identifiers read them:
 *
 * <ul>
 *   <li>the document speaks only for its own {@code id}: a method is found in it only when the
 *       method id's DID / URL part (without the fragment) is the document id;</li>
 *   <li>the method's controller is the document id; a method whose own {@code controller} names
 *       another identifier is returned without any relationship (the document does not control
 *       it, so it authorises nothing);</li>
 *   <li>the method's relationships are those under which the document lists it, by reference or
 *       embedded ({@code assertionMethod}, {@code authentication}, ...).</li>
 * </ul>
 * Identifiers are compared with the {@link Identifier} parser, never as strings. Internal.
 * Thread-safe (stateless).
 */
public final class ControllerDocuments {
    /** The verification relationships of DID Core §5.3 / Controlled Identifiers. */
    public static final List<String> RELATIONSHIPS = List.of(
            VerificationMethod.ASSERTION_METHOD, "authentication", "capabilityInvocation", "capabilityDelegation",
            "keyAgreement");

    private ControllerDocuments() {}

    /**
     * @return the document's {@code id}, parsed, or empty when it has none or it is not a valid
     *     identifier
     */
    public static Optional<Identifier> id(JsonNode doc) {
        return doc.isObject() ? Identifier.tryParse(text(doc, "id")) : Optional.empty();
    }

    /**
     * Looks for the method {@code vmId} in a document.
     *
     * @param doc the document (its {@code id} must be set and valid, else nothing is found)
     * @param vmId the method asked for, as written by the proof or token
     * @param source how the document was obtained
     * @return the method, or empty when the document does not list it or is not about it
     * @throws BadgeException {@code INVALID_KEY} when the method is listed but its key is unusable
     */
    public static Optional<VerificationMethod> find(JsonNode doc, String vmId, KeySource source) throws BadgeException {
        Optional<Identifier> docId = id(doc);
        Optional<Identifier> wanted = Identifier.tryParse(vmId);
        if (docId.isPresent() && wanted.isPresent() && docId.get().equals(wanted.get()) && looksLikeMethod(doc)
                && docId.get().fragment().isPresent()) {
            // a stand-alone key document (a caller-supplied Multikey with its own id): it names its
            // controller, but no controller document lists it, so it is given no relationship
            String declared = text(doc, "controller");
            String controller = Identifier.tryParse(declared).map(Identifier::toString).orElse(docId.get().resource());
            return Optional.of(toMethod(doc, vmId, controller, source, Set.of()));
        }
        if (docId.isEmpty() || wanted.isEmpty() || !wanted.get().sameResource(docId.get().withoutFragment())
                || docId.get().fragment().isPresent()) {
            return Optional.empty();
        }
        Identifier base = docId.get();
        Identifier target = wanted.get();
        JsonNode method = null;
        if (target.equals(base) && looksLikeMethod(doc)) {
            method = doc;
        }
        List<String> lists = new ArrayList<>();
        lists.add("verificationMethod");
        lists.addAll(RELATIONSHIPS);
        for (String rel : lists) {
            if (method != null) {
                break;
            }
            for (JsonNode item : items(doc, rel)) {
                if (item.isObject() && target.equals(resolve(text(item, "id"), base))) {
                    method = item;
                    break;
                }
            }
        }
        if (method == null) {
            return Optional.empty();
        }
        Set<String> relationships = new LinkedHashSet<>();
        String declared = method == doc ? null : text(method, "controller");
        boolean controlled = declared == null || base.equals(Identifier.tryParse(declared).orElse(null));
        if (controlled) {
            for (String rel : RELATIONSHIPS) {
                for (JsonNode item : items(doc, rel)) {
                    String ref = item.isTextual() ? item.asText() : item.isObject() ? text(item, "id") : null;
                    if (target.equals(resolve(ref, base))) {
                        relationships.add(rel);
                    }
                }
            }
        }
        return Optional.of(toMethod(method, vmId, base.toString(), source, relationships));
    }

    private static Iterable<JsonNode> items(JsonNode doc, String rel) {
        JsonNode list = doc.get(rel);
        if (list == null || list.isNull()) {
            return List.of();
        }
        return list.isArray() ? list : List.of(list);
    }

    private static @Nullable Identifier resolve(@Nullable String ref, Identifier base) {
        if (ref == null) {
            return null;
        }
        try {
            return Identifier.resolve(ref, base);
        } catch (InvalidIdentifierException e) {
            return null;
        }
    }

    private static boolean looksLikeMethod(JsonNode n) {
        return n.has("publicKeyMultibase") || n.has("publicKeyJwk") || n.has("publicKeyBase58");
    }

    static VerificationMethod toMethod(JsonNode vm, String vmId, String controller, KeySource source,
            Set<String> relationships) throws BadgeException {
        String type = typeOf(vm);
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
        return new VerificationMethod(vmId, type, controller, key, source, relationships);
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
}
