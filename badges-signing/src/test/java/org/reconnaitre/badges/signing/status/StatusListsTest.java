package org.reconnaitre.badges.signing.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.status.StatusResult.Outcome;

/** Synthetic lists: every purpose, multi-bit entries, bounds, short lists, bombs, policies and the cache. */
class StatusListsTest {
    private static final String LIST_URL = "https://status.example/lists/1";

    static String gzipBase64(byte[] bits, boolean multibase) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bits);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return (multibase ? "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray())
                : Base64.getEncoder().encodeToString(out.toByteArray()));
    }

    static byte[] bits(int bytes, int... setBits) {
        byte[] b = new byte[bytes];
        for (int i : setBits) {
            b[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        return b;
    }

    static String list(String purpose, String encodedList) {
        return """
                {"@context":["https://www.w3.org/ns/credentials/v2"],"id":"%s",
                 "type":["VerifiableCredential","BitstringStatusListCredential"],"issuer":"did:example:issuer",
                 "validFrom":"2024-01-01T00:00:00Z",
                 "credentialSubject":{"id":"%s#list","type":"BitstringStatusList","statusPurpose":%s,"encodedList":"%s"}}"""
                .formatted(LIST_URL, LIST_URL, purpose.startsWith("[") ? purpose : "\"" + purpose + "\"", encodedList);
    }

    static String entry(String purpose, Object index, String extra) {
        return """
                {"id":"%s#%s","type":"BitstringStatusListEntry","statusPurpose":"%s","statusListIndex":%s,
                 "statusListCredential":"%s"%s}""".formatted(LIST_URL, index, purpose,
                index instanceof String ? "\"" + index + "\"" : index, LIST_URL, extra);
    }

    @Test
    void revocationAndSuspension() {
        String revocation = list("revocation", gzipBase64(bits(16_384, 5, 131_071), true));
        assertThat(StatusLists.check(entry("revocation", 5, ""), revocation).outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(StatusLists.check(entry("revocation", "131071", ""), revocation).outcome()).isEqualTo(Outcome.REVOKED);
        StatusResult ok = StatusLists.check(entry("revocation", "6", ""), revocation);
        assertThat(ok.outcome()).isEqualTo(Outcome.VALID);
        assertThat(ok.isValid()).isTrue();
        assertThat(ok.warnings()).isEmpty(); // 131,072 bits and the list id equals its URL
        assertThat(ok.message()).isEqualTo("Not revoked: entry 6 of the revocation list " + LIST_URL + " is 0.");

        String suspension = list("suspension", gzipBase64(bits(16_384, 42), true));
        StatusResult s = StatusLists.check(entry("suspension", 42, ""), suspension);
        assertThat(s.outcome()).isEqualTo(Outcome.SUSPENDED);
        assertThat(s.message()).startsWith("Suspended:");
        assertThat(StatusLists.check(entry("suspension", 41, ""), suspension).outcome()).isEqualTo(Outcome.VALID);

        // a list with both purposes serves both
        String both = list("[\"revocation\",\"suspension\"]", gzipBase64(bits(16_384, 7), true));
        assertThat(StatusLists.check(entry("suspension", 7, ""), both).outcome()).isEqualTo(Outcome.SUSPENDED);

        StatusResult mismatch = StatusLists.check(entry("revocation", 42, ""), suspension);
        assertThat(mismatch.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(mismatch.errorCode()).isEqualTo("STATUS_VERIFICATION_ERROR");
        assertThat(mismatch.message()).contains("'revocation' does not match the list's \"suspension\"");
    }

    @Test
    void statusSizeTwoWithMessages() {
        // entry 5 with statusSize 2 occupies bits 10 and 11; value 0b10 = 2
        String messageList = list("message", gzipBase64(bits(32_768, 10), true));
        String messages = ",\"statusSize\":2,\"statusMessage\":[{\"status\":\"0x0\",\"message\":\"valid\"},"
                + "{\"status\":\"0x1\",\"message\":\"pending review\"},{\"status\":\"0x2\",\"message\":\"under investigation\"}]";
        StatusResult r = StatusLists.check(entry("message", 5, messages), messageList);
        assertThat(r.value()).isEqualTo(2);
        assertThat(r.outcome()).isEqualTo(Outcome.FLAGGED);
        assertThat(r.message()).contains("\"under investigation\"");
        StatusResult zero = StatusLists.check(entry("message", 4, messages), messageList);
        assertThat(zero.value()).isZero();
        assertThat(zero.outcome()).isEqualTo(Outcome.VALID);
        assertThat(zero.message()).contains("\"valid\"");
        // the same bits read with statusSize 1: bit 10 is entry 10
        assertThat(StatusLists.check(entry("message", 10, ""), messageList).value()).isEqualTo(1);
        // the last 2-bit entry of a 262,144-bit list is 131,071; the next is out of range
        assertThat(StatusLists.check(entry("message", 131_071, messages), messageList).outcome()).isEqualTo(Outcome.VALID);
        assertThat(StatusLists.check(entry("message", 131_072, messages), messageList).errorCode()).isEqualTo("RANGE_ERROR");
    }

    @Test
    void outOfBoundsAndInvalidIndexes() {
        String l = list("revocation", gzipBase64(bits(16_384), true));
        StatusResult out = StatusLists.check(entry("revocation", 131_072, ""), l);
        assertThat(out.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(out.errorCode()).isEqualTo("RANGE_ERROR");
        assertThat(out.message()).contains("outside the list").contains("131072 entries");
        for (Object bad : new Object[] {-1, "\"-3\"", "\"12a\"", 1.5, "\"99999999999\""}) {
            String e = entry("revocation", 0, "").replace("\"statusListIndex\":0", "\"statusListIndex\":" + bad);
            StatusResult r = StatusLists.check(e, l);
            assertThat(r.outcome()).as(String.valueOf(bad)).isEqualTo(Outcome.ERROR);
            assertThat(r.message()).contains("statusListIndex");
        }
    }

    @Test
    void tooShortListIsReadWithAWarning() {
        String shortList = list("revocation", gzipBase64(bits(1_000, 3), true));
        StatusResult r = StatusLists.check(entry("revocation", 3, ""), shortList);
        assertThat(r.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("STATUS_LIST_LENGTH_ERROR: the list holds 8000 bits, fewer than the 131072");
        assertThat(StatusLists.check(entry("revocation", 8_000, ""), shortList).errorCode()).isEqualTo("RANGE_ERROR");
    }

    @Test
    void gzipBombIsRefusedQuickly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) { // 64 MiB of zeros
                gz.write(zeros);
            }
        }
        String bomb = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        long start = System.nanoTime();
        StatusResult r = StatusLists.check(entry("revocation", 1, ""), list("revocation", bomb));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorCode()).isEqualTo("MALFORMED_VALUE_ERROR");
        assertThat(r.message()).contains("GZIP bomb");
    }

    @Test
    void malformedListsAndEntries() {
        String good = gzipBase64(bits(16_384), true);
        assertThat(StatusLists.check(entry("revocation", 1, ""), list("revocation", good.substring(1))).message())
                .contains("must be multibase base64url");
        assertThat(StatusLists.check(entry("revocation", 1, ""), list("revocation", "uAAAA")).message())
                .contains("not GZIP-compressed");
        assertThat(StatusLists.check(entry("revocation", 1, ""), "{not json").errorCode()).isEqualTo("MALFORMED_VALUE_ERROR");
        assertThat(StatusLists.check(entry("revocation", 1, ""),
                list("revocation", good).replace("BitstringStatusListCredential", "VerifiableCredential2")).message())
                .contains("is not a BitstringStatusListCredential");
        StatusResult noList = StatusLists.check("{\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":\"revocation\","
                + "\"statusListIndex\":\"1\"}", list("revocation", good));
        assertThat(noList.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(noList.message()).contains("needs a 'statusListCredential'");
        StatusResult unsupported = StatusLists.check("{\"type\":\"RevocationList2020Status\",\"id\":\"https://x\"}", good);
        assertThat(unsupported.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(unsupported.message()).contains("is not supported");
        assertThat(StatusLists.apply(StatusPolicy.FAIL, unsupported).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(StatusLists.apply(StatusPolicy.WARN, unsupported).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThatThrownBy(() -> StatusEntry.parse(entry("revocation", 1, ",\"statusSize\":9")))
                .isInstanceOf(BadgeException.class).hasMessageContaining("unsupported statusSize");
    }

    @Test
    void statusList2021WithPlainBase64() {
        String l = """
                {"@context":["https://www.w3.org/2018/credentials/v1","https://w3id.org/vc/status-list/2021/v1"],
                 "id":"%s","type":["VerifiableCredential","StatusList2021Credential"],
                 "credentialSubject":{"id":"%s#list","type":"StatusList2021","statusPurpose":"revocation","encodedList":"%s"}}"""
                .formatted(LIST_URL, LIST_URL, gzipBase64(bits(16_384, 94_567), false));
        String e = """
                {"id":"%s#94567","type":"StatusList2021Entry","statusPurpose":"revocation","statusListIndex":"94567",
                 "statusListCredential":"%s"}""".formatted(LIST_URL, LIST_URL);
        StatusResult r = StatusLists.check(e, l);
        assertThat(r.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(r.method()).contains(StatusEntry.Method.STATUS_LIST_2021);
        assertThat(StatusLists.check(e.replace("94567\",", "94566\","), l).outcome()).isEqualTo(Outcome.VALID);
        // a StatusList2021 entry against a Bitstring list credential is a mismatch
        assertThat(StatusLists.check(e, list("revocation", gzipBase64(bits(16_384), true))).errorCode())
                .isEqualTo("STATUS_VERIFICATION_ERROR");
    }

    @Test
    void oneEdTechRevocationList() {
        String e = "{\"id\":\"https://issuer.example/revocations/1\",\"type\":\"1EdTechRevocationList\"}";
        String l = """
                {"id":"https://issuer.example/revocations/1","issuer":"https://issuer.example",
                 "revokedCredentials":[{"id":"urn:uuid:aaa","revocationReason":"issued in error"},
                                       {"id":"urn:uuid:bbb","revoked":false}]}""";
        StatusResult revoked = StatusLists.check(e, l, "urn:uuid:aaa");
        assertThat(revoked.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(revoked.message()).contains("issued in error");
        assertThat(StatusLists.check(e, l, "urn:uuid:bbb").outcome()).isEqualTo(Outcome.VALID); // revoked: false
        assertThat(StatusLists.check(e, l, "urn:uuid:ccc").outcome()).isEqualTo(Outcome.VALID);
        StatusResult noId = StatusLists.check(e, l);
        assertThat(noId.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(noId.message()).contains("has no id");
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void cacheHonoursTtlAndSize() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        String body = list("revocation", gzipBase64(bits(16_384, 1), true));
        Fetcher counting = url -> {
            fetches.incrementAndGet();
            if (url.getPath().endsWith("/missing")) {
                return new Fetcher.Response(url, 404, "", new byte[0]);
            }
            return new Fetcher.Response(url, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        };
        MutableClock clock = new MutableClock();
        StatusListCache cache = StatusListCache.create(Duration.ofMinutes(5), clock, 2);
        URI url = URI.create(LIST_URL);
        assertThat(cache.get(url, counting)).isEqualTo(body);
        assertThat(cache.get(URI.create(LIST_URL + "#77"), counting)).isEqualTo(body);
        assertThat(fetches).hasValue(1);
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        cache.get(url, counting);
        assertThat(fetches).hasValue(1);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        cache.get(url, counting);
        assertThat(fetches).hasValue(2);
        assertThatThrownBy(() -> cache.get(URI.create("https://status.example/missing"), counting))
                .isInstanceOf(BadgeException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> cache.get(URI.create("https://status.example/missing"), counting))
                .isInstanceOf(BadgeException.class);
        assertThat(fetches).hasValue(4); // failures are not cached
        cache.get(URI.create("https://status.example/a"), counting);
        clock.now = clock.now.plusSeconds(1);
        cache.get(URI.create("https://status.example/b"), counting);
        assertThat(cache.size()).isEqualTo(2); // bounded: the oldest went
        cache.get(url, counting);
        assertThat(fetches).hasValue(7);
        cache.invalidate(url);
        cache.get(url, counting);
        assertThat(fetches).hasValue(8);
    }

    @Test
    void fetchingCheckAppliesPolicyAndProofCheck() throws Exception {
        String body = list("revocation", gzipBase64(bits(16_384, 3), true));
        Fetcher one = Fetcher.offline(java.util.Map.of()); // refuses everything
        StatusEntry e = StatusEntry.parse(entry("revocation", 3, ""));
        assertThat(e.listUrl()).isEqualTo(URI.create(LIST_URL));
        assertThat(e.fragment()).contains("3");
        StatusListCache cache = StatusListCache.create(Duration.ofMinutes(1));
        StatusResult warn = StatusLists.check(e, null, one, cache, StatusPolicy.WARN, l -> Optional.empty());
        assertThat(warn.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(warn.isFailure()).isFalse();
        assertThat(warn.message()).contains("Refused to fetch " + LIST_URL);
        StatusResult fail = StatusLists.check(e, null, one, cache, StatusPolicy.FAIL, l -> Optional.empty());
        assertThat(fail.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(fail.isFailure()).isTrue();

        Fetcher serving = url -> new Fetcher.Response(url, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(StatusLists.check(e, null, serving, cache, StatusPolicy.FAIL, l -> Optional.empty()).outcome())
                .isEqualTo(Outcome.REVOKED);
        assertThat(cache.size()).isEqualTo(1);
        StatusResult untrusted = StatusLists.check(e, null, serving, cache, StatusPolicy.WARN,
                l -> Optional.of("its proof does not verify"));
        assertThat(untrusted.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(untrusted.errorCode()).isEqualTo("STATUS_VERIFICATION_ERROR");
        assertThat(untrusted.message()).contains("its proof does not verify");
        assertThat(cache.size()).isZero();
    }
}
