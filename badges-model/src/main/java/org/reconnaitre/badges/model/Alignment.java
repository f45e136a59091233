package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@code Alignment}: links an achievement or a result to a node of an educational framework
 * (a competency, a standard, an occupation).
 *
 * <pre>{@code
 * Alignment a = Alignment.builder()
 *         .targetName("Collaborate with colleagues")
 *         .targetUrl(URI.create("http://data.europa.eu/esco/skill/7a2a5d6b-1c23-4b5d-9c2f-3a8f1b6e2d11"))
 *         .targetFramework("ESCO")
 *         .targetType("ceterms:Competency")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class Alignment extends Node {

    Alignment(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json an Alignment object
     * @return the view
     */
    public static Alignment of(JsonValue.ObjectValue json) {
        return new Alignment(json);
    }

    /** @return the {@code targetName} */
    public Optional<String> targetName() {
        return string("targetName");
    }

    /** @return the {@code targetUrl}, when an absolute URI */
    public Optional<URI> targetUrl() {
        return uri("targetUrl");
    }

    /** @return the {@code targetDescription} */
    public Optional<String> targetDescription() {
        return string("targetDescription");
    }

    /** @return the {@code targetCode} */
    public Optional<String> targetCode() {
        return string("targetCode");
    }

    /** @return the {@code targetFramework} */
    public Optional<String> targetFramework() {
        return string("targetFramework");
    }

    /** @return the {@code targetType} */
    public Optional<String> targetType() {
        return string("targetType");
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link Alignment}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
        }

        /**
         * @param value the {@code targetName}; {@code null} removes it
         * @return this builder
         */
        public Builder targetName(@Nullable String value) {
            return text("targetName", value);
        }

        /**
         * @param value the {@code targetUrl}, an absolute URI; {@code null} removes it
         * @return this builder
         */
        public Builder targetUrl(@Nullable URI value) {
            return uri("targetUrl", value);
        }

        /**
         * @param value the {@code targetDescription}; {@code null} removes it
         * @return this builder
         */
        public Builder targetDescription(@Nullable String value) {
            return text("targetDescription", value);
        }

        /**
         * @param value the {@code targetCode}; {@code null} removes it
         * @return this builder
         */
        public Builder targetCode(@Nullable String value) {
            return text("targetCode", value);
        }

        /**
         * @param value the {@code targetFramework}; {@code null} removes it
         * @return this builder
         */
        public Builder targetFramework(@Nullable String value) {
            return text("targetFramework", value);
        }

        /**
         * @param value the {@code targetType}; {@code null} removes it
         * @return this builder
         */
        public Builder targetType(@Nullable String value) {
            return text("targetType", value);
        }

        /**
         * @return the Alignment
         * @throws IllegalStateException when a required property (targetName, targetUrl) is missing
         */
        public Alignment build() {
            defaultType("Alignment");
            require("Alignment", "targetName", "targetUrl");
            return new Alignment(object());
        }
    }
}
