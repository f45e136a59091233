package org.reconnaitre.badges.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.reconnaitre.badges.conformance.Credentials.AT;
import static org.reconnaitre.badges.conformance.Credentials.RECIPIENT;

import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Severity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;

/** The fluent assertions on credentials signed here with a generated key. */
class OpenBadgesAssertionsTest {

    @Test
    void aWellSignedCredentialPassesEveryAssertion() throws Exception {
        SigningKey key = Credentials.ed25519();
        String signed = Credentials.signed(key);
        CredentialAssert a = OpenBadgesAssertions.assertThat(signed).atInstant(AT)
                .verifiesWith(key.publicKey())
                .isSignedWith("eddsa-rdfc-2022")
                .hasRecipient(RECIPIENT)
                .conformsToOpenBadges3();
        ConformanceReport r = a.check();
        assertThat(r.isConformant()).as(r.toString()).isTrue();
        assertThat(r.checkedRules()).contains("VERIFY-PROOF", "OB3-CONTEXT", ConformanceRules.ISSUER_RESOLVABLE,
                ConformanceRules.ISSUER_KEY, "VERIFY-RECIPIENT", ConformanceRules.ROBUST_ROUND_TRIP,
                ConformanceRules.ROBUST_KEY_ORDER, ConformanceRules.ROBUST_TAMPER);
        // the verifier compared the recipient, so the kit's own comparison did not run again
        assertThat(r.checkedRules()).doesNotContain(ConformanceRules.RECIPIENT_MATCH);
        assertThat(r.passedRules()).contains("VERIFY-PROOF", "VERIFY-RECIPIENT", ConformanceRules.ROBUST_TAMPER);
    }

    @Test
    void anotherKeyIsRejectedByVerifiesWith() throws Exception {
        String signed = Credentials.signed(Credentials.ed25519());
        SigningKey other = Credentials.ed25519();
        ConformanceError e = catchThrowableOfType(ConformanceError.class,
                () -> OpenBadgesAssertions.assertThat(signed).atInstant(AT).verifiesWith(other.publicKey()));
        assertThat(e).isNotNull();
        assertThat(e.violations()).extracting(Violation::ruleId).contains("VERIFY-PROOF");
        assertThat(e.getMessage()).contains("VERIFY-PROOF").contains("/proof");
    }

    @Test
    void aTamperedCredentialListsEveryViolatedRule() throws Exception {
        String signed = Credentials.signed(Credentials.ed25519()).replace("Teamwork Badge", "Leadership Badge");
        ConformanceError e = catchThrowableOfType(ConformanceError.class,
                () -> OpenBadgesAssertions.assertThat(signed).atInstant(AT).conformsToOpenBadges3());
        assertThat(e).isInstanceOf(AssertionError.class);
        assertThat(e.violations()).extracting(Violation::ruleId).contains("VERIFY-PROOF");
        assertThat(e.getMessage()).contains("Expected urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002 to conform")
                .contains("VERIFY-PROOF [error] /proof");
    }

    @Test
    void validatorFindingsCarryTheirRuleIdAndPointer() throws Exception {
        SigningKey key = Credentials.ed25519();
        String unsignedWrongOrder = Credentials.unsigned(DidKey.of(key.publicKey())).replace(
                "[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]",
                "[\"https://www.w3.org/ns/credentials/v2\",\"https://www.w3.org/ns/credentials/examples/v2\","
                        + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]");
        ConformanceReport r = OpenBadgesAssertions.assertThat(unsignedWrongOrder).atInstant(AT).check();
        assertThat(r.isConformant()).isFalse();
        assertThat(r.violatedRuleIds()).contains("VERIFY-PROOF");
        OpenBadgesAssertions.assertThat(unsignedWrongOrder).atInstant(AT).violates("VERIFY-PROOF");
        assertThatThrownBy(() -> OpenBadgesAssertions.assertThat(unsignedWrongOrder).violates("NO-SUCH-RULE"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("NO-SUCH-RULE");
    }

    @Test
    void isSignedWithNamesWhatWasFound() throws Exception {
        String signed = Credentials.signed(Credentials.ed25519());
        assertThatThrownBy(() -> OpenBadgesAssertions.assertThat(signed).isSignedWith("ecdsa-rdfc-2019"))
                .isInstanceOf(ConformanceError.class)
                .hasMessageContaining("SIGNED-WITH").hasMessageContaining("found eddsa-rdfc-2022");
    }

    @Test
    void aJwtIsCheckedToo() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256);
        String jwt = Issuer.with(key).build().signJwt(Credentials.unsigned(DidKey.of(key.publicKey())));
        OpenBadgesAssertions.assertThat(jwt).atInstant(AT).isSignedWith("ES256").verifiesWith(key.publicKey())
                .conformsToOpenBadges3();
        assertThatThrownBy(() -> OpenBadgesAssertions.assertThat(jwt).isSignedWith("EdDSA"))
                .isInstanceOf(ConformanceError.class).hasMessageContaining("found ES256");
    }

    @Test
    void theWrongRecipientIsReported() throws Exception {
        String signed = Credentials.signed(Credentials.ed25519());
        ConformanceError e = catchThrowableOfType(ConformanceError.class,
                () -> OpenBadgesAssertions.assertThat(signed).atInstant(AT).hasRecipient("someone.else@example.org"));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("VERIFY-RECIPIENT");
            assertThat(v.path()).isEqualTo("/credentialSubject");
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void hasNoWarningsFailsOnAWarningOnly() throws Exception {
        SigningKey key = Credentials.ed25519();
        String old = Credentials.unsigned(DidKey.of(key.publicKey())).replace("context-3.0.3.json\"", "context-3.0.1.json\",\"https://w3id.org/security/data-integrity/v2\"")
                .replace("https://www.w3.org/ns/credentials/v2", "https://www.w3.org/2018/credentials/v1")
                .replace("validFrom", "issuanceDate");
        String signed = Issuer.with(key).build().signDataIntegrity(old, "eddsa-rdfc-2022", AT.minusSeconds(86400 * 400));
        ConformanceReport r = OpenBadgesAssertions.assertThat(signed).atInstant(AT).check();
        assertThat(r.warnings()).extracting(Violation::ruleId).contains("OB3-CONTEXT-VERSION");
        OpenBadgesAssertions.assertThat(signed).atInstant(AT).conformsToOpenBadges3();
        assertThatThrownBy(() -> OpenBadgesAssertions.assertThat(signed).atInstant(AT).hasNoWarnings())
                .isInstanceOf(ConformanceError.class).hasMessageContaining("OB3-CONTEXT-VERSION [warning]");
    }
}
