package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code credentialStatus} entry: where a verifier learns whether a credential was revoked or
 * suspended (e.g. {@code BitstringStatusListEntry}, {@code 1EdTechRevocationList}).
 *
 * <pre>{@code
 * CredentialStatus s = CredentialStatus.builder()
 *         .id(URI.create("https://example.edu/status/3#94567"))
 *         .type("BitstringStatusListEntry")
 *         .statusPurpose("revocation").statusListIndex("94567")
 *         .statusListCredential(URI.create("https://example.edu/status/3")).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class CredentialStatus extends Node {

    CredentialStatus(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json a CredentialStatus object
     * @return the view
     */
    public static CredentialStatus of(JsonValue.ObjectValue json) {
        return new CredentialStatus(json);
    }

    /** @return the {@code statusPurpose} */
    public Optional<String> statusPurpose() {
        return string("statusPurpose");
    }

    /** @return the {@code statusListIndex} */
    public Optional<String> statusListIndex() {
        return string("statusListIndex");
    }

    /** @return the {@code statusListCredential}, when an absolute URI */
    public Optional<URI> statusListCredential() {
        return uri("statusListCredential");
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link CredentialStatus}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
            singleType = true;
        }

        /**
         * @param value the {@code statusPurpose}; {@code null} removes it
         * @return this builder
         */
        public Builder statusPurpose(@Nullable String value) {
            return text("statusPurpose", value);
        }

        /**
         * @param value the {@code statusListIndex}; {@code null} removes it
         * @return this builder
         */
        public Builder statusListIndex(@Nullable String value) {
            return text("statusListIndex", value);
        }

        /**
         * @param value the {@code statusListCredential}, an absolute URI; {@code null} removes it
         * @return this builder
         */
        public Builder statusListCredential(@Nullable URI value) {
            return uri("statusListCredential", value);
        }

        /**
         * @return the CredentialStatus
         * @throws IllegalStateException when a required property (type) is missing
         */
        public CredentialStatus build() {
            if (!members.containsKey("type")) {
                property("type", JsonValue.of("BitstringStatusListEntry"));
            }
            require("CredentialStatus", "type");
            return new CredentialStatus(object());
        }
    }
}
