package org.reconnaitre.badges.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A CLR 2.0 {@code ClrCredential}: a Comprehensive Learner Record gathering several achievement
 * credentials about one learner, with {@link Association}s between their achievements.
 *
 * <pre>{@code
 * ClrCredential clr = OpenBadges.read(json, ClrCredential.class);
 * clr.credentialSubject().map(ClrSubject::verifiableCredential).orElse(List.of());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class ClrCredential extends AbstractCredential implements Credential {
    /** The {@code type} value besides {@code VerifiableCredential}. */
    public static final String TYPE = "ClrCredential";

    ClrCredential(JsonValue.ObjectValue json) {
        super(json);
    }

    /** @return the first {@code credentialSubject} */
    public Optional<ClrSubject> credentialSubject() {
        List<ClrSubject> all = nodes("credentialSubject", ClrSubject::new);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** @return whether the record is partial ({@code partial: true}) */
    public boolean partial() {
        return bool("partial").orElse(false);
    }

    @Override
    public ClrCredential withoutProof() {
        return new ClrCredential(json.without("proof"));
    }

    @Override
    public ClrCredential withProof(Proof proof) {
        return new ClrCredential(jsonWithProof(proof));
    }

    /** @return a builder starting from this credential's JSON */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return a new builder (VC 2.0, CLR 2.0.1 and OB 3.0.3 contexts) */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link ClrCredential}. Not thread-safe. */
    public static final class Builder extends CredentialBuilder<Builder> {
        Builder(@Nullable ClrCredential from) {
            super(from);
        }

        /**
         * @param subject the {@code credentialSubject}
         * @return this builder
         */
        public Builder credentialSubject(ClrSubject subject) {
            return node("credentialSubject", subject);
        }

        /**
         * @param partial the {@code partial} flag
         * @return this builder
         */
        public Builder partial(boolean partial) {
            return property("partial", JsonValue.of(partial));
        }

        /**
         * @return the credential
         * @throws IllegalStateException when id, issuer, validFrom or credentialSubject is missing
         */
        public ClrCredential build() {
            return new ClrCredential(finish("ClrCredential",
                    List.of(OpenBadges.CLR_CONTEXT, OpenBadges.OB_CONTEXT), "VerifiableCredential", TYPE));
        }
    }
}
