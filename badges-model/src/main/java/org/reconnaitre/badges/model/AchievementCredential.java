package org.reconnaitre.badges.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Open Badges 3.0 {@code OpenBadgeCredential} (also typed {@code AchievementCredential}): an
 * issuer's statement that a subject earned an {@link Achievement}.
 *
 * <pre>{@code
 * AchievementCredential c = AchievementCredential.builder()
 *         .id("urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002")
 *         .issuer(Profile.builder().id("https://example.edu/issuers/565049").name("Example University").build())
 *         .validFrom(Instant.parse("2024-01-01T00:00:00Z"))
 *         .name("Teamwork")
 *         .credentialSubject(AchievementSubject.builder()
 *                 .id("did:example:ebfeb1f712ebc6f1c276e12ec21")
 *                 .achievement(Achievement.builder()
 *                         .id("https://example.edu/achievements/teamwork")
 *                         .name("Teamwork").description("Works well in a team.")
 *                         .criteria(Criteria.ofNarrative("Led a team project."))
 *                         .build())
 *                 .build())
 *         .build();
 * String json = c.toPrettyJson();   // VC 2.0 shape, OB 3.0.3 context, unsigned
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class AchievementCredential extends AbstractCredential implements Credential {
    /** The preferred {@code type} value besides {@code VerifiableCredential}. */
    public static final String TYPE = "OpenBadgeCredential";

    AchievementCredential(JsonValue.ObjectValue json) {
        super(json);
    }

    /** @return the first {@code credentialSubject} */
    public Optional<AchievementSubject> credentialSubject() {
        List<AchievementSubject> all = credentialSubjects();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** @return every {@code credentialSubject} (OB 3.0 has one; VC allows several) */
    public List<AchievementSubject> credentialSubjects() {
        return nodes("credentialSubject", AchievementSubject::new);
    }

    @Override
    public AchievementCredential withoutProof() {
        return new AchievementCredential(json.without("proof"));
    }

    @Override
    public AchievementCredential withProof(Proof proof) {
        return new AchievementCredential(jsonWithProof(proof));
    }

    /** @return a builder starting from this credential's JSON */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return a new builder (VC 2.0, type {@code [VerifiableCredential, OpenBadgeCredential]}) */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds an {@link AchievementCredential}. Not thread-safe. */
    public static final class Builder extends CredentialBuilder<Builder> {
        Builder(@Nullable AchievementCredential from) {
            super(from);
        }

        /**
         * @param subject the {@code credentialSubject}
         * @return this builder
         */
        public Builder credentialSubject(AchievementSubject subject) {
            return node("credentialSubject", subject);
        }

        /**
         * @return the credential
         * @throws IllegalStateException when id, issuer, validFrom or credentialSubject is missing
         */
        public AchievementCredential build() {
            return new AchievementCredential(finish("AchievementCredential",
                    List.of(OpenBadges.OB_CONTEXT), "VerifiableCredential", TYPE));
        }
    }
}
