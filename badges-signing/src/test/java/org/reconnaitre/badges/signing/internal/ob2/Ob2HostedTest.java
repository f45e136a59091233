package org.reconnaitre.badges.signing.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BakedCredential;
import org.reconnaitre.badges.model.Baking;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Hosted OB 2.0 assertions whose own id is served: by the assertion itself, by HTTP 410, by a copy
 * marked revoked, or by another document; and a PNG baked with the assertion URL.
 */
class Ob2HostedTest {
    static final String ID = "https://example.org/beths-robotics-badge.json";

    static Path assets() {
        return SharedData.openbadges().resolve("fixtures/1edtech-validator/ob20/assets");
    }

    static String assertion() throws Exception {
        return Files.readString(SharedData.openbadges().resolve("fixtures/1edtech-validator/ob20/basic-assertion.json"));
    }

    /** Serves {@code body} with {@code status} at the assertion id, the ob20 assets elsewhere. */
    static Verifier verifier(int status, String body) {
        Fetcher assets = Fetcher.offline(Map.of("https://example.org/", assets(), "http://example.org/", assets()));
        Fetcher f = url -> url.toString().equals(ID)
                ? new Fetcher.Response(url, status, "application/json", body.getBytes(StandardCharsets.UTF_8))
                : assets.fetch(url);
        return Verifier.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).fetcher(f).build();
    }

    @Test
    void anAssertionServedAtItsIdPassesWithoutWarning() throws Exception {
        String a = assertion();
        VerificationReport r = verifier(200, a).verify(a);
        assertThat(r.isValid()).as("%s", r.checks()).isTrue();
        assertThat(r.check("ob2-fetch").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("ob2-verification").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("revocation").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        VerificationReport gone = verifier(404, "").verify(a);
        assertThat(gone.isValid()).as("a hosted copy its issuer does not serve is not valid").isFalse();
        assertThat(gone.failures()).extracting(CheckResult::id).containsExactly("ob2-fetch");
        assertThat(gone.check("ob2-fetch").orElseThrow().message()).contains("HTTP 404")
                .contains("allow https://example.org in the fetcher");
        assertThat(r.issuerId()).contains("https://example.org/organization.json");
        assertThat(r.credentialId()).contains(ID);
    }

    @Test
    void aNonHttpBadgeReferenceIsNeverFetched() throws Exception {
        String a = assertion().replace("https://example.org/robotics-badge.json", "file:///etc/passwd");
        VerificationReport r = verifier(200, a).verify(a);
        assertThat(r.failures()).extracting(c -> c.id()).containsExactly("ob2-fetch");
        assertThat(r.check("ob2-fetch").orElseThrow().message()).contains("not an HTTP(S) URL");
    }

    @Test
    void http410MeansRevoked() throws Exception {
        VerificationReport r = verifier(410, "{}").verify(assertion());
        assertThat(r.isValid()).isFalse();
        assertThat(r.check("revocation").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void aServedCopyMarkedRevokedMeansRevoked() throws Exception {
        String a = assertion();
        String revoked = a.replaceFirst("\\}\\s*$", ",\"revoked\":true,\"revocationReason\":\"issued in error\"}");
        VerificationReport r = verifier(200, revoked).verify(a);
        assertThat(r.check("revocation").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.check("revocation").orElseThrow().message()).contains("revoked");
    }

    @Test
    void anotherDocumentServedAtTheIdFails() throws Exception {
        String a = assertion();
        VerificationReport r = verifier(200, a.replace(ID, "https://example.org/other.json")).verify(a);
        assertThat(r.isValid()).isFalse();
        assertThat(r.check("ob2-fetch").orElseThrow().message()).contains("not this assertion");
    }

    @Test
    void aPngBakedWithTheAssertionUrlIsFetchedAndVerified() throws Exception {
        byte[] png = Files.readAllBytes(assets().resolve("robotics-badge.png"));
        byte[] baked = Baking.bake(png, ID, BakedCredential.Version.OB2);
        String a = assertion();
        VerificationReport ok = verifier(200, a).verify(baked);
        assertThat(ok.isValid()).as("%s", ok.checks()).isTrue();
        assertThat(ok.format()).isEqualTo(VerificationReport.Format.PNG);
        assertThat(ok.check("validity-period").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        VerificationReport gone = verifier(404, "").verify(baked);
        assertThat(gone.isValid()).isFalse();
        assertThat(gone.check("parse").orElseThrow().message()).contains("cannot be fetched");
    }

    @Test
    void aHostedAssertionOnAnotherHostThanTheIssuerFails() throws Exception {
        String a = assertion().replace(ID, "https://evil.example/beths-robotics-badge.json");
        Fetcher assets = Fetcher.offline(Map.of("https://example.org/", assets(), "http://example.org/", assets()));
        Fetcher f = url -> url.getHost().equals("evil.example") // the attacker serves the assertion on its own host
                ? new Fetcher.Response(url, 200, "application/json", a.getBytes(StandardCharsets.UTF_8))
                : assets.fetch(url);
        VerificationReport r = Verifier.builder().fetcher(f)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build().verify(a);
        assertThat(r.isValid()).isFalse();
        assertThat(r.failures()).extracting(CheckResult::id).containsExactly("ob2-verification");
        assertThat(r.check("ob2-verification").orElseThrow().message()).contains("evil.example").contains("example.org");
    }
}
