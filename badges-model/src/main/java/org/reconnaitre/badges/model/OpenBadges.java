package org.reconnaitre.badges.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.ob2.LegacyUpgrade;

/**
 * Entry point for reading Open Badges documents: OB 3.0 credentials (VC 1.1 or 2.0 shape),
 * CLR 2.0 credentials, OB 3.0 profiles and achievements, and OB 2.0 assertions, badge classes,
 * issuer profiles and revocation lists. Reading keeps the whole JSON: {@code toJson()} on the
 * result gives the same JSON tree back. Reading checks the kind of document, not its validity;
 * see {@link Validator} for that.
 *
 * <p>Older Open Badges documents are upgraded to the 2.0 shape on read: a 1.1 document (context
 * {@code https://w3id.org/openbadges/v1}), a 1.0 assertion (no context; {@code verify},
 * {@code uid}, a recipient object) or a 0.5 assertion (a recipient string and an embedded badge)
 * becomes an OB 2.0 {@link Assertion}, {@link BadgeClass} or {@link IssuerProfile}: {@code verify}
 * becomes {@code verification}, Unix or date-only {@code issuedOn} / {@code expires} become ISO
 * 8601 date-times, a 0.5 recipient string becomes an IdentityObject. For those, {@code toJson()}
 * gives the upgraded tree; the {@code Verifier} of badges-signing reports what was changed.
 *
 * <pre>{@code
 * OpenBadgesDocument doc = OpenBadges.read(json);
 * AchievementCredential c = OpenBadges.read(json, AchievementCredential.class);
 * Credential any = OpenBadges.readCredential(json);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class OpenBadges {
    /** The Open Badges 3.0 context the builders write (3.0.3). */
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /** The CLR 2.0 context the builders write (2.0.1). */
    public static final String CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
    /** The Open Badges 2.0 context. */
    public static final String OB2_CONTEXT = "https://w3id.org/openbadges/v2";

    private OpenBadges() {}

    /**
     * Reads any supported document.
     *
     * @param json JSON text
     * @return the document, typed by its {@code type}
     * @throws BadgeException {@code MALFORMED_JSON} when the text is not JSON (or is too large or
     *     deep), {@code INVALID_DOCUMENT} when it is not a JSON object of a supported type
     */
    public static OpenBadgesDocument read(String json) throws BadgeException {
        return read(JsonValue.parse(json));
    }

    /**
     * Reads any supported document from UTF-8 bytes.
     *
     * @param utf8 JSON bytes
     * @return the document
     * @throws BadgeException as {@link #read(String)}
     */
    public static OpenBadgesDocument read(byte[] utf8) throws BadgeException {
        return read(new String(utf8, StandardCharsets.UTF_8));
    }

    /**
     * Types an already parsed JSON value.
     *
     * @param json the JSON value
     * @return the document
     * @throws BadgeException {@code INVALID_DOCUMENT} when it is not an object of a supported type
     */
    public static OpenBadgesDocument read(JsonValue json) throws BadgeException {
        Objects.requireNonNull(json, "json");
        if (!(json instanceof JsonValue.ObjectValue o)) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT,
                    "Not an Open Badges document: expected a JSON object, found " + kind(json));
        }
        o = upgradeLegacy(o);
        List<String> types = strings(o.get("type").orElse(null));
        if (types.contains(AchievementCredential.TYPE) || types.contains("AchievementCredential")) {
            return new AchievementCredential(o);
        }
        if (types.contains(EndorsementCredential.TYPE)) {
            return new EndorsementCredential(o);
        }
        if (types.contains(ClrCredential.TYPE)) {
            return new ClrCredential(o);
        }
        if (types.contains("Assertion")) {
            return new Assertion(o);
        }
        if (types.contains("BadgeClass")) {
            return new BadgeClass(o);
        }
        if (types.contains("RevocationList")) {
            return new RevocationList(o);
        }
        if (types.contains("Issuer") || (types.contains("Profile") && isOb2(o))) {
            return new IssuerProfile(o);
        }
        if (types.contains("Profile")) {
            return new Profile(o);
        }
        if (types.contains("Achievement")) {
            return new Achievement(o);
        }
        throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Not an Open Badges document: "
                + (o.has("type") ? "type " + o.get("type").orElseThrow().toJson() : "no type")
                + " names none of OpenBadgeCredential, AchievementCredential, EndorsementCredential, ClrCredential, "
                + "Profile, Achievement (OB 3.0) or Assertion, BadgeClass, Issuer, RevocationList (OB 2.0)");
    }

    /**
     * Reads a document of an expected kind.
     *
     * @param json JSON text
     * @param kind the expected type, e.g. {@code AchievementCredential.class} or {@code Credential.class}
     * @param <T> the expected type
     * @return the document
     * @throws BadgeException {@code MALFORMED_JSON}, or {@code INVALID_DOCUMENT} when the document
     *     is of another kind
     */
    public static <T extends OpenBadgesDocument> T read(String json, Class<T> kind) throws BadgeException {
        OpenBadgesDocument doc = read(json);
        if (!kind.isInstance(doc)) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Expected " + kind.getSimpleName()
                    + " but the document is " + doc.getClass().getSimpleName() + " (type " + doc.types() + ")");
        }
        return kind.cast(doc);
    }

    /**
     * Reads an Open Badges 3.0 or CLR 2.0 credential.
     *
     * @param json JSON text
     * @return the credential
     * @throws BadgeException as {@link #read(String, Class)}
     */
    public static Credential readCredential(String json) throws BadgeException {
        return read(json, Credential.class);
    }

    /** The credential view of an embedded credential object, chosen by its type. */
    static Credential credentialView(JsonValue.ObjectValue o) {
        List<String> types = strings(o.get("type").orElse(null));
        if (types.contains(EndorsementCredential.TYPE)) {
            return new EndorsementCredential(o);
        }
        if (types.contains(ClrCredential.TYPE)) {
            return new ClrCredential(o);
        }
        return new AchievementCredential(o);
    }

    /** An OB 0.5 / 1.0 / 1.1 document in the OB 2.0 shape; any other document as it is. */
    private static JsonValue.ObjectValue upgradeLegacy(JsonValue.ObjectValue o) throws BadgeException {
        boolean candidate = !o.has("@context") && !o.has("type");
        if (!candidate) {
            for (JsonValue c : o.get("@context").map(JsonValue::asList).orElse(List.of())) {
                candidate |= c.asString().map(s -> s.startsWith("https://w3id.org/openbadges/v1")
                        || s.equals("https://w3id.org/openbadges/legacy-v1")).orElse(false);
            }
        }
        if (!candidate) {
            return o;
        }
        java.util.Optional<LegacyUpgrade.Upgraded> up = LegacyUpgrade.upgrade(Json.parse(o.toJson()), null, null);
        if (up.isEmpty()) {
            return o;
        }
        return (JsonValue.ObjectValue) JsonValue.parse(Json.write(up.get().document()));
    }

    private static boolean isOb2(JsonValue.ObjectValue o) {
        JsonValue ctx = o.get("@context").orElse(null);
        if (ctx == null) {
            return false;
        }
        for (JsonValue c : ctx.asList()) {
            if (c instanceof JsonValue.ObjectValue) {
                return true;   // OB 2.0 documents may inline their context; OB 3.0 ones start with a URL
            }
            if (c.asString().map(s -> s.startsWith("https://w3id.org/openbadges/v2")
                    || s.startsWith("https://openbadgespec.org/v2")).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(@org.jspecify.annotations.Nullable JsonValue v) {
        if (v == null) {
            return List.of();
        }
        return v.asList().stream().flatMap(e -> e.asString().stream()).toList();
    }

    private static String kind(JsonValue v) {
        if (v instanceof JsonValue.ArrayValue) {
            return "an array";
        }
        if (v instanceof JsonValue.StringValue) {
            return "a string";
        }
        if (v instanceof JsonValue.NumberValue) {
            return "a number";
        }
        if (v instanceof JsonValue.BooleanValue) {
            return "a boolean";
        }
        return "null";
    }
}
