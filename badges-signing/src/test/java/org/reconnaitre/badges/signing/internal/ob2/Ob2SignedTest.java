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
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.crypto.RsaOps;
import org.reconnaitre.badges.testing.SharedData;

/** A signed OB 2.0 assertion must be signed by a key its issuer owns and lists, with RS256. */
class Ob2SignedTest {
    static final String KEY_URL = "https://attacker.example/key.json";
    static final KeyPair ATTACKER = RsaOps.generate();

    static String payload() throws Exception {
        String jws = Files.readString(SharedData.openbadges().resolve("fixtures/1edtech-validator/ob20/simple.jwt")).strip();
        String p = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
        return p.replace("http://example.org/key1.json", KEY_URL);
    }

    static String sign(String header, String payload) {
        return sign(ATTACKER.getPrivate(), header, payload);
    }

    /** @return the compact JWS of this header and payload, signed RS256 with the key */
    static String sign(java.security.PrivateKey key, String header, String payload) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String input = b.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return input + "." + b.encodeToString(RsaOps.sign(key, input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Serves the attacker's key (claiming {@code owner}) and the ob20 assets. */
    static Verifier verifier(String owner) {
        Path assets = SharedData.openbadges().resolve("fixtures/1edtech-validator/ob20/assets");
        Fetcher base = Fetcher.offline(Map.of("https://example.org/", assets, "http://example.org/", assets));
        String pem = "-----BEGIN PUBLIC KEY-----\\n"
                + Base64.getEncoder().encodeToString(ATTACKER.getPublic().getEncoded()) + "\\n-----END PUBLIC KEY-----";
        String key = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"CryptographicKey\",\"id\":\"" + KEY_URL
                + "\",\"owner\":\"" + owner + "\",\"publicKeyPem\":\"" + pem + "\"}";
        Fetcher f = url -> url.toString().equals(KEY_URL)
                ? new Fetcher.Response(url, 200, "application/json", key.getBytes(StandardCharsets.UTF_8))
                : base.fetch(url);
        return Verifier.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).fetcher(f).build();
    }

    @Test
    void aKeyOwnedBySomeoneElseFailsKeyBinding() throws Exception {
        VerificationReport r = verifier("https://attacker.example/me").verify(sign("{\"alg\":\"RS256\"}", payload()));
        assertThat(r.check("proof").orElseThrow().outcome()).as("%s", r.checks()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.failures()).extracting(CheckResult::id).containsExactly("key-binding");
        assertThat(r.check("key-binding").orElseThrow().message()).contains("not to the issuer");
    }

    @Test
    void aKeyClaimingTheIssuerButNotListedByItFailsKeyBinding() throws Exception {
        VerificationReport r = verifier("https://example.org/organization.json").verify(sign("{\"alg\":\"RS256\"}", payload()));
        assertThat(r.failures()).extracting(CheckResult::id).containsExactly("key-binding");
        assertThat(r.check("key-binding").orElseThrow().message()).contains("does not list");
    }

    @Test
    void anotherAlgorithmThanRs256FailsTheProof() throws Exception {
        VerificationReport r = verifier("https://example.org/organization.json").verify(sign("{\"alg\":\"HS256\"}", payload()));
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.check("proof").orElseThrow().message()).contains("RS256");
        assertThat(r.isValid()).isFalse();
    }
}
