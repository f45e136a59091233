package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;

class VerificationReportTest {

    private static VerificationReport sample(CheckOutcome proof) {
        return VerificationReport.builder(VerificationReport.Format.JWT)
                .add(CheckResult.passed("parse", "ok"))
                .add(new CheckResult("proof", proof, "the \"signature\" said so"))
                .add(CheckResult.skipped("status", "no fetcher"))
                .issuerId("did:example:issuer")
                .credentialId("urn:uuid:1")
                .build();
    }

    @Test
    void validMeansNoFailedCheck() {
        assertThat(sample(CheckOutcome.PASSED).isValid()).isTrue();
        assertThat(sample(CheckOutcome.WARNING).isValid()).isTrue();
        assertThat(sample(CheckOutcome.WARNING).hasWarnings()).isTrue();
        assertThat(sample(CheckOutcome.SKIPPED).isValid()).isTrue();
        VerificationReport failed = sample(CheckOutcome.FAILED);
        assertThat(failed.isValid()).isFalse();
        assertThat(failed.failures()).extracting(CheckResult::id).containsExactly("proof");
    }

    @Test
    void checksKeepTheirOrderAndAreFoundById() {
        VerificationReport r = sample(CheckOutcome.PASSED);
        assertThat(r.checks()).extracting(CheckResult::id).containsExactly("parse", "proof", "status");
        assertThat(r.check("status")).map(CheckResult::outcome).contains(CheckOutcome.SKIPPED);
        assertThat(r.check("endorsements")).isEmpty();
        assertThat(r.issuerId()).contains("did:example:issuer");
        assertThat(r.credentialId()).contains("urn:uuid:1");
        assertThatThrownBy(() -> r.checks().add(CheckResult.passed("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toJsonHasTheCliShape() throws Exception {
        JsonNode json = Json.parse(sample(CheckOutcome.FAILED).toJson());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("format").asText()).isEqualTo("jwt");
        assertThat(json.get("checks")).hasSize(3);
        assertThat(json.get("checks").get(1).get("id").asText()).isEqualTo("proof");
        assertThat(json.get("checks").get(1).get("outcome").asText()).isEqualTo("failed");
        assertThat(json.get("checks").get(1).get("message").asText()).isEqualTo("the \"signature\" said so");
        assertThat(json.fieldNames()).toIterable().containsExactly("valid", "format", "checks");
    }

    @Test
    void detailedJsonNestsEndorsements() throws Exception {
        VerificationReport endorsement = sample(CheckOutcome.FAILED);
        VerificationReport r = VerificationReport.builder(VerificationReport.Format.JSON)
                .add(CheckResult.warning("endorsements", "1 of 1 endorsement does not verify"))
                .addEndorsement(endorsement).build();
        assertThat(r.isValid()).isTrue();
        assertThat(r.endorsements()).containsExactly(endorsement);
        JsonNode json = Json.parse(r.toDetailedJson());
        assertThat(json.get("endorsements").get(0).get("valid").asBoolean()).isFalse();
        assertThat(json.get("endorsements").get(0).get("issuer").asText()).isEqualTo("did:example:issuer");
    }

    @Test
    void equalReportsAreEqual() {
        assertThat(sample(CheckOutcome.PASSED)).isEqualTo(sample(CheckOutcome.PASSED)).hasSameHashCodeAs(sample(CheckOutcome.PASSED));
        assertThat(sample(CheckOutcome.PASSED)).isNotEqualTo(sample(CheckOutcome.FAILED));
    }

    @Test
    void checkResultsValidate() {
        assertThatThrownBy(() -> CheckResult.passed(" ", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckResult("id", null, "m")).isInstanceOf(NullPointerException.class);
        assertThat(CheckOutcome.FAILED.isAcceptable()).isFalse();
        assertThat(CheckOutcome.WARNING.jsonName()).isEqualTo("warning");
    }
}
