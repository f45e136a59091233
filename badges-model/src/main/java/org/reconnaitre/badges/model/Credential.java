package org.reconnaitre.badges.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An Open Badges 3.0 or CLR 2.0 verifiable credential, in the VC 1.1 or VC 2.0 shape. The
 * accessors are uniform across the two shapes: {@link #validFrom()} reads {@code validFrom} or
 * {@code issuanceDate}, {@link #validUntil()} reads {@code validUntil} or {@code expirationDate}.
 * Single-or-array properties ({@code proof}, {@code credentialSchema}, ...) are read as lists and
 * written back in the shape they were read.
 *
 * <pre>{@code
 * Credential c = OpenBadges.readCredential(json);
 * c.issuer().flatMap(Profile::id);          // who issued it
 * c.validFrom();                            // when it starts to be valid
 * String same = c.toJson();                 // the same JSON tree
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe. Accessors never throw for unexpected
 * content: a value of the wrong JSON type reads as absent (validation reports it).
 */
public sealed interface Credential extends OpenBadgesDocument
        permits AchievementCredential, EndorsementCredential, ClrCredential {

    /** @return the {@code @context} entries (URLs or embedded contexts), in order */
    List<JsonValue> context();

    /** @return the {@code @context} entries that are URLs, in order */
    List<String> contextUrls();

    /**
     * @return {@link DataModel#VC_1_1} when the first context is the VC 1.1 one (or, with no known
     *     base context, when {@code issuanceDate} is present), else {@link DataModel#VC_2_0}
     */
    DataModel dataModel();

    /** @return the {@code name} */
    Optional<LangString> name();

    /** @return the {@code description} */
    Optional<LangString> description();

    /** @return the {@code image} */
    Optional<Image> image();

    /** @return the {@code issuer} (a URI-only issuer reads as a profile with just an id) */
    Optional<Profile> issuer();

    /** @return {@code validFrom} (VC 2.0) or {@code issuanceDate} (VC 1.1), when an RFC 3339 date */
    Optional<OffsetDateTime> validFrom();

    /** @return {@code validUntil} (VC 2.0) or {@code expirationDate} (VC 1.1), when an RFC 3339 date */
    Optional<OffsetDateTime> validUntil();

    /** @return {@code awardedDate} */
    Optional<OffsetDateTime> awardedDate();

    /** @return the {@code evidence} entries */
    List<Evidence> evidence();

    /** @return the {@code credentialStatus} entries */
    List<CredentialStatus> credentialStatus();

    /** @return the {@code credentialSchema} entries */
    List<CredentialSchema> credentialSchema();

    /** @return the {@code refreshService} entries */
    List<RefreshService> refreshService();

    /** @return the embedded {@code proof}s (empty when unsigned or secured as a JWT) */
    List<Proof> proof();

    /** @return the embedded {@code endorsement} credentials */
    List<EndorsementCredential> endorsement();

    /** @return the {@code endorsementJwt} compact JWS strings */
    List<String> endorsementJwt();

    /** @return a copy without the {@code proof} property, every other property unchanged and in place */
    Credential withoutProof();

    /**
     * Adds a proof, leaving every other property unchanged and in place: the proof becomes the
     * {@code proof} object, or is appended to the existing proof(s) as a proof set (array).
     *
     * @param proof the proof to add
     * @return the copy with the proof
     */
    Credential withProof(Proof proof);
}
