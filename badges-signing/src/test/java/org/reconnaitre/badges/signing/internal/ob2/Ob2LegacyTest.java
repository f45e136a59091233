package org.reconnaitre.badges.signing.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BakedCredential;
import org.reconnaitre.badges.model.Baking;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.crypto.RsaOps;

/**
 * Open Badges 0.5 / 1.0 / 1.1 documents are upgraded to 2.0 on read and verified the same way,
 * through the fetcher, with an {@code ob2-upgrade} warning saying what changed. Fixtures:
 * {@code src/test/resources/ob-legacy} (written for this project), served at https://legacy.example/.
 */
class Ob2LegacyTest {
    static final String BASE = "https://legacy.example/";
    static final KeyPair KEY = RsaOps.generate();

    static Path dir() throws Exception {
        return Path.of(Ob2LegacyTest.class.getResource("/ob-legacy/README.md").toURI()).getParent();
    }

    static Verifier verifier() throws Exception {
        Fetcher files = Fetcher.offline(Map.of(BASE, dir()));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(KEY.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        // the assertion hosted on another origin than its issuer's is served there (by whoever runs that host)
        Fetcher elsewhere = Fetcher.offline(Map.of("https://elsewhere.example/", dir()));
        Fetcher f = url -> url.toString().equals(BASE + "public-key.pem")
                ? new Fetcher.Response(url, 200, "application/x-pem-file", pem.getBytes(StandardCharsets.US_ASCII))
                : url.getHost().equals("elsewhere.example") ? elsewhere.fetch(url) : files.fetch(url);
        return Verifier.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).fetcher(f).build();
    }

    static String read(String name) throws Exception {
        return Files.readString(dir().resolve(name));
    }

    static CheckResult check(VerificationReport r, String id) {
        return r.check(id).orElseThrow(() -> new AssertionError("no " + id + " check in " + r));
    }

    /** A 1.0 signed assertion (compact JWS, RS256) with this uid, its key at https://legacy.example/public-key.pem. */
    static String signed10(String uid, KeyPair key) throws Exception {
        String payload = read("assertions/v10.json").replace("\"v10-1\"", "\"" + uid + "\"")
                .replace("{\"type\": \"hosted\", \"url\": \"https://legacy.example/assertions/v10.json\"}",
                        "{\"type\": \"signed\", \"url\": \"https://legacy.example/public-key.pem\"}");
        assertThat(payload).contains("\"signed\"");
        return Ob2SignedTest.sign(key.getPrivate(), "{\"alg\":\"RS256\"}", payload);
    }

    @Test
    void aHostedOb11AssertionIsUpgradedAndVerified() throws Exception {
        VerificationReport r = verifier().forRecipient(ExpectedRecipient.email("Alice@example.org"))
                .verify(read("assertions/v11.json"));
        assertThat(r.isValid()).as("%s", r).isTrue();
        assertThat(check(r, "ob2-upgrade")).satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.WARNING);
            assertThat(c.message()).startsWith("Open Badges 1.1 assertion upgraded to 2.0 on read")
                    .contains("issuedOn 1483228799 became 2016-12-31T23:59:59Z");
        });
        assertThat(check(r, "proof").outcome()).as("confirmed at its id").isEqualTo(CheckOutcome.PASSED);
        assertThat(check(r, "ob2-verification").message()).contains("legacy.example");
        assertThat(check(r, "recipient").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(check(r, "ob2-fetch").message()).contains("Open Badges 1.1 badge class upgraded");
        assertThat(r.issuerId()).contains(BASE + "issuer-v11.json");
    }

    @Test
    void aHostedOb10AssertionGivenByUrlOrAsABakedUrlIsUpgradedAndVerified() throws Exception {
        Verifier v = verifier();
        byte[] png = Baking.bake(tinyPng(), BASE + "assertions/v10.json", BakedCredential.Version.OB2);
        VerificationReport r = v.verify(png);
        assertThat(r.isValid()).as("a PNG baked with the 1.0 assertion URL: %s", r).isTrue();
        assertThat(check(r, "ob2-upgrade").message()).startsWith("Open Badges 1.0 assertion upgraded")
                .contains("issuedOn \"2014-05-01\" became 2014-05-01T00:00:00Z");
        assertThat(r.credentialId()).contains(BASE + "assertions/v10.json");
        assertThat(check(r, "ob2-fetch").message()).contains("1.0 issuer upgraded").contains("allowedOrigins");
        assertThat(check(r, "validity-period").message()).contains("2014-05-01T00:00:00Z");
        assertThat(check(r, "proof").outcome()).as("served at its verify.url").isEqualTo(CheckOutcome.PASSED);
        VerificationReport text = v.verify(read("assertions/v10.json"));
        assertThat(text.isValid()).as("%s", text).isTrue();
    }

    @Test
    void aHostedOb10AssertionOnAnotherOriginThanItsIssuerFails() throws Exception {
        VerificationReport r = verifier().verify(read("assertions/v10-elsewhere.json"));
        assertThat(r.failures()).extracting(CheckResult::id).containsExactly("ob2-verification");
        assertThat(check(r, "ob2-verification").message()).contains("elsewhere.example").contains("legacy.example");
    }

    @Test
    void aSignedOb10AssertionVerifiesWithItsPemKeyAndTheLegacyRevocationList() throws Exception {
        Verifier v = verifier();
        VerificationReport ok = v.verify(signed10("v10-signed", KEY));
        assertThat(ok.isValid()).as("%s", ok).isTrue();
        assertThat(check(ok, "proof").message()).contains("RS256 signature verifies");
        assertThat(check(ok, "key-binding").message()).contains("issuer's origin legacy.example");
        assertThat(check(ok, "revocation").outcome()).isEqualTo(CheckOutcome.PASSED);

        VerificationReport revoked = v.verify(signed10("v10-revoked", KEY));
        assertThat(revoked.failures()).extracting(CheckResult::id).containsExactly("revocation");
        assertThat(check(revoked, "revocation").message()).contains("Awarded by mistake");

        VerificationReport forged = v.verify(signed10("v10-signed", RsaOps.generate()));
        assertThat(forged.failures()).extracting(CheckResult::id).containsExactly("proof");
    }

    @Test
    void anOb05AssertionIsUpgradedButReportedAsUnverifiable() throws Exception {
        VerificationReport r = verifier().forRecipient(ExpectedRecipient.email("alice@example.org")).verify(read("v05.json"));
        assertThat(r.isValid()).isFalse();
        assertThat(r.failures()).extracting(CheckResult::id).containsExactly("ob2-verification");
        assertThat(check(r, "ob2-verification").message()).contains("0.5").contains("cannot be authenticated");
        assertThat(check(r, "ob2-upgrade").message()).contains("0.5").contains("cannot be verified");
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(check(r, "recipient").outcome()).as("the hashed recipient string still matches")
                .isEqualTo(CheckOutcome.PASSED);
        assertThat(check(r, "validity-period").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.issuerId()).contains("https://legacy.example");
    }

    @Test
    void anOb20DocumentGetsNoUpgradeCheck() throws Exception {
        VerificationReport r = verifier().verify("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Profile\","
                + "\"id\":\"https://x.example/p\",\"name\":\"P\"}");
        assertThat(r.check("ob2-upgrade")).isEmpty();
    }

    /** A valid 1x1 PNG. */
    static byte[] tinyPng() {
        return Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    }
}
