package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ResultDescription}: describes a possible {@link Result} of an {@link Achievement}
 * (a grade scale, a rubric, a range of scores).
 *
 * <pre>{@code
 * ResultDescription d = ResultDescription.builder()
 *         .id(URI.create("urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c"))
 *         .name("Final grade").resultType("LetterGrade")
 *         .allowedValue(List.of("A", "B", "C", "D", "F")).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class ResultDescription extends Node {

    ResultDescription(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json a ResultDescription object
     * @return the view
     */
    public static ResultDescription of(JsonValue.ObjectValue json) {
        return new ResultDescription(json);
    }

    /** @return the {@code name}, possibly in several languages */
    public Optional<LangString> name() {
        return lang("name");
    }

    /** @return the {@code resultType} */
    public Optional<String> resultType() {
        return string("resultType");
    }

    /** @return the {@code allowedValue} values */
    public List<String> allowedValue() {
        return strings("allowedValue");
    }

    /** @return the {@code requiredLevel}, when an absolute URI */
    public Optional<URI> requiredLevel() {
        return uri("requiredLevel");
    }

    /** @return the {@code requiredValue} */
    public Optional<String> requiredValue() {
        return string("requiredValue");
    }

    /** @return the {@code valueMax} */
    public Optional<String> valueMax() {
        return string("valueMax");
    }

    /** @return the {@code valueMin} */
    public Optional<String> valueMin() {
        return string("valueMin");
    }

    /** @return the {@code rubricCriterionLevel} entries */
    public List<RubricCriterionLevel> rubricCriterionLevel() {
        return nodes("rubricCriterionLevel", RubricCriterionLevel::new);
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

    /** Builds a {@link ResultDescription}. Not thread-safe. */
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
         * @param value the {@code resultType}; {@code null} removes it
         * @return this builder
         */
        public Builder resultType(@Nullable String value) {
            return text("resultType", value);
        }

        /**
         * @param values the {@code allowedValue} values (written as an array; empty removes it)
         * @return this builder
         */
        public Builder allowedValue(List<String> values) {
            return property("allowedValue", values.isEmpty() ? null : JsonValue.of(values));
        }

        /**
         * @param value the {@code requiredLevel}, an absolute URI; {@code null} removes it
         * @return this builder
         */
        public Builder requiredLevel(@Nullable URI value) {
            return uri("requiredLevel", value);
        }

        /**
         * @param value the {@code requiredValue}; {@code null} removes it
         * @return this builder
         */
        public Builder requiredValue(@Nullable String value) {
            return text("requiredValue", value);
        }

        /**
         * @param value the {@code valueMax}; {@code null} removes it
         * @return this builder
         */
        public Builder valueMax(@Nullable String value) {
            return text("valueMax", value);
        }

        /**
         * @param value the {@code valueMin}; {@code null} removes it
         * @return this builder
         */
        public Builder valueMin(@Nullable String value) {
            return text("valueMin", value);
        }

        /**
         * @param values the {@code rubricCriterionLevel} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder rubricCriterionLevel(List<RubricCriterionLevel> values) {
            return nodes("rubricCriterionLevel", values);
        }

        /**
         * @param values the {@code alignment} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder alignment(List<Alignment> values) {
            return nodes("alignment", values);
        }

        /**
         * @return the ResultDescription
         * @throws IllegalStateException when a required property (id, name, resultType) is missing
         */
        public ResultDescription build() {
            defaultType("ResultDescription");
            require("ResultDescription", "id", "name", "resultType");
            return new ResultDescription(object());
        }
    }
}
