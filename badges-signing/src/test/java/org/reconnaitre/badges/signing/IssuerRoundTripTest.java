package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reconnaitre.badges.model.BadgeException;

/** Sign with {@link Issuer}, verify with {@link Verifier}: every algorithm and suite, both JWT shapes. */
class IssuerRoundTripTest {
    private static final String HTTPS_ISSUER = "https://university.example/issuers/1";

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "P256"})
    void didKeyJwtRoundTrips(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type);
        String jwt = Issuer.with(key).build().signJwt(credential(DidKey.of(key.publicKey())));
        String alg = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
        assertThat(alg).contains("\"alg\":\"" + type.jwsAlgorithm() + "\"").contains("\"typ\":\"JWT\"");
        VerificationReport r = Verifier.builder().clock(CLOCK).build().verify(jwt);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.check("proof").orElseThrow().message()).contains(type.jwsAlgorithm());
        assertThat(r.check("key-binding").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("jwt-claims").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void rsaJwtRoundTripsWithAControllerDocument() throws Exception {
        SigningKey rsa = SigningKey.generate(KeyType.RSA);
        String vm = HTTPS_ISSUER + "#rsa-1";
        String controller = "{\"id\":\"" + HTTPS_ISSUER + "\",\"verificationMethod\":[{\"id\":\"" + vm
                + "\",\"type\":\"JsonWebKey\",\"controller\":\"" + HTTPS_ISSUER + "\",\"publicKeyJwk\":"
                + rsa.publicKey().toJwk() + "}],\"assertionMethod\":[\"" + vm + "\"]}";
        KeyResolver resolver = KeyResolver.builder().controllerDocument(controller).build();
        String jwt = Issuer.with(rsa).verificationMethod(vm).build().signJwt(credential(HTTPS_ISSUER));
        VerificationReport r = Verifier.builder().clock(CLOCK).keyResolver(resolver).build().verify(jwt);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.check("proof").orElseThrow().message()).contains("RS256");
        assertThat(r.check("key-binding").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);

        // the same document without assertionMethod does not authorise the key to issue credentials
        String authenticationOnly = controller.replace("\"assertionMethod\"", "\"authentication\"");
        VerificationReport notForCredentials = Verifier.builder().clock(CLOCK)
                .keyResolver(KeyResolver.builder().controllerDocument(authenticationOnly).build()).build().verify(jwt);
        assertThat(notForCredentials.check("key-binding").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(notForCredentials.check("key-binding").orElseThrow().message()).contains("assertionMethod");
        assertThat(notForCredentials.isValid()).isFalse();
    }

    @Test
    void vcJoseShapeRoundTrips() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256);
        Issuer issuer = Issuer.with(key).jwtOptions(JwtOptions.builder().shape(JwtOptions.Shape.VC_JOSE).build()).build();
        String jwt = issuer.signJwt(credential(DidKey.of(key.publicKey())));
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
        assertThat(header).contains("\"typ\":\"vc+jwt\"").contains("\"cty\":\"vc\"");
        VerificationReport r = Verifier.builder().clock(CLOCK).build().verify(jwt);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.check("parse").orElseThrow().message()).contains("VC-JOSE");
    }

    @Test
    void theJwtPayloadCarriesTheSpecClaims() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String did = DidKey.of(key.publicKey());
        String jwt = Issuer.with(key).build().signJwt(credential(did, "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(payload).contains("\"iss\":\"" + did + "\"").contains("\"nbf\":1704067200").contains("\"exp\":1893456000")
                .contains("\"jti\":\"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002\"")
                .contains("\"sub\":\"did:example:ebfeb1f712ebc6f1c276e12ec21\"");
    }

    @ParameterizedTest
    @EnumSource(value = Cryptosuite.class, names = "ECDSA_SD_2023", mode = EnumSource.Mode.EXCLUDE) // base proofs are for holders
    void dataIntegrityRoundTrips(Cryptosuite suite) throws Exception {
        SigningKey key = SigningKey.generate(suite.keyType());
        Instant created = Instant.parse("2024-02-03T04:05:06Z");
        String signed = Issuer.with(key).build().signDataIntegrity(credential(DidKey.of(key.publicKey())), suite.id(), created);
        assertThat(signed).contains("\"cryptosuite\":\"" + suite.id() + "\"").contains("2024-02-03T04:05:06Z");
        VerificationReport r = Verifier.builder().clock(CLOCK).build().verify(signed);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("key-binding").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void aFixedCreatedDateGivesReproducibleProofs() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        Issuer issuer = Issuer.with(key).build();
        Instant created = Instant.parse("2024-02-03T04:05:06Z");
        String c = credential(DidKey.of(key.publicKey()));
        assertThat(issuer.signDataIntegrity(c, "eddsa-rdfc-2022", created))
                .isEqualTo(issuer.signDataIntegrity(c, "eddsa-rdfc-2022", created));
    }

    @Test
    void aSuiteThatDoesNotFitTheKeyIsRefused() {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        assertThatThrownBy(() -> Issuer.with(key).build().signDataIntegrity(credential("did:example:1"), "ecdsa-rdfc-2019", Instant.EPOCH))
                .isInstanceOf(BadgeException.class).hasMessageContaining("ecdsa-rdfc-2019")
                .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.SIGNING_FAILED);
        assertThatThrownBy(() -> Issuer.with(key).build().signDataIntegrity(credential("did:example:1"), "no-such-suite", Instant.EPOCH))
                .hasMessageContaining("Unknown cryptosuite");
    }

    @Test
    void aCredentialWithoutIssuerCannotBeSignedAsJwt() {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String noIssuer = credential("x").replace("\"issuer\":{\"id\":\"x\",\"type\":[\"Profile\"],\"name\":\"Example University\"},", "");
        assertThatThrownBy(() -> Issuer.with(key).build().signJwt(noIssuer)).isInstanceOf(BadgeException.class)
                .hasMessageContaining("issuer");
    }

    @Test
    void modelCredentialsCanBeSignedDirectly() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256);
        org.reconnaitre.badges.model.Credential c = org.reconnaitre.badges.model.OpenBadges.readCredential(
                credential(DidKey.of(key.publicKey())));
        Issuer issuer = Issuer.with(key).build();
        Verifier verifier = Verifier.builder().clock(CLOCK).build();
        assertThat(verifier.verify(issuer.signJwt(c)).isValid()).isTrue();
        VerificationReport r = verifier.verify(issuer.signDataIntegrity(c, "ecdsa-rdfc-2019", Instant.parse("2024-01-01T00:00:00Z")));
        assertThat(r.isValid()).as(r.toString()).isTrue();
    }

    @Test
    void undefinedTermsAreNotSignedAsJwt() {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String withUndefined = credential(DidKey.of(key.publicKey())).replaceFirst("\\}$", ",\"favouriteColour\":\"blue\"}");
        assertThatThrownBy(() -> Issuer.with(key).build().signJwt(withUndefined)).isInstanceOf(BadgeException.class)
                .hasMessageContaining("favouriteColour")
                .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.INVALID_DOCUMENT);
    }
}
