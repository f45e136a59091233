package org.reconnaitre.badges.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconnaitre.badges.conformance.Credentials.AT;

import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.IdentityHash;
import org.reconnaitre.badges.model.Severity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;

/**
 * The expected recipient is compared once: by the verifier's {@code recipient} check
 * ({@code VERIFY-RECIPIENT}) when the identity has a kind it knows, otherwise by the kit
 * ({@code RECIPIENT-MATCH}).
 */
class RecipientRulesTest {
    static final String VERIFY_RECIPIENT = ConformanceRules.forCheck("recipient");

    private static ConformanceReport check(String identity, String credential) {
        return ConformanceKit.builder().at(AT).robustness(false).expectedRecipient(identity).build().check(credential);
    }

    @Test
    void aWrongRecipientIsOneErrorUnderOneRule() throws Exception {
        ConformanceReport r = check("someone.else@example.org", Credentials.signed(Credentials.ed25519()));
        assertThat(r.violations()).filteredOn(v -> v.ruleId().equals(VERIFY_RECIPIENT)
                || v.ruleId().equals(ConformanceRules.RECIPIENT_MATCH)).singleElement().satisfies(v -> {
                    assertThat(v.ruleId()).isEqualTo(VERIFY_RECIPIENT);
                    assertThat(v.severity()).isEqualTo(Severity.ERROR);
                    assertThat(v.path()).isEqualTo("/credentialSubject");
                });
        assertThat(r.checkedRules()).contains(VERIFY_RECIPIENT).doesNotContain(ConformanceRules.RECIPIENT_MATCH);
    }

    @Test
    void theRecipientOfAVcJwtIsComparedToo() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256);
        String jwt = Issuer.with(key).build().signJwt(Credentials.unsigned(DidKey.of(key.publicKey())));
        assertThat(check(Credentials.RECIPIENT, jwt).passedRules()).contains(VERIFY_RECIPIENT);
        assertThat(check("mailto:someone.else@example.org", jwt).violationsOf(VERIFY_RECIPIENT)).hasSize(1);
        OpenBadgesAssertions.assertThat(jwt).atInstant(AT).hasRecipient(Credentials.RECIPIENT);
        assertThatThrownBy(() -> OpenBadgesAssertions.assertThat(jwt).atInstant(AT).hasRecipient("someone.else@example.org"))
                .isInstanceOf(ConformanceError.class).hasMessageContaining(VERIFY_RECIPIENT);
    }

    @Test
    void anIdentityOfNoKnownKindIsComparedByTheKit() throws Exception {
        SigningKey key = Credentials.ed25519();
        String unsigned = Credentials.unsigned(DidKey.of(key.publicKey()), IdentityHash.createEmail("learner-42", Credentials.SALT).toString());
        ConformanceReport same = check("learner-42", unsigned);
        assertThat(same.checkedRules()).contains(ConformanceRules.RECIPIENT_MATCH).doesNotContain(VERIFY_RECIPIENT);
        assertThat(same.violationsOf(ConformanceRules.RECIPIENT_MATCH)).isEmpty();
        ConformanceReport other = check("learner-43", unsigned);
        assertThat(other.violationsOf(ConformanceRules.RECIPIENT_MATCH)).hasSize(1);
        assertThat(other.violationsOf(VERIFY_RECIPIENT)).isEmpty();
    }

    @Test
    void hasRecipientFailsWhenNothingCouldCompareTheRecipient() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256);
        String jwt = Issuer.with(key).build().signJwt(Credentials.unsigned(DidKey.of(key.publicKey())));
        // the verifier cannot take "learner-42" and the kit cannot read a JWT's subject: not a silent pass
        assertThatThrownBy(() -> OpenBadgesAssertions.assertThat(jwt).atInstant(AT).hasRecipient("learner-42"))
                .isInstanceOf(ConformanceError.class).hasMessageContaining("could not be compared");
    }
}
