package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code credentialSchema} entry: a JSON Schema the credential claims to satisfy.
 *
 * <pre>{@code
 * CredentialSchema s = CredentialSchema.builder()
 *         .id(URI.create("https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class CredentialSchema extends Node {

    CredentialSchema(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json a CredentialSchema object
     * @return the view
     */
    public static CredentialSchema of(JsonValue.ObjectValue json) {
        return new CredentialSchema(json);
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link CredentialSchema}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
            singleType = true;
        }

        /**
         * @return the CredentialSchema
         * @throws IllegalStateException when a required property (id, type) is missing
         */
        public CredentialSchema build() {
            if (!members.containsKey("type")) {
                property("type", JsonValue.of("1EdTechJsonSchemaValidator2019"));
            }
            require("CredentialSchema", "id", "type");
            return new CredentialSchema(object());
        }
    }
}
