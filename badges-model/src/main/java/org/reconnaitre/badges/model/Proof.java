package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An embedded {@code proof} (Data Integrity or Linked Data Proof). This type only reads and
 * writes it; creating and checking proofs is the job of the signing module.
 *
 * <pre>{@code
 * Proof p = credential.proof().get(0);
 * p.cryptosuite();            // e.g. "eddsa-rdfc-2022"
 * p.verificationMethod();     // e.g. "did:key:z6Mk...#z6Mk..."
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class Proof extends Node {

    Proof(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json a Proof object
     * @return the view
     */
    public static Proof of(JsonValue.ObjectValue json) {
        return new Proof(json);
    }

    /** @return the {@code cryptosuite} */
    public Optional<String> cryptosuite() {
        return string("cryptosuite");
    }

    /** @return the {@code created}, when an RFC 3339 date-time */
    public Optional<OffsetDateTime> created() {
        return dateTime("created");
    }

    /** @return the {@code verificationMethod} */
    public Optional<String> verificationMethod() {
        return string("verificationMethod");
    }

    /** @return the {@code proofPurpose} */
    public Optional<String> proofPurpose() {
        return string("proofPurpose");
    }

    /** @return the {@code proofValue} */
    public Optional<String> proofValue() {
        return string("proofValue");
    }

    /** @return the {@code challenge} */
    public Optional<String> challenge() {
        return string("challenge");
    }

    /** @return the {@code domain} */
    public Optional<String> domain() {
        return string("domain");
    }

    /** @return the {@code nonce} */
    public Optional<String> nonce() {
        return string("nonce");
    }

    /** @return the {@code jws} */
    public Optional<String> jws() {
        return string("jws");
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link Proof}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
            singleType = true;
        }

        /**
         * @param value the {@code cryptosuite}; {@code null} removes it
         * @return this builder
         */
        public Builder cryptosuite(@Nullable String value) {
            return text("cryptosuite", value);
        }

        /**
         * @param value the {@code created}; {@code null} removes it
         * @return this builder
         */
        public Builder created(@Nullable OffsetDateTime value) {
            return date("created", value);
        }

        /**
         * @param value the {@code created}; {@code null} removes it
         * @return this builder
         */
        public Builder created(@Nullable Instant value) {
            return date("created", value);
        }

        /**
         * @param value the {@code verificationMethod}; {@code null} removes it
         * @return this builder
         */
        public Builder verificationMethod(@Nullable String value) {
            return text("verificationMethod", value);
        }

        /**
         * @param value the {@code proofPurpose}; {@code null} removes it
         * @return this builder
         */
        public Builder proofPurpose(@Nullable String value) {
            return text("proofPurpose", value);
        }

        /**
         * @param value the {@code proofValue}; {@code null} removes it
         * @return this builder
         */
        public Builder proofValue(@Nullable String value) {
            return text("proofValue", value);
        }

        /**
         * @param value the {@code challenge}; {@code null} removes it
         * @return this builder
         */
        public Builder challenge(@Nullable String value) {
            return text("challenge", value);
        }

        /**
         * @param value the {@code domain}; {@code null} removes it
         * @return this builder
         */
        public Builder domain(@Nullable String value) {
            return text("domain", value);
        }

        /**
         * @param value the {@code nonce}; {@code null} removes it
         * @return this builder
         */
        public Builder nonce(@Nullable String value) {
            return text("nonce", value);
        }

        /**
         * @param value the {@code jws}; {@code null} removes it
         * @return this builder
         */
        public Builder jws(@Nullable String value) {
            return text("jws", value);
        }

        /**
         * @return the Proof
         * @throws IllegalStateException when a required property (type) is missing
         */
        public Proof build() {
            if (!members.containsKey("type")) {
                property("type", JsonValue.of("DataIntegrityProof"));
            }
            require("Proof", "type");
            return new Proof(object());
        }
    }
}
