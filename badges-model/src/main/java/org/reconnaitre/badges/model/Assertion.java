package org.reconnaitre.badges.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.reconnaitre.badges.model.internal.mapping.Lexical;

/**
 * An Open Badges 2.0 {@code Assertion}: one award of a {@link BadgeClass} to a recipient. Read
 * only; {@link OpenBadges2Converter} turns it into an Open Badges 3.0 credential.
 *
 * <pre>{@code
 * Assertion a = OpenBadges.read(json, Assertion.class);
 * a.recipientMatches("beth@example.org");     // checks the salted sha256$ hash
 * a.badge().flatMap(BadgeClass::id);          // the badge, embedded or by URL
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Assertion extends Node implements OpenBadgesDocument {

    Assertion(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks.
     *
     * @param json an Assertion object
     * @return the view
     */
    public static Assertion of(JsonValue.ObjectValue json) {
        return new Assertion(json);
    }

    /** @return the {@code recipient} IdentityObject, as JSON */
    public Optional<JsonValue.ObjectValue> recipient() {
        return property("recipient").flatMap(JsonValue::asObject);
    }

    /** @return {@code recipient.type}: {@code email}, {@code url}, {@code telephone} or {@code id} */
    public Optional<String> recipientType() {
        return recipient().flatMap(r -> r.get("type")).flatMap(JsonValue::asString);
    }

    /** @return {@code recipient.identity}: the plain identity or its {@code sha256$}/{@code md5$} hash */
    public Optional<String> recipientIdentity() {
        return recipient().flatMap(r -> r.get("identity")).flatMap(JsonValue::asString);
    }

    /** @return {@code recipient.hashed} (false when absent) */
    public boolean recipientHashed() {
        return recipient().flatMap(r -> r.get("hashed"))
                .map(v -> v instanceof JsonValue.BooleanValue b && b.value()).orElse(false);
    }

    /** @return {@code recipient.salt} */
    public Optional<String> recipientSalt() {
        return recipient().flatMap(r -> r.get("salt")).flatMap(JsonValue::asString);
    }

    /**
     * Checks a candidate identity against the recipient, in constant time (email addresses
     * without regard to case).
     *
     * @param identity e.g. {@code beth@example.org}
     * @return whether the assertion names this recipient
     */
    public boolean recipientMatches(String identity) {
        java.util.Objects.requireNonNull(identity, "identity");
        Optional<String> value = recipientIdentity();
        return value.isPresent() && IdentityHash.matchesRecipient(value.get(), recipientHashed(),
                recipientType().map("email"::equals).orElse(false), recipientSalt().orElse(""), identity);
    }

    /** @return the {@code badge}: embedded, or a reference holding only its id */
    public Optional<BadgeClass> badge() {
        return node("badge", BadgeClass::new);
    }

    /** @return whether the badge is embedded (an object) rather than a URL */
    public boolean badgeEmbedded() {
        return property("badge").map(v -> v instanceof JsonValue.ObjectValue).orElse(false);
    }

    /** @return {@code issuedOn}: ISO 8601 (read as UTC without an offset) or a Unix timestamp */
    public Optional<OffsetDateTime> issuedOn() {
        return ob2Date("issuedOn");
    }

    /** @return {@code expires} */
    public Optional<OffsetDateTime> expires() {
        return ob2Date("expires");
    }

    /** @return the {@code image} (the baked badge image) */
    public Optional<Image> image() {
        return node("image", Image::new);
    }

    /** @return the {@code evidence} entries (URL strings read as evidence with only an id) */
    public List<Evidence> evidence() {
        return nodes("evidence", Evidence::new);
    }

    /** @return the {@code narrative} */
    public Optional<String> narrative() {
        return string("narrative");
    }

    /** @return the {@code verification} object, as JSON */
    public Optional<JsonValue.ObjectValue> verification() {
        return property("verification").flatMap(JsonValue::asObject);
    }

    /** @return the {@code revoked} flag (false when absent) */
    public boolean revoked() {
        return bool("revoked").orElse(false);
    }

    /** @return the {@code revocationReason} */
    public Optional<String> revocationReason() {
        return string("revocationReason");
    }

    final Optional<OffsetDateTime> ob2Date(String name) {
        return property(name).flatMap(v -> v instanceof JsonValue.NumberValue n
                ? Lexical.ob2DateTime(n.lexical()) : v.asString().flatMap(Lexical::ob2DateTime));
    }
}
