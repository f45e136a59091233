package org.reconnaitre.badges.signing.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.crypto.RsaOps;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Open Badges 2.0 endorsements are verified like assertions (hosted or signed, through the
 * fetcher), must endorse what they are attached to, and are reported one nested report each. The
 * endorser's documents are the committed fixtures in {@code src/test/resources/ob2-endorsements}.
 */
class Ob2EndorsementsTest {
    static final String ENDORSER = "https://endorser.example/";
    static final String KEY_URL = ENDORSER + "key.json";
    static final KeyPair KEY = RsaOps.generate();

    static Path resources() throws Exception {
        return Path.of(Ob2EndorsementsTest.class.getResource("/ob2-endorsements/README.md").toURI()).getParent();
    }

    /** The ob20 assets at example.org, the endorser's fixtures, a signing endorser profile and its key. */
    static Fetcher fetcher(AtomicInteger count, String hosted) throws Exception {
        String hostedId = Json.parse(hosted).path("id").asText();
        Path assets = SharedData.openbadges().resolve("fixtures/1edtech-validator/ob20/assets");
        Fetcher files = Fetcher.offline(Map.of("https://example.org/", assets, "http://example.org/", assets,
                ENDORSER, resources()));
        String pem = "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded())
                + "\\n-----END PUBLIC KEY-----";
        String key = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"CryptographicKey\",\"id\":\"" + KEY_URL
                + "\",\"owner\":\"" + ENDORSER + "signer.json\",\"publicKeyPem\":\"" + pem + "\"}";
        String signer = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Profile\",\"id\":\"" + ENDORSER
                + "signer.json\",\"name\":\"Signing endorser\",\"publicKey\":\"" + KEY_URL + "\"}";
        return url -> {
            count.incrementAndGet();
            String u = url.toString();
            if (u.equals(hostedId)) { // the endorsed assertion, served by its issuer at its id
                return new Fetcher.Response(url, 200, "application/json", hosted.getBytes(StandardCharsets.UTF_8));
            }
            if (u.equals(KEY_URL) || u.equals(ENDORSER + "signer.json")) {
                return new Fetcher.Response(url, 200, "application/json",
                        (u.equals(KEY_URL) ? key : signer).getBytes(StandardCharsets.UTF_8));
            }
            return files.fetch(url);
        };
    }

    /** Verifies the endorsed assertion, served at its id along with everything it links to. */
    static VerificationReport verify(AtomicInteger count, String assertion) throws Exception {
        return Verifier.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .fetcher(fetcher(count, assertion)).build().verify(assertion);
    }

    /** basic-assertion.json with these endorsements on the assertion and on its (embedded) badge class. */
    static String endorsed(String[] onAssertion, String[] onBadge) throws Exception {
        Path root = SharedData.openbadges();
        ObjectNode a = (ObjectNode) Json.parse(Files.readString(root.resolve("fixtures/1edtech-validator/ob20/basic-assertion.json")));
        ObjectNode badge = (ObjectNode) Json.parse(Files.readString(root.resolve("fixtures/1edtech-validator/ob20/assets/robotics-badge.json")));
        ArrayNode ea = a.putArray("endorsement");
        for (String e : onAssertion) {
            ea.add(e.startsWith("{") ? Json.parse(e) : Json.mapper().getNodeFactory().textNode(e));
        }
        ArrayNode eb = badge.putArray("endorsement");
        for (String e : onBadge) {
            eb.add(e);
        }
        a.set("badge", badge);
        return Json.write(a);
    }

    static String signedEndorsement(String claimId) {
        String payload = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Endorsement\",\"id\":\"urn:uuid:"
                + "5a5a2c4e-1f5e-4a8e-9c57-0d9f1b2c3d4e\",\"issuer\":\"" + ENDORSER + "signer.json\",\"issuedOn\":"
                + "\"2018-03-01T00:00:00Z\",\"claim\":{\"id\":\"" + claimId + "\"},\"verification\":{\"type\":\"signed\","
                + "\"creator\":\"" + KEY_URL + "\"}}";
        return Ob2SignedTest.sign(KEY.getPrivate(), "{\"alg\":\"RS256\"}", payload);
    }

    @Test
    void hostedAndSignedEndorsementsOfTheRightObjectsPass() throws Exception {
        VerificationReport r = verify(new AtomicInteger(), endorsed(
                new String[] {ENDORSER + "endorsement-of-assertion.json",
                        signedEndorsement("https://example.org/beths-robotics-badge.json")},
                new String[] {ENDORSER + "endorsement-of-badge.json"}));
        assertThat(r.isValid()).as("%s", r).isTrue();
        assertThat(r.check("endorsements")).get().satisfies(c -> {
            assertThat(c.outcome()).as("%s", c).isEqualTo(CheckOutcome.PASSED);
            assertThat(c.message()).contains("All 3");
        });
        assertThat(r.endorsements()).hasSize(3);
        VerificationReport signed = r.endorsements().get(1);
        assertThat(signed.format()).isEqualTo(VerificationReport.Format.JWT);
        assertThat(signed.check("proof").orElseThrow().message()).contains("RS256 signature verifies");
        assertThat(signed.check("key-binding").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.endorsements().get(0).issuerId()).contains(ENDORSER + "issuer-5.json");
        assertThat(r.endorsements().get(0).check("recipient").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(r.toDetailedJson()).contains("\"endorsements\":[");
    }

    @Test
    void anEndorsementOfSomethingElseOrThatDoesNotVerifyFailsTheCheck() throws Exception {
        AtomicInteger n = new AtomicInteger();
        VerificationReport elsewhere = verify(n, endorsed(new String[] {ENDORSER + "endorsement-of-something-else.json"},
                new String[0]));
        assertThat(elsewhere.failures()).extracting(CheckResult::id).containsExactly("endorsements");
        assertThat(elsewhere.check("endorsements").orElseThrow().message())
                .contains("https://other.example/badges/cooking.json").contains("not the assertion it is attached to");
        assertThat(elsewhere.endorsements()).as("an endorsement of something else is not counted").isEmpty();

        VerificationReport revoked = verify(n, endorsed(new String[0], new String[] {ENDORSER + "endorsement-revoked.json"}));
        assertThat(revoked.failures()).extracting(CheckResult::id).containsExactly("endorsements");
        assertThat(revoked.check("endorsements").orElseThrow().message()).contains("Issued in error");
        assertThat(revoked.endorsements().get(0).failures()).extracting(CheckResult::id).containsExactly("revocation");

        VerificationReport noClaim = verify(n, endorsed(new String[] {ENDORSER + "endorsement-without-claim.json"},
                new String[0]));
        assertThat(noClaim.endorsements().get(0).failures()).extracting(CheckResult::id).containsExactly("schema");
        assertThat(noClaim.isValid()).isFalse();

        String forged = signedEndorsement("https://example.org/beths-robotics-badge.json");
        forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        VerificationReport tampered = verify(n, endorsed(new String[] {forged}, new String[0]));
        assertThat(tampered.failures()).extracting(CheckResult::id).containsExactly("endorsements");
        assertThat(tampered.endorsements().get(0).check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);

        String notAnEndorsement = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Profile\","
                + "\"id\":\"https://x.example/p\",\"name\":\"P\"}";
        VerificationReport profile = verify(n, endorsed(new String[] {notAnEndorsement}, new String[0]));
        assertThat(profile.check("endorsements").orElseThrow().message()).contains("not an Open Badges 2.0 Endorsement");
        assertThat(profile.isValid()).isFalse();
    }

    @Test
    void anUnreachableEndorsementFailsTheCheckWithTheReason() throws Exception {
        VerificationReport r = verify(new AtomicInteger(), endorsed(
                new String[] {"https://nowhere.example/endorsement.json"}, new String[0]));
        assertThat(r.isValid()).as("an endorsement nobody verified leaves the badge not verified: %s", r).isFalse();
        assertThat(r.failures()).extracting(CheckResult::id).containsExactly("endorsements");
        assertThat(r.check("endorsements").orElseThrow().message()).contains("could not be fetched")
                .contains("https://nowhere.example/endorsement.json");
    }

    @Test
    void endorsementsAreBoundedInNumberAndFetches() throws Exception {
        String[] many = new String[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = ENDORSER + "endorsement-of-assertion.json?n=" + i;
        }
        AtomicInteger fetches = new AtomicInteger();
        VerificationReport r = verify(fetches, endorsed(many, new String[0]));
        assertThat(r.endorsements()).hasSize(Ob2Verifier.MAX_ENDORSEMENTS);
        assertThat(r.check("endorsements").orElseThrow().message()).contains("Only the first 16 of 40");
        assertThat(fetches.get()).as("fetches for one badge").isLessThanOrEqualTo(Ob2Verifier.MAX_TOTAL_FETCHES);
    }
}
