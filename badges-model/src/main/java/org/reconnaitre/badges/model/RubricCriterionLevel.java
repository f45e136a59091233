package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code RubricCriterionLevel}: one level of a rubric criterion of a {@link ResultDescription}.
 *
 * <pre>{@code
 * RubricCriterionLevel l = RubricCriterionLevel.builder()
 *         .id(URI.create("urn:uuid:d0f9b4c8-8f6d-4a14-9f07-5b5a3b5b5e01"))
 *         .name("Mastered").level("4").points("10").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class RubricCriterionLevel extends Node {

    RubricCriterionLevel(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json a RubricCriterionLevel object
     * @return the view
     */
    public static RubricCriterionLevel of(JsonValue.ObjectValue json) {
        return new RubricCriterionLevel(json);
    }

    /** @return the {@code name}, possibly in several languages */
    public Optional<LangString> name() {
        return lang("name");
    }

    /** @return the {@code description}, possibly in several languages */
    public Optional<LangString> description() {
        return lang("description");
    }

    /** @return the {@code level} */
    public Optional<String> level() {
        return string("level");
    }

    /** @return the {@code points} */
    public Optional<String> points() {
        return string("points");
    }

    /** @return the {@code alignment} entries */
    public List<Alignment> alignment() {
        return nodes("alignment", Alignment::new);
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link RubricCriterionLevel}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
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
         * @param value the {@code level}; {@code null} removes it
         * @return this builder
         */
        public Builder level(@Nullable String value) {
            return text("level", value);
        }

        /**
         * @param value the {@code points}; {@code null} removes it
         * @return this builder
         */
        public Builder points(@Nullable String value) {
            return text("points", value);
        }

        /**
         * @param values the {@code alignment} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder alignment(List<Alignment> values) {
            return nodes("alignment", values);
        }

        /**
         * @return the RubricCriterionLevel
         * @throws IllegalStateException when a required property (id, name) is missing
         */
        public RubricCriterionLevel build() {
            defaultType("RubricCriterionLevel");
            require("RubricCriterionLevel", "id", "name");
            return new RubricCriterionLevel(object());
        }
    }
}
