package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;
import static org.reconnaitre.badges.signing.VerifierTestSupport.verifier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.model.Baking;
import org.reconnaitre.badges.model.Fetcher;

/** The pipeline as a whole: order of checks, bad input, status and endorsement handling, threads. */
class VerifierPipelineTest {
    private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    private static final String DID = DidKey.of(KEY.publicKey());

    private static String signed(String json) throws Exception {
        return Issuer.with(KEY).build().signDataIntegrity(json, "eddsa-rdfc-2022", Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void checksComeInPipelineOrder() throws Exception {
        VerificationReport r = verifier().verify(signed(credential(DID)));
        assertThat(r.checks()).extracting(CheckResult::id).containsExactly("format", "parse", "context-and-type",
                "schema", "proof", "signed-data", "key-binding", "recipient", "validity-period", "status", "endorsements");
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.format()).isEqualTo(VerificationReport.Format.JSON);
        assertThat(r.issuerId()).contains(DID);
        assertThat(r.check("schema").orElseThrow().outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void aSchemaViolationFailsTheSchemaCheckWithItsRule() throws Exception {
        String noAchievement = credential(DID).replaceFirst(",\"achievement\":\\{.*\\}\\}\\}$", "}}");
        assertThat(noAchievement).doesNotContain("achievement\"");
        VerificationReport r = verifier().verify(signed(noAchievement));
        CheckResult schema = r.check("schema").orElseThrow();
        assertThat(schema.outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(schema.message()).contains("achievement");
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(Verifier.builder().clock(CLOCK).schemaValidation(false).build().verify(signed(noAchievement))
                .check("schema").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void garbageNeverThrowsAndSaysWhy() {
        for (byte[] junk : List.of(new byte[0], "hello".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                "{\"unterminated\":".getBytes(StandardCharsets.UTF_8), "[1,2,3]".getBytes(StandardCharsets.UTF_8),
                "eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.AAAA".getBytes(StandardCharsets.UTF_8),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".getBytes(StandardCharsets.UTF_8))) {
            VerificationReport r = verifier().verify(junk);
            assertThat(r.isValid()).as(new String(junk, StandardCharsets.UTF_8)).isFalse();
            assertThat(r.failures().get(0).message()).isNotBlank();
            assertThat(r.check("proof")).map(CheckResult::outcome).contains(CheckOutcome.SKIPPED);
        }
        assertThatThrownBy(() -> verifier().verify((String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void deeplyNestedJsonIsRefusedNotCrashed() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        VerificationReport r = verifier().verify(deep);
        assertThat(r.check("parse").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void noProofAtAllFails() {
        VerificationReport r = verifier().verify(credential(DID));
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.check("proof").orElseThrow().message()).contains("no securing mechanism");
    }

    @Test
    void aWrongFirstContextFailsContextAndType() throws Exception {
        String c = credential(DID).replace("\"https://www.w3.org/ns/credentials/v2\",", "");
        VerificationReport r = verifier().verify(c);
        assertThat(r.check("context-and-type").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.check("context-and-type").orElseThrow().message()).contains("first @context");
    }

    @Test
    void anOpenBadges2AssertionIsNamedAsSuch() {
        String ob2 = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"https://example.org/a\"}";
        VerificationReport r = verifier().verify(ob2);
        CheckResult c = r.check("context-and-type").orElseThrow();
        assertThat(c.message()).contains("Open Badges 2.0");
        // verified by the OB 2.0 verifier: this stub lacks recipient, badge, verification and issuedOn
        assertThat(r.isValid()).isFalse();
        assertThat(r.check("schema").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void statusFailsWithoutFetcherAndIsDelegatedWithOne() throws Exception {
        String withStatus = credential(DID).replaceFirst("\\}$", ",\"credentialStatus\":{\"id\":\"https://status.example/1#5\","
                + "\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":\"revocation\",\"statusListIndex\":\"5\","
                + "\"statusListCredential\":\"https://status.example/1\"}}");
        String signed = signed(withStatus);
        // a declared status that cannot be looked up is not a pass (fail closed)
        VerificationReport offline = verifier().verify(signed);
        CheckResult unchecked = offline.check("status").orElseThrow();
        assertThat(unchecked.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(unchecked.message()).contains("revocation and suspension could not be checked: configure a fetcher"
                + " that allows status.example");
        assertThat(offline.isValid()).isFalse();

        AtomicInteger calls = new AtomicInteger();
        Verifier withChecker = Verifier.builder().clock(CLOCK).fetcher(Fetcher.offline(java.util.Map.of()))
                .statusCheck(req -> {
                    calls.incrementAndGet();
                    assertThat(req.credentialStatusJson()).contains("statusListIndex");
                    assertThat(req.now()).isEqualTo(VerifierTestSupport.NOW);
                    return CheckResult.failed("status", "revoked (index 5 is set)");
                }).build();
        VerificationReport r = withChecker.verify(signed);
        assertThat(calls).hasValue(1);
        assertThat(r.check("status").orElseThrow().message()).isEqualTo("revoked (index 5 is set)");
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void aStatusCheckThatVerifiesTheCredentialAgainCannotLoop() throws Exception {
        String withStatus = signed(credential(DID).replaceFirst("\\}$", ",\"credentialStatus\":{\"id\":\"https://status.example/1#5\","
                + "\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":\"revocation\",\"statusListIndex\":\"5\","
                + "\"statusListCredential\":\"https://status.example/1\"}}"));
        AtomicInteger calls = new AtomicInteger();
        Verifier v = Verifier.builder().clock(CLOCK).fetcher(Fetcher.offline(java.util.Map.of()))
                .statusCheck(req -> {
                    calls.incrementAndGet();
                    VerificationReport list = req.verifier().verify(req.credentialJson());
                    return list.isValid() ? CheckResult.passed("status", "list ok") : CheckResult.failed("status", "list bad");
                }).build();
        VerificationReport r = v.verify(withStatus);
        assertThat(calls).hasValue(1);
        // the verifier handed to a status check does not follow status itself: a document it verifies
        // that declares a credentialStatus fails there, instead of looping or passing unchecked
        assertThat(r.check("status").orElseThrow().message()).isEqualTo("list bad");
    }

    @Test
    void endorsementsAreVerifiedRecursivelyUpToTheDepthLimit() throws Exception {
        SigningKey endorser = SigningKey.generate(KeyType.ED25519);
        String endorsement = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"urn:uuid:e1\",\"type\":[\"VerifiableCredential\",\"EndorsementCredential\"],"
                + "\"name\":\"Endorsement\",\"issuer\":{\"id\":\"" + DidKey.of(endorser.publicKey()) + "\",\"type\":[\"Profile\"]},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\","
                + "\"credentialSubject\":{\"id\":\"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002\",\"type\":[\"EndorsementSubject\"]}}";
        String signedEndorsement = Issuer.with(endorser).build().signDataIntegrity(endorsement, "eddsa-rdfc-2022",
                Instant.parse("2024-01-01T00:00:00Z"));
        String tamperedEndorsement = signedEndorsement.replace("\"name\":\"Endorsement\"", "\"name\":\"Forged\"");
        String c = credential(DID).replaceFirst("\\}$", ",\"endorsement\":[" + signedEndorsement + "," + tamperedEndorsement + "]}");
        String signed = signed(c);

        VerificationReport r = verifier().verify(signed);
        assertThat(r.endorsements()).hasSize(2);
        assertThat(r.endorsements().get(0).isValid()).as(r.endorsements().get(0).toString()).isTrue();
        assertThat(r.endorsements().get(1).isValid()).isFalse();
        assertThat(r.check("endorsements").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.check("endorsements").orElseThrow().message()).contains("1 of 2");
        assertThat(r.isValid()).isFalse();
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);

        String misattached = signed(credential(DID).replace("urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002", "urn:uuid:other")
                .replaceFirst("\\}$", ",\"endorsement\":[" + signedEndorsement + "]}"));
        VerificationReport elsewhere = verifier().verify(misattached);
        // a genuine endorsement of something else is reported as not endorsing this credential
        assertThat(elsewhere.endorsements().get(0).isValid()).isFalse();
        assertThat(elsewhere.endorsements().get(0).check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(elsewhere.check("endorsements").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(elsewhere.check("endorsements").orElseThrow().message()).contains("not the credential (urn:uuid:other)");

        // endorsements that the depth limit keeps from being verified cannot be trusted (fail closed)
        VerificationReport shallow = Verifier.builder().clock(CLOCK).maxEndorsementDepth(0).build().verify(signed);
        assertThat(shallow.endorsements()).isEmpty();
        assertThat(shallow.check("endorsements").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(shallow.check("endorsements").orElseThrow().message()).contains("maxEndorsementDepth");
        assertThat(shallow.isValid()).isFalse();
    }

    @Test
    void aBakedImageIsUnbakedAndVerified(@TempDir Path dir) throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>".getBytes(StandardCharsets.UTF_8);
        String jwt = Issuer.with(KEY).build().signJwt(credential(DID));
        byte[] baked = Baking.bake(svg, jwt);
        Path file = Files.write(dir.resolve("badge.svg"), baked);
        VerificationReport r = verifier().verify(file);
        assertThat(r.format()).isEqualTo(VerificationReport.Format.SVG);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.check("format").orElseThrow().message()).contains("compact JWT");
    }

    @Test
    void validityUsesTheInjectedClockAndSkew() throws Exception {
        String c = signed(credential(DID, "2025-06-01T12:03:00Z", null));
        assertThat(verifier().verify(c).check("validity-period").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        Verifier strict = Verifier.builder().clock(CLOCK).clockSkew(Duration.ZERO).build();
        assertThat(strict.verify(c).check("validity-period").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        Verifier later = Verifier.builder().clock(Clock.fixed(Instant.parse("2025-06-02T00:00:00Z"), ZoneOffset.UTC))
                .clockSkew(Duration.ZERO).build();
        assertThat(later.verify(c).check("validity-period").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void twoThreadsGetEqualReports() throws Exception {
        Verifier shared = verifier();
        String signedJson = signed(credential(DID));
        String jwt = Issuer.with(KEY).build().signJwt(credential(DID));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String input : List.of(signedJson, jwt)) {
                Callable<VerificationReport> task = () -> shared.verify(input);
                Future<VerificationReport> a = pool.submit(task);
                Future<VerificationReport> b = pool.submit(task);
                VerificationReport ra = a.get();
                assertThat(ra.isValid()).as(ra.toString()).isTrue();
                assertThat(ra).isEqualTo(b.get());
                assertThat(ra.toJson()).isEqualTo(b.get().toJson());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void builderRefusesNonsense() {
        assertThatThrownBy(() -> Verifier.builder().clockSkew(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verifier.builder().maxEndorsementDepth(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verifier.builder().keyCacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verifier.builder().fetcher(null)).isInstanceOf(NullPointerException.class);
    }
}
