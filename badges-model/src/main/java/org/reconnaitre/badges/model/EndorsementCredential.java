package org.reconnaitre.badges.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Open Badges 3.0 {@code EndorsementCredential}: a third party's comment on a profile, an
 * achievement or a credential.
 *
 * <pre>{@code
 * EndorsementCredential e = EndorsementCredential.builder()
 *         .id("urn:uuid:5bd5a0b4-4b34-4f3d-a1cb-2d6f9d3d1b24")
 *         .name("Endorsement of the Teamwork badge")
 *         .issuer(URI.create("https://example.org/endorsers/1"))
 *         .validFrom(Instant.now())
 *         .credentialSubject(EndorsementSubject.builder()
 *                 .id("https://example.edu/achievements/teamwork")
 *                 .endorsementComment("A demanding badge.").build())
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class EndorsementCredential extends AbstractCredential implements Credential {
    /** The {@code type} value besides {@code VerifiableCredential}. */
    public static final String TYPE = "EndorsementCredential";

    EndorsementCredential(JsonValue.ObjectValue json) {
        super(json);
    }

    /** @return the first {@code credentialSubject} */
    public Optional<EndorsementSubject> credentialSubject() {
        List<EndorsementSubject> all = nodes("credentialSubject", EndorsementSubject::new);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    @Override
    public EndorsementCredential withoutProof() {
        return new EndorsementCredential(json.without("proof"));
    }

    @Override
    public EndorsementCredential withProof(Proof proof) {
        return new EndorsementCredential(jsonWithProof(proof));
    }

    /** @return a builder starting from this credential's JSON */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return a new builder (VC 2.0, type {@code [VerifiableCredential, EndorsementCredential]}) */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds an {@link EndorsementCredential}. Not thread-safe. */
    public static final class Builder extends CredentialBuilder<Builder> {
        Builder(@Nullable EndorsementCredential from) {
            super(from);
        }

        /**
         * @param subject the {@code credentialSubject}
         * @return this builder
         */
        public Builder credentialSubject(EndorsementSubject subject) {
            return node("credentialSubject", subject);
        }

        /**
         * @return the credential
         * @throws IllegalStateException when id, name, issuer, validFrom or credentialSubject is missing
         */
        public EndorsementCredential build() {
            require("EndorsementCredential", "name");
            return new EndorsementCredential(finish("EndorsementCredential",
                    List.of(OpenBadges.OB_CONTEXT), "VerifiableCredential", TYPE));
        }
    }
}
