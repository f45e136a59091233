package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;
import static org.reconnaitre.badges.signing.VerifierTestSupport.verifier;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who may sign for an issuer: the key-binding check on Data Integrity proofs. */
class VerifierKeyBindingTest {
    private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    private static VerificationReport signAndVerify(String issuerId, String verificationMethod) throws Exception {
        String signed = Issuer.with(KEY).verificationMethod(verificationMethod).build()
                .signDataIntegrity(credential(issuerId), "eddsa-rdfc-2022", CREATED);
        return verifier().verify(signed);
    }

    private static CheckResult binding(VerificationReport r) {
        return r.check("key-binding").orElseThrow();
    }

    @Test
    void theIssuersOwnDidKeyBinds() throws Exception {
        VerificationReport r = signAndVerify(DidKey.of(KEY.publicKey()), DidKey.verificationMethodId(KEY.publicKey()));
        assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(r).message()).contains("controlled by the issuer");
    }

    @Test
    void anotherDidKeyDoesNotBind() throws Exception {
        String other = DidKey.of(SigningKey.generate(KeyType.ED25519).publicKey());
        VerificationReport r = signAndVerify(other, DidKey.verificationMethodId(KEY.publicKey()));
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(r).message()).contains("not by the issuer " + other);
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void theOneEdTechFragmentConventionBindsWithAWarning() throws Exception {
        String issuer = "https://university.example/issuers/1";
        VerificationReport r = signAndVerify(issuer, issuer + "#" + KEY.publicKey().toMultibase());
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.WARNING);
        assertThat(binding(r).message()).contains("1EdTech convention").contains("no document");
    }

    @Test
    void aFragmentKeyUnderAnotherUrlDoesNotBind() throws Exception {
        VerificationReport r = signAndVerify("https://university.example/issuers/1",
                "https://attacker.example/issuers/1#" + KEY.publicKey().toMultibase());
        assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(r).message()).contains("https://attacker.example/issuers/1");
    }

    @Test
    void aDidWebKeyReadOnlyFromItsFragmentDoesNotBind() throws Exception {
        String did = "did:web:university.example";
        VerificationReport r = signAndVerify(did, did + "#" + KEY.publicKey().toMultibase());
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(r).message()).contains("DID document");
    }

    @Test
    void anUnresolvableIssuerIdIsAWarning() throws Exception {
        VerificationReport r = signAndVerify("urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164",
                DidKey.verificationMethodId(KEY.publicKey()));
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.WARNING);
        assertThat(binding(r).message()).contains("cannot be resolved");
    }
}
