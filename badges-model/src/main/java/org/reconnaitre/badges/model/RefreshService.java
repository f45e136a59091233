package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code refreshService}: where a holder gets a refreshed copy of the credential.
 *
 * <pre>{@code
 * RefreshService r = RefreshService.builder()
 *         .id(URI.create("https://example.edu/refresh/3732"))
 *         .type("1EdTechCredentialRefresh").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class RefreshService extends Node {

    RefreshService(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json a RefreshService object
     * @return the view
     */
    public static RefreshService of(JsonValue.ObjectValue json) {
        return new RefreshService(json);
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link RefreshService}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
            singleType = true;
        }

        /**
         * @return the RefreshService
         * @throws IllegalStateException when a required property (id, type) is missing
         */
        public RefreshService build() {
            if (!members.containsKey("type")) {
                property("type", JsonValue.of("1EdTechCredentialRefresh"));
            }
            require("RefreshService", "id", "type");
            return new RefreshService(object());
        }
    }
}
