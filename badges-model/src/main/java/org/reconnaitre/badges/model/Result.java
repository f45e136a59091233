package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Result} of an {@link AchievementSubject}: a score, grade or level achieved against a
 * {@link ResultDescription}.
 *
 * <pre>{@code
 * Result r = Result.builder()
 *         .resultDescription(URI.create("urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c"))
 *         .value("A").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class Result extends Node {

    Result(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json a Result object
     * @return the view
     */
    public static Result of(JsonValue.ObjectValue json) {
        return new Result(json);
    }

    /** @return the {@code resultDescription}, when an absolute URI */
    public Optional<URI> resultDescription() {
        return uri("resultDescription");
    }

    /** @return the {@code value} */
    public Optional<String> value() {
        return string("value");
    }

    /** @return the {@code status} */
    public Optional<String> status() {
        return string("status");
    }

    /** @return the {@code achievedLevel}, when an absolute URI */
    public Optional<URI> achievedLevel() {
        return uri("achievedLevel");
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

    /** Builds a {@link Result}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
        }

        /**
         * @param value the {@code resultDescription}, an absolute URI; {@code null} removes it
         * @return this builder
         */
        public Builder resultDescription(@Nullable URI value) {
            return uri("resultDescription", value);
        }

        /**
         * @param value the {@code value}; {@code null} removes it
         * @return this builder
         */
        public Builder value(@Nullable String value) {
            return text("value", value);
        }

        /**
         * @param value the {@code status}; {@code null} removes it
         * @return this builder
         */
        public Builder status(@Nullable String value) {
            return text("status", value);
        }

        /**
         * @param value the {@code achievedLevel}, an absolute URI; {@code null} removes it
         * @return this builder
         */
        public Builder achievedLevel(@Nullable URI value) {
            return uri("achievedLevel", value);
        }

        /**
         * @param values the {@code alignment} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder alignment(List<Alignment> values) {
            return nodes("alignment", values);
        }

        /**
         * @return the Result
         * @throws IllegalStateException when a required property (none) is missing
         */
        public Result build() {
            defaultType("Result");
            
            return new Result(object());
        }
    }
}
