package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * Issue #12, class 5: an issuer who signs with ecdsa-sd-2023 and marks only {@code /issuer}
 * mandatory still produces a base proof from which no holder can derive a copy without
 * {@code validUntil} or {@code credentialStatus}.
 */
class SelectiveDisclosureMandatoryTest {
    static final SigningKey KEY = SigningKey.generate(KeyType.P256);
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    /** Expired at the test clock (2025-06-01), with a revocation entry. */
    static String expiredWithStatus() throws Exception {
        ObjectNode c = (ObjectNode) Json.parse(VerifierTestSupport.credential(DidKey.of(KEY.publicKey()),
                "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"));
        ObjectNode status = c.putObject("credentialStatus");
        status.put("id", "https://university.example/status/3#94567");
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", "94567");
        status.put("statusListCredential", "https://university.example/status/3");
        return Json.write(c);
    }

    private static void assertKeepsWhatVerifiersDecideFrom(String derived) throws Exception {
        JsonNode d = Json.parse(derived);
        assertThat(d.path("validUntil").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(d.path("validFrom").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(d.path("credentialStatus").path("statusListIndex").asText()).isEqualTo("94567");
        assertThat(d.path("issuer").path("id").asText()).isEqualTo(DidKey.of(KEY.publicKey()));
        assertThat(d.path("type").toString()).contains("OpenBadgeCredential");
        assertThat(d.path("credentialSubject").path("id").asText()).isEqualTo("did:example:ebfeb1f712ebc6f1c276e12ec21");
        assertThat(d.path("credentialSubject").path("achievement").path("id").asText())
                .isEqualTo("https://example.com/achievements/teamwork");
        assertThat(d.path("credentialSubject").path("achievement").path("type").toString()).contains("Achievement");
        // what the holder did not choose to reveal stays hidden
        assertThat(d.path("credentialSubject").path("achievement").has("description")).isFalse();

        ProofResult r = DataIntegrity.verify(derived, KeyResolver.offline());
        assertThat(r.valid()).as(r.summary()).isTrue();
        VerificationReport report = Verifier.builder().clock(CLOCK).build().verify(derived);
        assertThat(report.check("proof").orElseThrow().outcome()).as(report.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(report.check("validity-period").orElseThrow().outcome()).as(report.toString())
                .isEqualTo(CheckOutcome.FAILED);
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void anIssuerMarkingOnlyTheIssuerMandatoryCannotLetHoldersHideExpiryOrStatus() throws Exception {
        String base = DataIntegrity.sign(expiredWithStatus(), KEY, ProofOptions.builder(Cryptosuite.ECDSA_SD_2023)
                .created(CREATED).mandatoryPointers(List.of("/issuer")).build());
        // the holder reveals the name only, leaving validUntil and credentialStatus out of the reveal set
        String derived = DataIntegrity.derive(base, List.of("/name"));
        assertKeepsWhatVerifiersDecideFrom(derived);

        // removing them afterwards breaks the issuer's signature over the mandatory statements
        for (String field : List.of("validUntil", "credentialStatus", "validFrom")) {
            ObjectNode stripped = (ObjectNode) Json.parse(derived);
            stripped.remove(field);
            ProofResult r = DataIntegrity.verify(Json.write(stripped), KeyResolver.offline());
            assertThat(r.valid()).as(field).isFalse();
            assertThat(r.proofs().get(0).status()).as(field).isEqualTo(ProofOutcome.Status.INVALID_SIGNATURE);
        }
    }

    @Test
    void theIssuerWithNoMandatoryPointersAlsoCoversThem() throws Exception {
        String base = Issuer.with(KEY).build().signDataIntegrity(expiredWithStatus(), "ecdsa-sd-2023", CREATED);
        assertKeepsWhatVerifiersDecideFrom(DataIntegrity.derive(base, List.of()));
        String viaOptions = DataIntegrity.sign(expiredWithStatus(), KEY,
                ProofOptions.builder(Cryptosuite.ECDSA_SD_2023).created(CREATED).build());
        assertKeepsWhatVerifiersDecideFrom(DataIntegrity.derive(viaOptions, List.of("/credentialSubject/achievement/name")));
    }
}
