package org.reconnaitre.examples;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

/**
 * Selective disclosure ({@code ecdsa-sd-2023}): a worker shows an employer the skill a badge
 * proves without the assessor's notes about them, and the employer still verifies the issuer's
 * signature.
 *
 * <ol>
 *   <li>The training centre signs a <em>base proof</em> and says what must always be shown: the
 *       issuer, the date, the badge's name and the achievement. The base proof goes to the worker
 *       only (verifiers reject it).</li>
 *   <li>The worker <em>derives</em> a disclosure: here without the {@code evidence} (the assessor's
 *       narrative) and without the e-mail identifier.</li>
 *   <li>The employer verifies the disclosure like any badge.</li>
 * </ol>
 *
 * <pre>{@code
 * SigningKey centre = SigningKey.generate(KeyType.P256);     // ecdsa-sd-2023 needs a P-256 key
 * String base = DiscloseSelectively.issue(centre, Instant.now());
 * String shown = DiscloseSelectively.withoutEvidence(base);
 * boolean ok = Verifier.builder().build().verify(shown).isValid();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DiscloseSelectively {
    /** What the issuer makes mandatory (JSON Pointers). */
    static final List<String> MANDATORY = List.of("/issuer", "/validFrom", "/name", "/credentialSubject/achievement");

    private DiscloseSelectively() {}

    /**
     * Runs the three steps and prints what the employer receives and the verdict.
     *
     * @param args none
     * @throws BadgeException never with these inputs
     */
    public static void main(String[] args) throws BadgeException {
        String base = issue(SigningKey.generate(KeyType.P256), Instant.now());
        String shown = withoutEvidence(base);
        VerificationReport report = Verifier.builder().build().verify(shown);
        System.out.println(shown);
        System.out.println(report.isValid() ? "VALID: the employer sees the skill, signed by the centre,"
                + " and nothing of the assessor's notes" : "INVALID: " + report.failures());
    }

    /**
     * The training centre: signs the badge with a base proof for the worker.
     *
     * @param centre the centre's P-256 key (its did:key is the issuer id)
     * @param issuedAt the issuance instant
     * @return the credential with its ecdsa-sd-2023 base proof
     * @throws BadgeException if signing fails
     */
    public static String issue(SigningKey centre, Instant issuedAt) throws BadgeException {
        String issuer = DidKey.of(centre.publicKey());
        String credential = """
                {
                  "@context": ["https://www.w3.org/ns/credentials/v2",
                               "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                  "id": "urn:uuid:8d1c7a52-5b1e-4f0a-9c3d-2e6f7a8b9c0d",
                  "type": ["VerifiableCredential", "OpenBadgeCredential"],
                  "issuer": {"id": "%s", "type": ["Profile"], "name": "Example Logistics Academy"},
                  "validFrom": "%s",
                  "name": "Forklift operation",
                  "credentialSubject": {
                    "type": ["AchievementSubject"],
                    "identifier": [{"type": "IdentityObject", "identityType": "emailAddress",
                                    "hashed": false, "identityHash": "worker@example.org"}],
                    "achievement": {
                      "id": "https://badges.example.org/achievements/forklift",
                      "type": ["Achievement"],
                      "name": "Forklift operation",
                      "description": "Operates a counterbalance forklift safely in a warehouse.",
                      "criteria": {"narrative": "Passed a supervised practical assessment."}
                    }
                  },
                  "evidence": [{"type": ["Evidence"],
                                "narrative": "Second attempt; hesitant when reversing in narrow aisles."}]
                }""".formatted(issuer, issuedAt.truncatedTo(ChronoUnit.SECONDS));
        return DataIntegrity.sign(credential, centre, ProofOptions.builder(Cryptosuite.ECDSA_SD_2023)
                .verificationMethod(DidKey.verificationMethodId(centre.publicKey()))
                .mandatoryPointers(MANDATORY)
                .build());
    }

    /**
     * The worker: discloses the mandatory parts and the subject's type, nothing else.
     *
     * @param base the credential with its base proof, as the centre handed it over
     * @return the disclosed credential with a derived proof, for any verifier
     * @throws BadgeException if {@code base} has no ecdsa-sd-2023 base proof
     */
    public static String withoutEvidence(String base) throws BadgeException {
        return DataIntegrity.derive(base, List.of("/credentialSubject/type"));
    }
}
