package org.reconnaitre.badges.model.internal.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * Upgrades Open Badges 0.5, 1.0 and 1.1 documents to the Open Badges 2.0 shape on read, listing
 * every change in words. Recognised:
 *
 * <ul>
 *   <li>1.1: {@code @context} {@code https://w3id.org/openbadges/v1} (or the legacy-v1 context).</li>
 *   <li>1.0: no {@code @context} and no {@code type}; an assertion has {@code verify} or {@code uid}
 *       with a {@code recipient} object; a badge class or issuer is recognised by the role it is
 *       fetched in (hint).</li>
 *   <li>0.5: no {@code @context}; {@code recipient} is a string (an email or {@code sha256$} hash,
 *       with a top-level {@code salt}) and {@code badge} an embedded object whose {@code issuer}
 *       has an {@code origin}.</li>
 * </ul>
 *
 * <p>Mapping: {@code @context} becomes the OB 2.0 context; {@code type} is added; 1.x
 * {@code verify: {type, url}} becomes {@code verification} (hosted: the url becomes the assertion
 * id when it has none; signed: the url, a PEM public key, becomes {@code verification.creator});
 * Unix timestamps and plain dates in {@code issuedOn} / {@code expires} become ISO 8601 date-times;
 * a 1.x issuer's {@code url} origin becomes {@code verification.allowedOrigins} (1.x hosted
 * assertions must live on the issuer's origin); a 1.x revocation list ({@code {uid: reason}}) becomes
 * a {@code RevocationList}; a 0.5 recipient string becomes an IdentityObject and the 0.5 issuer
 * ({@code origin}, {@code name}, {@code org}, {@code contact}) a Profile. A 0.5 assertion gets no
 * {@code verification}: it has no means to be verified. Bounded: the input is already parsed within
 * the JSON limits and is copied once. Stateless and thread-safe. Internal.
 */
public final class LegacyUpgrade {

    /** The role a document is read in (when its own shape does not say). */
    public enum Kind {
        /** An assertion (a badge award). */
        ASSERTION,
        /** A badge class. */
        BADGE_CLASS,
        /** An issuer organization. */
        ISSUER,
        /** A revocation list. */
        REVOCATION_LIST
    }

    /**
     * An upgraded document.
     *
     * @param document the OB 2.0 shaped copy
     * @param version the version it was read as: {@code 0.5}, {@code 1.0} or {@code 1.1}
     * @param kind what it was read as
     * @param changes each change, in words
     */
    public record Upgraded(ObjectNode document, String version, Kind kind, List<String> changes) {
        /** Copies the list. */
        public Upgraded {
            changes = List.copyOf(changes);
        }

        /** @return e.g. "Open Badges 1.1 assertion upgraded to 2.0 on read: ..." */
        public String summary() {
            return "Open Badges " + version + " " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " upgraded to 2.0 on read: " + String.join("; ", changes) + ".";
        }
    }

    static final String OB2_CONTEXT = "https://w3id.org/openbadges/v2";
    static final String V1_CONTEXT = "https://w3id.org/openbadges/v1";
    /** 9999-12-31T23:59:59Z: larger Unix timestamps are left as they are (and reported as bad dates). */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private LegacyUpgrade() {}

    /**
     * @param doc a JSON document
     * @param hint the role the document is read in, or null when it is the input itself
     * @return {@code 0.5}, {@code 1.0} or {@code 1.1} when the document is of an older version, else null
     */
    public static @Nullable String version(JsonNode doc, @Nullable Kind hint) {
        if (!(doc instanceof ObjectNode o)) {
            return null;
        }
        JsonNode ctx = o.get("@context");
        if (ctx != null) {
            for (JsonNode c : ctx.isArray() ? ctx : List.of(ctx)) {
                String u = c.isTextual() ? c.asText() : "";
                if (u.startsWith(V1_CONTEXT) || u.equals("https://w3id.org/openbadges/legacy-v1")
                        || u.equals("https://openbadgespec.org/v1/context.json")) {
                    return "1.1";
                }
            }
            return null;
        }
        if (o.has("type")) {
            return null;
        }
        JsonNode recipient = o.get("recipient");
        JsonNode badge = o.get("badge");
        if (recipient != null && recipient.isTextual() && badge != null && badge.isObject()) {
            return "0.5";
        }
        if (recipient != null && recipient.isObject() && badge != null && (o.has("verify") || o.has("uid"))) {
            return "1.0";
        }
        if (hint == Kind.BADGE_CLASS && o.has("name") && o.has("issuer")) {
            return "1.0";
        }
        if (hint == Kind.ISSUER && o.has("name")) {
            return "1.0";
        }
        if (hint == Kind.REVOCATION_LIST) {
            return "1.0";
        }
        return null;
    }

    /**
     * @param doc a JSON document
     * @param hint the role it is read in, or null for the input itself (its shape decides)
     * @param fetchedFrom the URL it was fetched from (becomes the id of a 1.0 badge class or issuer), or null
     * @return the upgraded copy, or empty when the document is not of an older version
     */
    public static Optional<Upgraded> upgrade(JsonNode doc, @Nullable Kind hint, @Nullable String fetchedFrom) {
        String version = version(doc, hint);
        if (version == null) {
            return Optional.empty();
        }
        ObjectNode in = (ObjectNode) doc;
        Kind kind = hint != null ? hint : kindOf(in);
        List<String> changes = new ArrayList<>();
        ObjectNode out = switch (kind) {
            case ASSERTION -> version.equals("0.5") ? assertion05(in, changes) : assertion1x(in, changes);
            case BADGE_CLASS -> badgeClass(in, fetchedFrom, changes, null);
            case ISSUER -> issuer(in, fetchedFrom, changes);
            case REVOCATION_LIST -> revocationList(in, fetchedFrom, changes);
        };
        return Optional.of(new Upgraded(out, version, kind, changes));
    }

    private static Kind kindOf(ObjectNode o) {
        JsonNode t = o.get("type");
        String type = t != null && t.isTextual() ? t.asText() : t != null && t.isArray() && t.size() > 0 ? t.get(0).asText() : "";
        if (type.equals("BadgeClass") || (type.isEmpty() && o.has("criteria") && o.has("issuer") && !o.has("recipient"))) {
            return Kind.BADGE_CLASS;
        }
        if (type.equals("Issuer") || type.equals("Profile") || (type.isEmpty() && !o.has("recipient") && o.has("url"))) {
            return Kind.ISSUER;
        }
        return Kind.ASSERTION;
    }

    /** A copy starting with the OB 2.0 context and the type, then the other properties in order. */
    private static ObjectNode start(ObjectNode in, String type, List<String> changes) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("@context", OB2_CONTEXT);
        changes.add(in.has("@context") ? "@context " + in.get("@context") + " became " + OB2_CONTEXT
                : "@context " + OB2_CONTEXT + " added");
        JsonNode t = in.get("type");
        if (t == null || !t.isTextual() || !t.asText().equals(type)) {
            out.put("type", type);
            changes.add("type " + type + (t == null ? " added" : " replaced " + t));
        } else {
            out.put("type", type);
        }
        for (Map.Entry<String, JsonNode> e : in.properties()) {
            if (!e.getKey().equals("@context") && !e.getKey().equals("type")) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    private static ObjectNode assertion1x(ObjectNode in, List<String> changes) {
        ObjectNode out = start(in, "Assertion", changes);
        JsonNode verify = out.remove("verify");
        if (verify != null && verify.isObject() && !out.has("verification")) {
            String type = verify.path("type").asText("").toLowerCase(Locale.ROOT);
            String url = verify.path("url").isTextual() ? verify.path("url").asText() : null;
            ObjectNode v = out.putObject("verification");
            if (type.equals("signed")) {
                v.put("type", "signed");
                if (url != null) {
                    v.put("creator", url);
                }
                changes.add("verify (signed, key " + url + ") became verification.creator");
            } else {
                v.put("type", "hosted");
                if (url != null && !out.has("id")) {
                    out.put("id", url);
                    changes.add("verify (hosted) became verification and its url " + url + " the assertion id");
                } else {
                    changes.add("verify (hosted) became verification");
                }
            }
        }
        date(out, "issuedOn", changes);
        date(out, "expires", changes);
        JsonNode badge = out.get("badge");
        if (badge instanceof ObjectNode b && version(b, Kind.BADGE_CLASS) != null) {
            List<String> inner = new ArrayList<>();
            out.set("badge", badgeClass(b, null, inner, null));
            changes.add("the embedded badge class was upgraded too (" + String.join(", ", inner) + ")");
        }
        return out;
    }

    private static ObjectNode assertion05(ObjectNode in, List<String> changes) {
        ObjectNode out = start(in, "Assertion", changes);
        String recipient = out.path("recipient").asText();
        ObjectNode identity = Json.mapper().createObjectNode();
        identity.put("type", "email");
        boolean hashed = recipient.matches("(?i)(sha256|md5)\\$.*");
        identity.put("hashed", hashed);
        if (hashed && out.path("salt").isTextual()) {
            identity.put("salt", out.path("salt").asText());
        }
        out.remove("salt");
        identity.put("identity", recipient);
        out.set("recipient", identity);
        changes.add("the recipient string became an email IdentityObject (" + (hashed ? "hashed" : "plain") + ")");
        JsonNode issuedOn = out.remove("issued_on");
        if (issuedOn != null && !out.has("issuedOn")) {
            out.set("issuedOn", issuedOn);
            changes.add("issued_on became issuedOn");
        }
        date(out, "issuedOn", changes);
        date(out, "expires", changes);
        JsonNode badge = out.get("badge");
        if (badge instanceof ObjectNode b) {
            JsonNode issuer = b.get("issuer");
            String origin = issuer != null ? text(issuer.get("origin")) : null;
            List<String> inner = new ArrayList<>();
            out.set("badge", badgeClass(b, null, inner, origin));
            changes.add("the embedded badge class and its issuer were upgraded (" + String.join(", ", inner) + ")");
        }
        changes.add("an Open Badges 0.5 assertion has no verification method (neither hosted nor signed)");
        return out;
    }

    private static ObjectNode badgeClass(ObjectNode in, @Nullable String fetchedFrom, List<String> changes,
            @Nullable String origin05) {
        ObjectNode out = start(in, "BadgeClass", changes);
        if (!out.has("id") && fetchedFrom != null) {
            out.put("id", fetchedFrom);
            changes.add("id " + fetchedFrom + " (where it was fetched) added");
        }
        if (out.remove("version") != null) {
            changes.add("version removed");
        }
        if (origin05 != null) {
            for (String p : List.of("image", "criteria")) {
                String v = text(out.get(p));
                if (v != null && !v.contains(":")) {
                    String abs = resolve(origin05, v);
                    if (abs != null) {
                        out.put(p, abs);
                        changes.add(p + " " + v + " resolved against the issuer origin");
                    }
                }
            }
        }
        JsonNode issuer = out.get("issuer");
        if (issuer instanceof ObjectNode i) {
            if (i.has("origin") && !i.has("type")) {
                out.set("issuer", issuer05(i, changes));
            } else if (version(i, Kind.ISSUER) != null) {
                out.set("issuer", issuer(i, null, changes));
            }
        }
        return out;
    }

    private static ObjectNode issuer05(ObjectNode in, List<String> changes) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("@context", OB2_CONTEXT);
        out.put("type", "Issuer");
        String origin = text(in.get("origin"));
        if (origin != null) {
            out.put("id", origin);
            out.put("url", origin);
        }
        String name = text(in.get("name"));
        String org = text(in.get("org"));
        out.put("name", org != null && name != null ? name + " (" + org + ")" : name != null ? name : String.valueOf(org));
        String contact = text(in.get("contact"));
        if (contact != null) {
            out.put("email", contact);
        }
        changes.add("the 0.5 issuer (origin, name, org, contact) became an Issuer profile whose id is its origin");
        return out;
    }

    private static ObjectNode issuer(ObjectNode in, @Nullable String fetchedFrom, List<String> changes) {
        ObjectNode out = start(in, "Issuer", changes);
        if (!out.has("id") && fetchedFrom != null) {
            out.put("id", fetchedFrom);
            changes.add("id " + fetchedFrom + " (where it was fetched) added");
        }
        String url = text(out.get("url"));
        String host = url == null ? null : host(url);
        if (host != null && !out.has("verification")) {
            ObjectNode v = out.putObject("verification");
            v.putArray("allowedOrigins").add(host);
            changes.add("verification.allowedOrigins [" + host + "] added from the issuer url (1.x hosted assertions"
                    + " live on the issuer's origin)");
        }
        return out;
    }

    private static ObjectNode revocationList(ObjectNode in, @Nullable String fetchedFrom, List<String> changes) {
        if (in.has("@context")) {
            return start(in, "RevocationList", changes);
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("@context", OB2_CONTEXT);
        out.put("type", "RevocationList");
        if (fetchedFrom != null) {
            out.put("id", fetchedFrom);
        }
        ArrayNode revoked = out.putArray("revokedAssertions");
        for (Map.Entry<String, JsonNode> e : in.properties()) {
            ObjectNode r = revoked.addObject();
            r.put("uid", e.getKey());
            if (e.getValue().isTextual()) {
                r.put("revocationReason", e.getValue().asText());
            }
        }
        changes.add("the 1.0 revocation list ({uid: reason}) became a RevocationList of " + revoked.size() + " entries");
        return out;
    }

    /** Unix timestamps (seconds) and plain dates become ISO 8601 date-times in UTC. */
    private static void date(ObjectNode o, String name, List<String> changes) {
        JsonNode v = o.get(name);
        if (v == null) {
            return;
        }
        String iso = null;
        if (v.isIntegralNumber() || (v.isTextual() && v.asText().strip().matches("\\d{1,12}"))) {
            if (v.isBigInteger() && !v.canConvertToLong()) {
                return; // left as is: the verifier reports the bad date
            }
            long seconds = v.isNumber() ? v.asLong() : Long.parseLong(v.asText().strip());
            if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
                return;
            }
            iso = Instant.ofEpochSecond(seconds).toString();
        } else if (v.isTextual() && v.asText().strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                iso = LocalDate.parse(v.asText().strip()).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            } catch (DateTimeParseException e) {
                return; // left as is: the verifier reports the bad date
            }
        }
        if (iso != null) {
            changes.add(name + " " + v + " became " + iso);
            o.put(name, iso);
        }
    }

    private static @Nullable String resolve(String origin, String relative) {
        try {
            return URI.create(origin.endsWith("/") ? origin : origin + "/").resolve(relative.startsWith("/")
                    ? relative.substring(1) : relative).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String host(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
