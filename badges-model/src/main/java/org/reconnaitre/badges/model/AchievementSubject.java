package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code credentialSubject} of an {@link AchievementCredential}: who earned the
 * {@link Achievement} (an {@code id} such as a DID, or {@link IdentityObject}s), and results.
 *
 * <pre>{@code
 * AchievementSubject s = AchievementSubject.builder()
 *         .identifier(List.of(IdentityObject.hashedEmail("alice@example.org", "pepper")))
 *         .achievement(achievement)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class AchievementSubject extends Node {

    AchievementSubject(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json an AchievementSubject object
     * @return the view
     */
    public static AchievementSubject of(JsonValue.ObjectValue json) {
        return new AchievementSubject(json);
    }

    /** @return the {@code achievement} */
    public Optional<Achievement> achievement() {
        return node("achievement", Achievement::new);
    }

    /** @return the {@code identifier} entries */
    public List<IdentityObject> identifier() {
        return nodes("identifier", IdentityObject::new);
    }

    /** @return the {@code result} entries */
    public List<Result> result() {
        return nodes("result", Result::new);
    }

    /** @return the {@code narrative} */
    public Optional<String> narrative() {
        return string("narrative");
    }

    /** @return the {@code activityStartDate}, when an RFC 3339 date-time */
    public Optional<OffsetDateTime> activityStartDate() {
        return dateTime("activityStartDate");
    }

    /** @return the {@code activityEndDate}, when an RFC 3339 date-time */
    public Optional<OffsetDateTime> activityEndDate() {
        return dateTime("activityEndDate");
    }

    /** @return the {@code creditsEarned} */
    public Optional<BigDecimal> creditsEarned() {
        return decimal("creditsEarned");
    }

    /** @return the {@code image} */
    public Optional<Image> image() {
        return node("image", Image::new);
    }

    /** @return the {@code licenseNumber} */
    public Optional<String> licenseNumber() {
        return string("licenseNumber");
    }

    /** @return the {@code role} */
    public Optional<String> role() {
        return string("role");
    }

    /** @return the {@code source} */
    public Optional<Profile> source() {
        return node("source", Profile::new);
    }

    /** @return the {@code term} */
    public Optional<String> term() {
        return string("term");
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link AchievementSubject}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
        }

        /**
         * @param value the {@code achievement}; {@code null} removes it
         * @return this builder
         */
        public Builder achievement(@Nullable Achievement value) {
            return node("achievement", value);
        }

        /**
         * @param values the {@code identifier} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder identifier(List<IdentityObject> values) {
            return nodes("identifier", values);
        }

        /**
         * @param values the {@code result} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder result(List<Result> values) {
            return nodes("result", values);
        }

        /**
         * @param value the {@code narrative}; {@code null} removes it
         * @return this builder
         */
        public Builder narrative(@Nullable String value) {
            return text("narrative", value);
        }

        /**
         * @param value the {@code activityStartDate}; {@code null} removes it
         * @return this builder
         */
        public Builder activityStartDate(@Nullable OffsetDateTime value) {
            return date("activityStartDate", value);
        }

        /**
         * @param value the {@code activityStartDate}; {@code null} removes it
         * @return this builder
         */
        public Builder activityStartDate(@Nullable Instant value) {
            return date("activityStartDate", value);
        }

        /**
         * @param value the {@code activityEndDate}; {@code null} removes it
         * @return this builder
         */
        public Builder activityEndDate(@Nullable OffsetDateTime value) {
            return date("activityEndDate", value);
        }

        /**
         * @param value the {@code activityEndDate}; {@code null} removes it
         * @return this builder
         */
        public Builder activityEndDate(@Nullable Instant value) {
            return date("activityEndDate", value);
        }

        /**
         * @param value the {@code creditsEarned}; {@code null} removes it
         * @return this builder
         */
        public Builder creditsEarned(@Nullable BigDecimal value) {
            return property("creditsEarned", value == null ? null : JsonValue.of(value));
        }

        /**
         * @param value the {@code image}; {@code null} removes it
         * @return this builder
         */
        public Builder image(@Nullable Image value) {
            return node("image", value);
        }

        /**
         * @param value the {@code licenseNumber}; {@code null} removes it
         * @return this builder
         */
        public Builder licenseNumber(@Nullable String value) {
            return text("licenseNumber", value);
        }

        /**
         * @param value the {@code role}; {@code null} removes it
         * @return this builder
         */
        public Builder role(@Nullable String value) {
            return text("role", value);
        }

        /**
         * @param value the {@code source}; {@code null} removes it
         * @return this builder
         */
        public Builder source(@Nullable Profile value) {
            return node("source", value);
        }

        /**
         * @param value the {@code term}; {@code null} removes it
         * @return this builder
         */
        public Builder term(@Nullable String value) {
            return text("term", value);
        }

        /**
         * @return the AchievementSubject
         * @throws IllegalStateException when the achievement is missing, or both the id and the
         *     identifiers are
         */
        public AchievementSubject build() {
            defaultType("AchievementSubject");
            require("AchievementSubject", "achievement");
            if (!members.containsKey("id") && !members.containsKey("identifier")) {
                throw new IllegalStateException("AchievementSubject needs an id or at least one identifier");
            }
            return new AchievementSubject(object());
        }
    }
}
