package org.reconnaitre.badges.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.conformance.Credentials.AT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.IdentityHash;
import org.reconnaitre.badges.model.Severity;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.SigningKey;

/** Issuer profile checks: did:web through the caller's fetcher, key ownership, recipient hashes. */
class IssuerProfileChecksTest {
    static final String DID = "did:web:issuer.example";
    static final String VM = DID + "#key-1";

    @TempDir
    Path dir;

    Fetcher didWeb(SigningKey key) throws Exception {
        Path doc = dir.resolve("did.json");
        Files.writeString(doc, "{\"@context\":[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"],"
                + "\"id\":\"" + DID + "\",\"verificationMethod\":[{\"id\":\"" + VM + "\",\"type\":\"Multikey\","
                + "\"controller\":\"" + DID + "\",\"publicKeyMultibase\":\"" + key.publicKey().toMultibase() + "\"}],"
                + "\"assertionMethod\":[\"" + VM + "\"]}");
        return Fetcher.offline(Map.of("https://issuer.example/.well-known/did.json", doc));
    }

    String sign(SigningKey key, String vm, String credential) throws Exception {
        return Issuer.with(key).verificationMethod(vm).build().signDataIntegrity(credential, "eddsa-rdfc-2022",
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void aDidWebIssuerResolvesThroughTheCallersFetcher() throws Exception {
        SigningKey key = Credentials.ed25519();
        String signed = sign(key, VM, Credentials.unsigned(DID));
        ConformanceReport r = ConformanceKit.builder().at(AT).fetcher(didWeb(key)).build().check(signed);
        assertThat(r.isConformant()).as(r.toString()).isTrue();
        assertThat(r.passedRules()).contains(ConformanceRules.ISSUER_RESOLVABLE, ConformanceRules.ISSUER_KEY, "VERIFY-KEY-BINDING");
    }

    @Test
    void withoutAFetcherTheDidWebIssuerIsOnlyAWarningForTheKitButNotBoundForTheVerifier() throws Exception {
        SigningKey key = Credentials.ed25519();
        String signed = sign(key, VM, Credentials.unsigned(DID));
        ConformanceReport r = ConformanceKit.builder().at(AT).build().check(signed);
        assertThat(r.first(ConformanceRules.ISSUER_RESOLVABLE)).get().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.message()).contains("https://issuer.example/.well-known/did.json").contains("Fetcher");
        });
    }

    @Test
    void aKeyThatIsNotTheIssuersIsCaught() throws Exception {
        SigningKey issuerKey = Credentials.ed25519();
        SigningKey intruder = Credentials.ed25519();
        // signed by the intruder's did:key while claiming the did:web issuer
        String signed = Issuer.with(intruder).build().signDataIntegrity(Credentials.unsigned(DID), "eddsa-rdfc-2022",
                Instant.parse("2024-01-01T00:00:00Z"));
        ConformanceReport r = ConformanceKit.builder().at(AT).fetcher(didWeb(issuerKey)).build().check(signed);
        assertThat(r.isConformant()).isFalse();
        assertThat(r.first(ConformanceRules.ISSUER_KEY)).get().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.path()).isEqualTo("/proof/verificationMethod");
            assertThat(v.message()).contains("not by the issuer " + DID);
        });
        assertThat(r.errors()).extracting(Violation::ruleId).contains("VERIFY-KEY-BINDING");
    }

    @Test
    void aKeyListedOnlyInTheIssuerProfileEmbeddedByTheSignerIsNotTheIssuers() throws Exception {
        SigningKey issuerKey = Credentials.ed25519();
        SigningKey intruder = Credentials.ed25519();
        String vm = DID + "#key-2";
        // the signer writes the issuer's "profile" into the credential, listing its own key for the issuer
        String claimed = Credentials.unsigned(DID).replace("\"name\":\"Example Training Centre\"}",
                "\"name\":\"Example Training Centre\",\"verificationMethod\":[{\"id\":\"" + vm + "\",\"type\":\"Multikey\","
                        + "\"controller\":\"" + DID + "\",\"publicKeyMultibase\":\"" + intruder.publicKey().toMultibase() + "\"}],"
                        + "\"assertionMethod\":[\"" + vm + "\"]}").replace("context-3.0.3.json\"]",
                "context-3.0.3.json\",\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"]");
        String signed = sign(intruder, vm, claimed);
        ConformanceReport r = ConformanceKit.builder().at(AT).fetcher(didWeb(issuerKey)).robustness(false).build().check(signed);
        assertThat(r.isConformant()).isFalse();
        assertThat(r.first(ConformanceRules.ISSUER_KEY)).get().satisfies(v -> assertThat(v.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void aMissingDidDocumentIsAnError() throws Exception {
        SigningKey key = Credentials.ed25519();
        String signed = sign(key, VM, Credentials.unsigned(DID));
        Fetcher empty = Fetcher.offline(Map.of("https://issuer.example/.well-known/did.json", dir.resolve("absent.json")));
        ConformanceReport r = ConformanceKit.builder().at(AT).fetcher(empty).build().check(signed);
        assertThat(r.errors()).extracting(Violation::ruleId).contains(ConformanceRules.ISSUER_RESOLVABLE);
    }

    @Test
    void aHashedRecipientIsCheckedAgainstTheExpectedIdentity() throws Exception {
        SigningKey key = Credentials.ed25519();
        String signed = Credentials.signed(key);
        ConformanceReport same = ConformanceKit.builder().at(AT).expectedRecipient(" Learner@Example.org ").build().check(signed);
        assertThat(same.passedRules()).contains("VERIFY-RECIPIENT");
        assertThat(same.violations()).extracting(Violation::ruleId)
                .doesNotContain("VERIFY-RECIPIENT", ConformanceRules.RECIPIENT_MATCH);
        // a hash made with another salt does not match
        String otherSalt = Credentials.signed(key).replace(IdentityHash.createEmail(Credentials.RECIPIENT, Credentials.SALT).toString(),
                IdentityHash.createEmail(Credentials.RECIPIENT, "another-salt").toString());
        ConformanceReport other = ConformanceKit.builder().at(AT).robustness(false).expectedRecipient(Credentials.RECIPIENT)
                .build().check(otherSalt);
        assertThat(other.violationsOf("VERIFY-RECIPIENT")).hasSize(1);
        assertThat(other.violationsOf(ConformanceRules.RECIPIENT_MATCH)).as("reported once, by the verifier").isEmpty();
    }

    @Test
    void aMalformedIdentityHashIsReportedByTheValidatorRule() throws Exception {
        SigningKey key = Credentials.ed25519();
        String signed = Issuer.with(key).build().signDataIntegrity(
                Credentials.unsigned(org.reconnaitre.badges.signing.DidKey.of(key.publicKey()), "sha256$not-hex"),
                "eddsa-rdfc-2022", Instant.parse("2024-01-01T00:00:00Z"));
        ConformanceReport r = ConformanceKit.builder().at(AT).build().check(signed);
        assertThat(r.first("IDENTITY-HASH")).get().satisfies(v -> assertThat(v.path()).startsWith("/credentialSubject/identifier/0"));
    }
}
