package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A CLR 2.0 {@code Association}: a relation between two achievements of a {@link ClrSubject}
 * (e.g. {@code isChildOf}, {@code isPartOf}, {@code precedes}).
 *
 * <pre>{@code
 * Association a = Association.builder()
 *         .associationType("isPartOf")
 *         .sourceId(URI.create("https://example.edu/achievements/module-1"))
 *         .targetId(URI.create("https://example.edu/achievements/degree")).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class Association extends Node {

    Association(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json an Association object
     * @return the view
     */
    public static Association of(JsonValue.ObjectValue json) {
        return new Association(json);
    }

    /** @return the {@code associationType} */
    public Optional<String> associationType() {
        return string("associationType");
    }

    /** @return the {@code sourceId}, when an absolute URI */
    public Optional<URI> sourceId() {
        return uri("sourceId");
    }

    /** @return the {@code targetId}, when an absolute URI */
    public Optional<URI> targetId() {
        return uri("targetId");
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link Association}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
            singleType = true;
        }

        /**
         * @param value the {@code associationType}; {@code null} removes it
         * @return this builder
         */
        public Builder associationType(@Nullable String value) {
            return text("associationType", value);
        }

        /**
         * @param value the {@code sourceId}, an absolute URI; {@code null} removes it
         * @return this builder
         */
        public Builder sourceId(@Nullable URI value) {
            return uri("sourceId", value);
        }

        /**
         * @param value the {@code targetId}, an absolute URI; {@code null} removes it
         * @return this builder
         */
        public Builder targetId(@Nullable URI value) {
            return uri("targetId", value);
        }

        /**
         * @return the Association
         * @throws IllegalStateException when a required property (associationType, sourceId, targetId) is missing
         */
        public Association build() {
            if (!members.containsKey("type")) {
                property("type", JsonValue.of("Association"));
            }
            require("Association", "associationType", "sourceId", "targetId");
            return new Association(object());
        }
    }
}
