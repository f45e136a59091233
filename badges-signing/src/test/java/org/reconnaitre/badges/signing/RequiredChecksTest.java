package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * Issue #22 §1, "valid only when every required check ran and passed": one test per row of the
 * table of required checks in SECURITY.md. Each starts from a credential that verifies, then takes
 * away the means to run one required check (no fetcher, depth 0, an unknown status or proof type,
 * no recipient to compare) and asserts that the verdict turns into <em>not verified</em>, with the
 * check that could not run among the failures. (CLR 2.0 and Open Badges 2.0 have their rows in
 * {@code VerifierClrTest} and {@code Ob2FixturesTest} / {@code Ob2TrustTest}.)
 */
class RequiredChecksTest {
    private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    private static final String DID_KEY = DidKey.of(KEY.publicKey());
    private static final String DID_WEB = "did:web:university.example";
    private static final String DID_DOC_URL = "https://university.example/.well-known/did.json";
    private static final String LIST_URL = "https://university.example/status/1";
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    private static String didWebDocument() {
        return "{\"@context\":[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"],"
                + "\"id\":\"" + DID_WEB + "\",\"verificationMethod\":[{\"id\":\"" + DID_WEB + "#key-1\",\"type\":\"Multikey\","
                + "\"controller\":\"" + DID_WEB + "\",\"publicKeyMultibase\":\"" + KEY.publicKey().toMultibase() + "\"}],"
                + "\"assertionMethod\":[\"" + DID_WEB + "#key-1\"]}";
    }

    private static Issuer didWebIssuer() {
        return Issuer.with(KEY).verificationMethod(DID_WEB + "#key-1").build();
    }

    private static String withStatus(String credential, String type) {
        return credential.replaceFirst("\\}$", ",\"credentialStatus\":{\"id\":\"" + LIST_URL + "#7\",\"type\":\"" + type
                + "\",\"statusPurpose\":\"revocation\",\"statusListIndex\":\"7\",\"statusListCredential\":\"" + LIST_URL + "\"}}");
    }

    /** A list of the spec's minimum size with nothing set, signed by the did:web issuer. */
    private static String emptyList() throws Exception {
        byte[] bits = new byte[16 * 1024];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bits);
        }
        String encoded = "u" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        String list = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"" + LIST_URL + "\","
                + "\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],\"issuer\":\"" + DID_WEB + "\","
                + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"" + LIST_URL + "#list\","
                + "\"type\":\"BitstringStatusList\",\"statusPurpose\":\"revocation\",\"encodedList\":\"" + encoded + "\"}}";
        return didWebIssuer().signDataIntegrity(list, "eddsa-rdfc-2022", CREATED);
    }

    private static HostileFetcher issuerServer() throws Exception {
        return HostileFetcher.builder().json(DID_DOC_URL, didWebDocument()).json(LIST_URL, emptyList()).build();
    }

    private static Verifier online() throws Exception {
        return Verifier.builder().clock(CLOCK).fetcher(issuerServer()).build();
    }

    private static Verifier offline() {
        return Verifier.builder().clock(CLOCK).build();
    }

    private static void assertValid(VerificationReport r) {
        assertThat(r.isValid()).as(r.toString()).isTrue();
    }

    private static void assertNotVerified(VerificationReport r, String check) {
        assertThat(r.isValid()).as(r.toString()).isFalse();
        assertThat(r.failures()).as(r.toString()).extracting(CheckResult::id).contains(check);
    }

    @Test
    void ob3WithEmbeddedProofNeedsTheIssuersDocumentToBindADidWebKey() throws Exception {
        String signed = didWebIssuer().signDataIntegrity(credential(DID_WEB), "eddsa-rdfc-2022", CREATED);
        assertValid(online().verify(signed));
        VerificationReport r = offline().verify(signed);
        assertNotVerified(r, "proof");
        assertThat(r.check("proof").orElseThrow().message()).contains("university.example");
    }

    @Test
    void ob3WithADeclaredStatusNeedsAFetcherToReachItsList() throws Exception {
        String signed = didWebIssuer().signDataIntegrity(withStatus(credential(DID_WEB), "BitstringStatusListEntry"),
                "eddsa-rdfc-2022", CREATED);
        VerificationReport reachable = online().verify(signed);
        assertValid(reachable);
        assertThat(reachable.check("status").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        // the key is a did:key here, so only the status list needs the network
        String keyOnly = Issuer.with(KEY).build().signDataIntegrity(withStatus(credential(DID_KEY), "BitstringStatusListEntry"),
                "eddsa-rdfc-2022", CREATED);
        VerificationReport r = offline().verify(keyOnly);
        assertNotVerified(r, "status");
        assertThat(r.check("status").orElseThrow().message()).contains("university.example");
    }

    @Test
    void ob3WithAnUnknownStatusMethodIsNotVerified() throws Exception {
        String known = didWebIssuer().signDataIntegrity(withStatus(credential(DID_WEB), "BitstringStatusListEntry"),
                "eddsa-rdfc-2022", CREATED);
        assertValid(online().verify(known));
        String unknown = didWebIssuer().signDataIntegrity(credential(DID_WEB).replaceFirst("\\}$",
                ",\"credentialStatus\":{\"id\":\"" + LIST_URL + "#7\",\"type\":\"https://example.org/status#FancyStatusEntry2099\"}}"), "eddsa-rdfc-2022", CREATED);
        VerificationReport r = online().verify(unknown);
        assertNotVerified(r, "status");
        assertThat(r.check("status").orElseThrow().message()).contains("FancyStatusEntry2099");
    }

    @Test
    void ob3WithAnUnknownCryptosuiteIsNotVerified() throws Exception {
        String signed = Issuer.with(KEY).build().signDataIntegrity(credential(DID_KEY), "eddsa-rdfc-2022", CREATED);
        assertValid(offline().verify(signed));
        VerificationReport r = offline().verify(signed.replace("\"eddsa-rdfc-2022\"", "\"eddsa-rdfc-2099\""));
        assertNotVerified(r, "proof");
        assertThat(r.check("proof").orElseThrow().message()).contains("eddsa-rdfc-2099");
    }

    @Test
    void ob3WithEndorsementsNeedsTheDepthToVerifyThem() throws Exception {
        String endorsement = Issuer.with(KEY).build().signDataIntegrity(endorsementOf("urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002"),
                "eddsa-rdfc-2022", CREATED);
        String signed = Issuer.with(KEY).build().signDataIntegrity(
                credential(DID_KEY).replaceFirst("\\}$", ",\"endorsement\":[" + endorsement + "]}"), "eddsa-rdfc-2022", CREATED);
        assertValid(offline().verify(signed));
        VerificationReport r = Verifier.builder().clock(CLOCK).maxEndorsementDepth(0).build().verify(signed);
        assertNotVerified(r, "endorsements");
        assertThat(r.check("endorsements").orElseThrow().message()).contains("maxEndorsementDepth");
    }

    @Test
    void vcJwtNeedsTheIssuersDocumentForAKidOnADidWeb() throws Exception {
        String jwt = didWebIssuer().signJwt(credential(DID_WEB));
        assertValid(online().verify(jwt));
        assertNotVerified(offline().verify(jwt), "proof");
    }

    @Test
    void vcJwtWithADeclaredStatusNeedsAFetcher() throws Exception {
        String jwt = didWebIssuer().signJwt(withStatus(credential(DID_WEB), "BitstringStatusListEntry"));
        assertValid(online().verify(jwt));
        Verifier keysOnly = Verifier.builder().clock(CLOCK)
                .fetcher(HostileFetcher.builder().json(DID_DOC_URL, didWebDocument()).build()).build();
        assertNotVerified(keysOnly.verify(jwt), "status");
    }

    @Test
    void anEndorsementCredentialNeedsItsIssuersDocument() throws Exception {
        String endorsement = didWebIssuer().signDataIntegrity(endorsementOf("https://example.com/achievements/teamwork")
                .replace(DID_KEY, DID_WEB), "eddsa-rdfc-2022", CREATED);
        assertValid(online().verify(endorsement));
        assertNotVerified(offline().verify(endorsement), "proof");
    }

    @Test
    void aStatusListCredentialIsACredentialLikeAnyOther() throws Exception {
        String list = emptyList();
        assertValid(online().verify(list));
        assertNotVerified(offline().verify(list), "proof");
    }

    @Test
    void anExpectedRecipientMustBeFoundInTheCredential() throws Exception {
        String signed = Issuer.with(KEY).build().signDataIntegrity(credential(DID_KEY), "eddsa-rdfc-2022", CREATED);
        VerificationReport plain = offline().verify(signed);
        assertValid(plain);
        assertThat(plain.check("recipient").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
        String anonymous = Issuer.with(KEY).build().signDataIntegrity(
                credential(DID_KEY).replace("\"id\":\"did:example:ebfeb1f712ebc6f1c276e12ec21\",", ""), "eddsa-rdfc-2022", CREATED);
        assertNotVerified(offline().forRecipient(ExpectedRecipient.email("alice@example.org")).verify(anonymous), "recipient");
    }

    private static String endorsementOf(String subjectId) {
        return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"urn:uuid:2f1d6c5e-8d53-4f6f-9a3e-9d0b7c1a5e11\","
                + "\"type\":[\"VerifiableCredential\",\"EndorsementCredential\"],"
                + "\"issuer\":{\"id\":\"" + DID_KEY + "\",\"type\":[\"Profile\"],\"name\":\"Employers' federation\"},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"name\":\"Endorsement\","
                + "\"credentialSubject\":{\"id\":\"" + subjectId + "\",\"type\":[\"EndorsementSubject\"],"
                + "\"endorsementComment\":\"Relevant for warehouse jobs.\"}}";
    }
}
