package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@code IdentityObject}: identifies the recipient of a credential, in clear or as a salted
 * {@code sha256$} hash ({@link IdentityHash}).
 *
 * <pre>{@code
 * IdentityObject who = IdentityObject.hashedEmail("alice@example.org", "pepper");
 * who.matches("Alice@Example.org");   // true: email addresses compare without case
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class IdentityObject extends Node {

    IdentityObject(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json an IdentityObject object
     * @return the view
     */
    public static IdentityObject of(JsonValue.ObjectValue json) {
        return new IdentityObject(json);
    }

    /** @return the {@code identityHash} */
    public Optional<String> identityHash() {
        return string("identityHash");
    }

    /** @return the {@code identityType} */
    public Optional<String> identityType() {
        return string("identityType");
    }

    /** @return the {@code hashed} flag */
    public Optional<Boolean> hashed() {
        return bool("hashed");
    }

    /** @return the {@code salt} */
    public Optional<String> salt() {
        return string("salt");
    }

    /**
     * Checks a candidate identity against this object in constant time: against the
     * {@code sha256$} hash with the salt when {@link #hashed()}, else against the plain value.
     * For {@code emailAddress} identities the comparison ignores case (see
     * {@link IdentityHash#matchesEmail(String, String)}).
     *
     * @param identity the identity to check, e.g. {@code alice@example.org}
     * @return whether it is the identity this object names
     */
    public boolean matches(String identity) {
        java.util.Objects.requireNonNull(identity, "identity");
        Optional<String> value = identityHash();
        boolean email = identityType().map(t -> t.equals("emailAddress") || t.equals("email")).orElse(false);
        return value.isPresent() && IdentityHash.matchesRecipient(value.get(), hashed().orElse(false), email,
                salt().orElse(""), identity);
    }

    /**
     * A hashed email identity: {@code sha256$} of the lower-cased address followed by the salt.
     *
     * @param email the address
     * @param salt the salt (may be empty, but a random salt is strongly advised)
     * @return {@code {"type":"IdentityObject","identityHash":"sha256$...","identityType":"emailAddress","hashed":true,"salt":...}}
     */
    public static IdentityObject hashedEmail(String email, String salt) {
        return builder().identityHash(IdentityHash.createEmail(email, salt).toString())
                .identityType("emailAddress").hashed(true).salt(salt).build();
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link IdentityObject}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
            singleType = true;
        }

        /**
         * @param value the {@code identityHash}; {@code null} removes it
         * @return this builder
         */
        public Builder identityHash(@Nullable String value) {
            return text("identityHash", value);
        }

        /**
         * @param value the {@code identityType}; {@code null} removes it
         * @return this builder
         */
        public Builder identityType(@Nullable String value) {
            return text("identityType", value);
        }

        /**
         * @param value the {@code hashed} flag
         * @return this builder
         */
        public Builder hashed(boolean value) {
            return property("hashed", JsonValue.of(value));
        }

        /**
         * @param value the {@code salt}; {@code null} removes it
         * @return this builder
         */
        public Builder salt(@Nullable String value) {
            return text("salt", value);
        }

        /**
         * @return the IdentityObject
         * @throws IllegalStateException when a required property (identityHash, identityType) is missing
         */
        public IdentityObject build() {
            if (!members.containsKey("type")) {
                property("type", JsonValue.of("IdentityObject"));
            }
            require("IdentityObject", "identityHash", "identityType");
            return new IdentityObject(object());
        }
    }
}
