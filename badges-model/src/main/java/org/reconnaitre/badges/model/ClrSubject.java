package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code credentialSubject} of a {@link ClrCredential}: the learner, the credentials of the
 * record, its achievements and the {@link Association}s between them.
 *
 * <pre>{@code
 * ClrSubject s = ClrSubject.builder()
 *         .id(URI.create("did:example:ebfeb1f712ebc6f1c276e12ec21"))
 *         .verifiableCredential(List.of(credential))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class ClrSubject extends Node {

    ClrSubject(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json a ClrSubject object
     * @return the view
     */
    public static ClrSubject of(JsonValue.ObjectValue json) {
        return new ClrSubject(json);
    }

    /** @return the {@code identifier} entries */
    public List<IdentityObject> identifier() {
        return nodes("identifier", IdentityObject::new);
    }

    /** @return the {@code name}, possibly in several languages */
    public Optional<LangString> name() {
        return lang("name");
    }

    /** @return the {@code description}, possibly in several languages */
    public Optional<LangString> description() {
        return lang("description");
    }

    /** @return the {@code achievement} entries */
    public List<Achievement> achievement() {
        return nodes("achievement", Achievement::new);
    }

    /** @return the {@code association} entries */
    public List<Association> association() {
        return nodes("association", Association::new);
    }

    /**
     * The {@code verifiableCredential} entries that are embedded JSON credentials, read by their
     * {@code type} (an {@link EndorsementCredential}, a nested {@link ClrCredential}, else an
     * {@link AchievementCredential}). Entries given as compact JWS strings are in
     * {@link #verifiableCredentialJwt()}.
     *
     * @return the embedded credentials
     */
    public List<Credential> verifiableCredential() {
        return nodes("verifiableCredential", OpenBadges::credentialView);
    }

    /** @return the {@code verifiableCredential} entries given as compact JWS strings */
    public List<String> verifiableCredentialJwt() {
        return strings("verifiableCredential");
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link ClrSubject}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
        }

        /**
         * @param values the {@code identifier} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder identifier(List<IdentityObject> values) {
            return nodes("identifier", values);
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
         * @param values the {@code achievement} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder achievement(List<Achievement> values) {
            return nodes("achievement", values);
        }

        /**
         * @param values the {@code association} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder association(List<Association> values) {
            return nodes("association", values);
        }

        /**
         * @param values the {@code verifiableCredential} entries (written as an array)
         * @return this builder
         */
        public Builder verifiableCredential(List<? extends Credential> values) {
            List<JsonValue> list = new java.util.ArrayList<>();
            for (Credential c : values) {
                list.add(c.json());
            }
            return property("verifiableCredential", list.isEmpty() ? null : new JsonValue.ArrayValue(list));
        }

        /**
         * @return the ClrSubject
         * @throws IllegalStateException when a required property (verifiableCredential) is missing
         */
        public ClrSubject build() {
            defaultType("ClrSubject");
            require("ClrSubject", "verifiableCredential");
            return new ClrSubject(object());
        }
    }
}
