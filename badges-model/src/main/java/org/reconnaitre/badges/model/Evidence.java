package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@code Evidence}: a description or URL of work that supports an achievement.
 *
 * <pre>{@code
 * Evidence e = Evidence.builder()
 *         .id(URI.create("https://example.edu/portfolio/robot.html"))
 *         .name("The robot").narrative("Video of the robot climbing stairs.")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class Evidence extends Node {

    Evidence(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json an Evidence object
     * @return the view
     */
    public static Evidence of(JsonValue.ObjectValue json) {
        return new Evidence(json);
    }

    /** @return the {@code narrative} */
    public Optional<String> narrative() {
        return string("narrative");
    }

    /** @return the {@code name}, possibly in several languages */
    public Optional<LangString> name() {
        return lang("name");
    }

    /** @return the {@code description}, possibly in several languages */
    public Optional<LangString> description() {
        return lang("description");
    }

    /** @return the {@code genre} */
    public Optional<String> genre() {
        return string("genre");
    }

    /** @return the {@code audience} */
    public Optional<String> audience() {
        return string("audience");
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link Evidence}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
        }

        /**
         * @param value the {@code narrative}; {@code null} removes it
         * @return this builder
         */
        public Builder narrative(@Nullable String value) {
            return text("narrative", value);
        }

        /**
         * @param value the {@code name}
         * @return this builder
         */
        public Builder name(String value) {
            return text("name", value);
        }

        /**
         * @param value the {@code name} in one or more languages
         * @return this builder
         */
        public Builder name(LangString value) {
            return lang("name", value);
        }

        /**
         * @param value the {@code description}
         * @return this builder
         */
        public Builder description(String value) {
            return text("description", value);
        }

        /**
         * @param value the {@code description} in one or more languages
         * @return this builder
         */
        public Builder description(LangString value) {
            return lang("description", value);
        }

        /**
         * @param value the {@code genre}; {@code null} removes it
         * @return this builder
         */
        public Builder genre(@Nullable String value) {
            return text("genre", value);
        }

        /**
         * @param value the {@code audience}; {@code null} removes it
         * @return this builder
         */
        public Builder audience(@Nullable String value) {
            return text("audience", value);
        }

        /**
         * @return the Evidence
         * @throws IllegalStateException when a required property (none) is missing
         */
        public Evidence build() {
            defaultType("Evidence");
            
            return new Evidence(object());
        }
    }
}
