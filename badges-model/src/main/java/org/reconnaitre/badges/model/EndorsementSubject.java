package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code credentialSubject} of an {@link EndorsementCredential}: the endorsed thing and a comment.
 *
 * <pre>{@code
 * EndorsementSubject s = EndorsementSubject.builder()
 *         .id(URI.create("https://example.edu/achievements/teamwork"))
 *         .endorsementComment("A demanding badge.").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class EndorsementSubject extends Node {

    EndorsementSubject(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json an EndorsementSubject object
     * @return the view
     */
    public static EndorsementSubject of(JsonValue.ObjectValue json) {
        return new EndorsementSubject(json);
    }

    /** @return the {@code endorsementComment} */
    public Optional<String> endorsementComment() {
        return string("endorsementComment");
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link EndorsementSubject}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
        }

        /**
         * @param value the {@code endorsementComment}; {@code null} removes it
         * @return this builder
         */
        public Builder endorsementComment(@Nullable String value) {
            return text("endorsementComment", value);
        }

        /**
         * @return the EndorsementSubject
         * @throws IllegalStateException when a required property (id) is missing
         */
        public EndorsementSubject build() {
            defaultType("EndorsementSubject");
            require("EndorsementSubject", "id");
            return new EndorsementSubject(object());
        }
    }
}
