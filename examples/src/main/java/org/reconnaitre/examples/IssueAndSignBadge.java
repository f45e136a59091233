package org.reconnaitre.examples;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.reconnaitre.badges.model.Achievement;
import org.reconnaitre.badges.model.AchievementCredential;
import org.reconnaitre.badges.model.AchievementSubject;
import org.reconnaitre.badges.model.Alignment;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Criteria;
import org.reconnaitre.badges.model.IdentityObject;
import org.reconnaitre.badges.model.Profile;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.SigningKey;

/**
 * Issues an Open Badges 3.0 credential and signs it with a Data Integrity proof
 * ({@code eddsa-rdfc-2022}), the way a training centre or an employer would.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.generate(KeyType.ED25519);   // in production: load it from your vault
 * String signed = IssueAndSignBadge.issue(key, "learner@example.org", Instant.now());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class IssueAndSignBadge {
    private IssueAndSignBadge() {}

    /**
     * Prints a freshly issued, signed badge as JSON.
     *
     * @param args optional: the recipient's email address
     * @throws BadgeException if signing fails
     */
    public static void main(String[] args) throws BadgeException {
        // 1. The issuer's key. Generate it once and keep the private JWK (key.toPrivateJwk()) secret;
        //    its did:key is the issuer's public identity.
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String recipient = args.length > 0 ? args[0] : "learner@example.org";
        System.out.println(issue(key, recipient, Instant.now()));
    }

    /**
     * Builds and signs a badge.
     *
     * @param key the issuer's Ed25519 key; the issuer id is its did:key
     * @param recipientEmail who earned the badge (stored as a salted hash, never in clear)
     * @param issuedAt when the badge was awarded
     * @return the signed credential JSON
     * @throws BadgeException if signing fails
     */
    public static String issue(SigningKey key, String recipientEmail, Instant issuedAt) throws BadgeException {
        String issuerDid = DidKey.of(key.publicKey());

        // 2. What was achieved, aligned to a referential so that employers' software understands it.
        Achievement achievement = Achievement.builder()
                .id("https://badges.example.org/achievements/forklift")
                .name("Forklift operation")
                .description("Operates a counterbalance forklift safely in a warehouse.")
                .criteria(Criteria.ofNarrative("Passed a supervised practical assessment."))
                .alignment(List.of(Alignment.builder()
                        .type("Alignment")
                        .targetName("operate forklift")
                        .targetUrl(URI.create("http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"))
                        .targetFramework("ESCO")
                        .targetType("ext:ESCOSkill")
                        .build()))
                .build();

        // 3. Who earned it: a salted hash of the email, so the badge does not leak the address.
        byte[] saltBytes = new byte[8];
        new SecureRandom().nextBytes(saltBytes); // a salt, not a seed: nextBytes never blocks on the entropy source
        String salt = HexFormat.of().formatHex(saltBytes);
        AchievementCredential credential = AchievementCredential.builder()
                .id("urn:uuid:" + UUID.randomUUID())
                .issuer(Profile.builder().id(issuerDid).name("Example Logistics Academy").build())
                .validFrom(issuedAt.truncatedTo(ChronoUnit.SECONDS))
                .name("Forklift operation")
                .credentialSubject(AchievementSubject.builder()
                        .identifier(List.of(IdentityObject.hashedEmail(recipientEmail, salt)))
                        .achievement(achievement)
                        .build())
                .build();

        // 4. Sign: the proof is added to exactly this JSON; nothing else changes.
        ProofOptions options = ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022)
                .verificationMethod(DidKey.verificationMethodId(key.publicKey()))
                .created(issuedAt.truncatedTo(ChronoUnit.SECONDS))
                .build();
        return DataIntegrity.sign(credential.toPrettyJson(), key, options);
    }
}
