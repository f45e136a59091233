package org.reconnaitre.badges.signing.status.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.status.StatusEntry;
import org.reconnaitre.badges.signing.status.StatusEntry.Method;

/** Reads {@code credentialStatus} entries. */
public final class Entries {
    /** Largest {@code statusSize} accepted, in bits. */
    public static final int MAX_STATUS_SIZE = 8;
    /** Largest index accepted (lists are bounded to {@link Bitstrings#MAX_LIST_BYTES} anyway). */
    static final long MAX_INDEX = Integer.MAX_VALUE;

    private Entries() {}

    public static StatusEntry parse(String json) throws BadgeException {
        return parse(Json.parse(json));
    }

    /** Reads every entry of a credential's {@code credentialStatus} (an object or an array). */
    public static List<StatusEntry> entriesOf(String credentialJson) throws BadgeException {
        JsonNode credential = Json.parse(credentialJson);
        if (credential.has("vc") && credential.get("vc").isObject() && !credential.has("credentialStatus")) {
            credential = credential.get("vc"); // a VC-JWT payload in the vc-claim shape
        }
        JsonNode status = credential.path("credentialStatus");
        List<StatusEntry> out = new ArrayList<>();
        if (status.isMissingNode() || status.isNull()) {
            return out;
        }
        for (JsonNode e : status.isArray() ? status : List.of(status)) {
            out.add(parse(e));
        }
        return out;
    }

    public static StatusEntry parse(JsonNode e) throws BadgeException {
        if (!e.isObject()) {
            throw invalid("A credentialStatus entry must be a JSON object, not " + e.getNodeType().toString().toLowerCase());
        }
        Method method = method(e.path("type"));
        String json = Json.write(e);
        if (method == Method.ONE_EDTECH_REVOCATION_LIST) {
            String id = text(e, "id");
            if (id == null) {
                throw invalid("A 1EdTechRevocationList entry needs an 'id': the URL of the revocation list");
            }
            return new StatusEntry(method, "revocation", -1, 1, url(id, "id"), json);
        }
        String purpose = text(e, "statusPurpose");
        if (purpose == null || purpose.isBlank()) {
            throw invalid("A " + method.type() + " needs a 'statusPurpose' (revocation, suspension, message, ...)");
        }
        String list = text(e, "statusListCredential");
        if (list == null) {
            throw invalid("A " + method.type() + " needs a 'statusListCredential': the URL of the status list credential");
        }
        long index = index(e.path("statusListIndex"), method);
        int size = 1;
        JsonNode s = e.path("statusSize");
        if (!s.isMissingNode() && !s.isNull()) {
            long v = s.isIntegralNumber() ? s.asLong() : s.isTextual() && s.asText().matches("[0-9]{1,3}") ? Long.parseLong(s.asText()) : -1;
            if (v < 1 || v > MAX_STATUS_SIZE) {
                throw invalid("The " + method.type() + " has an unsupported statusSize " + s + " (1 to " + MAX_STATUS_SIZE + " bits)");
            }
            size = (int) v;
        }
        return new StatusEntry(method, purpose, index, size, url(list, "statusListCredential"), json);
    }

    /**
     * @param e one {@code credentialStatus} entry
     * @return its {@code type} (as written) when it names none of the supported status methods
     */
    public static Optional<String> unsupportedType(JsonNode e) {
        JsonNode type = e.path("type");
        List<String> types = new ArrayList<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.isTextual() ? t.asText() : t.toString()));
        }
        for (Method m : Method.values()) {
            if (types.contains(m.type())) {
                return Optional.empty();
            }
        }
        if (!e.isObject()) {
            return Optional.empty(); // not an entry at all: parse() says why
        }
        return Optional.of(types.isEmpty() ? "(no type)" : String.join(", ", types));
    }

    private static long index(JsonNode n, Method method) throws BadgeException {
        long v = -1;
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            v = n.asLong();
        } else if (n.isTextual() && n.asText().matches("[0-9]{1,10}")) {
            v = Long.parseLong(n.asText());
        }
        if (n.isMissingNode()) {
            throw invalid("A " + method.type() + " needs a 'statusListIndex'");
        }
        if (v < 0 || v > MAX_INDEX) {
            throw invalid("The " + method.type() + " has an invalid statusListIndex " + n
                    + " (a non-negative integer, as a string or a number, at most " + MAX_INDEX + ")");
        }
        return v;
    }

    private static Method method(JsonNode type) throws BadgeException {
        List<String> types = new ArrayList<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        for (Method m : Method.values()) {
            if (types.contains(m.type())) {
                return m;
            }
        }
        throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Unsupported credentialStatus type "
                + (types.isEmpty() ? "(none)" : String.join(", ", types))
                + "; supported: BitstringStatusListEntry, StatusList2021Entry, 1EdTechRevocationList");
    }

    private static URI url(String s, String property) throws BadgeException {
        try {
            URI uri = new URI(s.strip());
            if (!uri.isAbsolute()) {
                throw invalid("The credentialStatus '" + property + "' is not an absolute URL: " + s);
            }
            return uri.getRawFragment() == null ? uri : new URI(uri.getScheme(), uri.getRawSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT,
                    "The credentialStatus '" + property + "' is not a URL: " + s, e);
        }
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    public static Optional<String> fragment(String entryJson) {
        try {
            String id = text(Json.parse(entryJson), "id");
            return id == null ? Optional.empty() : Optional.ofNullable(new URI(id).getFragment());
        } catch (BadgeException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static BadgeException invalid(String message) {
        return new BadgeException(BadgeException.Code.INVALID_DOCUMENT, message);
    }
}
