package org.reconnaitre.badges.model;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * An Open Badges 2.0 {@code RevocationList}: the assertions an issuer revoked, by id (or by
 * {@code uid}), with optional reasons. Read only.
 *
 * <pre>{@code
 * RevocationList list = OpenBadges.read(json, RevocationList.class);
 * list.isRevoked("urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e");   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RevocationList extends Node implements OpenBadgesDocument {

    RevocationList(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks.
     *
     * @param json a RevocationList object
     * @return the view
     */
    public static RevocationList of(JsonValue.ObjectValue json) {
        return new RevocationList(json);
    }

    /** @return the {@code issuer} id */
    public Optional<URI> issuer() {
        return uri("issuer");
    }

    /** @return the {@code revokedAssertions} entries, as JSON (strings or objects) */
    public List<JsonValue> revokedAssertions() {
        return property("revokedAssertions").map(JsonValue::asList).orElse(List.of());
    }

    /**
     * @param idOrUid an assertion id, or its {@code uid}
     * @return whether the list revokes it
     */
    public boolean isRevoked(String idOrUid) {
        return entry(idOrUid).isPresent();
    }

    /**
     * @param idOrUid an assertion id, or its {@code uid}
     * @return the reason given, when the list revokes it with a reason
     */
    public Optional<String> revocationReason(String idOrUid) {
        return entry(idOrUid).flatMap(JsonValue::asObject)
                .flatMap(o -> o.get("revocationReason")).flatMap(JsonValue::asString);
    }

    private Optional<JsonValue> entry(String idOrUid) {
        for (JsonValue v : revokedAssertions()) {
            if (v.asString().map(idOrUid::equals).orElse(false)) {
                return Optional.of(v);
            }
            Optional<JsonValue.ObjectValue> o = v.asObject();
            if (o.isPresent() && (o.get().get("id").flatMap(JsonValue::asString).map(idOrUid::equals).orElse(false)
                    || o.get().get("uid").flatMap(JsonValue::asString).map(idOrUid::equals).orElse(false))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
