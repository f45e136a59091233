package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.status.StatusListCache;
import org.reconnaitre.badges.signing.status.StatusListCheck;
import org.reconnaitre.badges.signing.status.StatusPolicy;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * Issue #12 class 2, "decide from what was signed": an RDFC proof signs the RDF, so a holder can
 * respell a signed credential in another JSON-LD form and the proof still verifies. Whatever the
 * spelling, an expired credential stays expired, a revoked one revoked and a wrong recipient wrong
 * (the {@code signed-data} check rejects a JSON that says something else than its signed graph).
 */
class VerifierSignedDataTest {
    private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    private static final String DID = DidKey.of(KEY.publicKey());
    private static final String CRED = "https://www.w3.org/2018/credentials#";
    private static final String LIST_URL = "https://status.example/lists/1";

    private static String sign(String json) throws Exception {
        return Issuer.with(KEY).build().signDataIntegrity(json, "eddsa-rdfc-2022", Instant.parse("2024-01-01T00:00:00Z"));
    }

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) Json.parse(json);
    }

    private static String rewrite(String signed, UnaryOperator<ObjectNode> r) throws Exception {
        return Json.write(r.apply(tree(signed)));
    }

    private static ObjectNode nest(ObjectNode c, String property) {
        JsonNode v = c.remove(property);
        c.putObject("@nest").set(property, v);
        return c;
    }

    private static ObjectNode fullIri(ObjectNode c, String property) {
        JsonNode v = c.remove(property);
        ObjectNode value = Json.mapper().createObjectNode();
        value.put("@value", v.asText());
        value.put("@type", "http://www.w3.org/2001/XMLSchema#dateTime");
        c.set(CRED + property, property.startsWith("valid") || property.endsWith("Date") ? value : v);
        return c;
    }

    private static ObjectNode inlineContext(ObjectNode c, ObjectNode definitions) {
        ArrayNode ctx = (ArrayNode) c.get("@context");
        ctx.add(definitions);
        return c;
    }

    private static ObjectNode alias(ObjectNode c, String property, String alias) {
        ObjectNode def = Json.mapper().createObjectNode();
        ObjectNode term = def.putObject(alias);
        term.put("@id", CRED + property);
        if (!property.equals("credentialStatus")) {
            term.put("@type", "http://www.w3.org/2001/XMLSchema#dateTime");
        }
        inlineContext(c, def);
        c.set(alias, c.remove(property));
        return c;
    }

    private static ObjectNode compactIri(ObjectNode c, String property) {
        ObjectNode def = Json.mapper().createObjectNode();
        def.put("vcx", CRED);
        inlineContext(c, def);
        JsonNode v = c.remove(property);
        ObjectNode value = Json.mapper().createObjectNode();
        value.put("@value", v.asText());
        value.put("@type", "http://www.w3.org/2001/XMLSchema#dateTime");
        c.set("vcx:" + property, value);
        return c;
    }

    private static Verifier verifier() {
        return Verifier.builder().clock(CLOCK).build();
    }

    @Test
    void aPlainCredentialPassesTheSignedDataCheckWithoutJsonLdWork() throws Exception {
        VerificationReport r = verifier().verify(sign(credential(DID, "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z")));
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.check("signed-data").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("signed-data").orElseThrow().message()).contains("plain form");
    }

    @Test
    void aRespellingThatChangesNothingIsComparedAndStillValid() throws Exception {
        String signed = sign(credential(DID, "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
        // an inline context that redefines nothing: the RDF is the same, the proof still verifies
        String respelled = rewrite(signed, c -> inlineContext(c, (ObjectNode) Json.mapper().createObjectNode()
                .put("unusedTerm", "https://example.org/unused")));
        VerificationReport r = verifier().verify(respelled);
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("signed-data").orElseThrow().outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.isValid()).as(r.toString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nest", "fullIri", "compactIri", "alias"})
    void anExpiredCredentialStaysExpiredWhateverTheSpellingOfValidUntil(String how) throws Exception {
        String signed = sign(credential(DID, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"));
        assertThat(verifier().verify(signed).check("validity-period").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        String respelled = rewrite(signed, c -> switch (how) {
            case "nest" -> nest(c, "validUntil");
            case "fullIri" -> fullIri(c, "validUntil");
            case "compactIri" -> compactIri(c, "validUntil");
            default -> alias(c, "validUntil", "endsOn");
        });
        VerificationReport r = verifier().verify(respelled);
        // the respelled document still carries a valid signature: only reading the signed data catches it
        assertThat(r.check("proof").orElseThrow().outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.isValid()).as(r.toString()).isFalse();
        CheckResult signedData = r.check("signed-data").orElseThrow();
        assertThat(signedData.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(signedData.message()).contains("validUntil").contains("2025-01-01T00:00:00Z");
    }

    @Test
    void vc11ExpirationDateCannotBeHiddenByANestNorByANullValidUntil() throws Exception {
        String v1 = credential(DID, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")
                .replace("\"https://www.w3.org/ns/credentials/v2\"",
                        "\"https://www.w3.org/2018/credentials/v1\",\"https://w3id.org/security/data-integrity/v2\"")
                .replace("\"validFrom\"", "\"issuanceDate\"").replace("\"validUntil\"", "\"expirationDate\"");
        String signed = sign(v1);
        VerificationReport plain = verifier().verify(signed);
        assertThat(plain.check("proof").orElseThrow().outcome()).as(plain.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(plain.check("validity-period").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);

        VerificationReport nested = verifier().verify(rewrite(signed, c -> nest(c, "expirationDate")));
        assertThat(nested.isValid()).as(nested.toString()).isFalse();

        // "validUntil": null is dropped by JSON-LD (the proof still verifies) and must not hide expirationDate,
        // also with schema validation turned off
        String withNull = rewrite(signed, c -> c.putNull("validUntil"));
        for (Verifier v : new Verifier[] {verifier(), Verifier.builder().clock(CLOCK).schemaValidation(false).build()}) {
            VerificationReport r = v.verify(withNull);
            assertThat(r.isValid()).as(r.toString()).isFalse();
            assertThat(r.failures()).extracting(CheckResult::id).contains("validity-period");
        }
    }

    @Test
    void aRevokedCredentialStaysRevokedWhenItsStatusIsMovedIntoNest() throws Exception {
        String withStatus = credential(DID, "2024-01-01T00:00:00Z", null).replaceFirst("\\}$",
                ",\"credentialStatus\":{\"id\":\"" + LIST_URL + "#5\",\"type\":\"BitstringStatusListEntry\","
                        + "\"statusPurpose\":\"revocation\",\"statusListIndex\":\"5\",\"statusListCredential\":\"" + LIST_URL + "\"}}");
        String signed = sign(withStatus);
        HostileFetcher lists = HostileFetcher.builder().json(LIST_URL, revokedList(5)).build();
        Verifier v = Verifier.builder().clock(CLOCK).fetcher(lists)
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.FAIL))
                .build();
        VerificationReport plain = v.verify(signed);
        assertThat(plain.check("status").orElseThrow().outcome()).as(plain.toString()).isEqualTo(CheckOutcome.FAILED);

        VerificationReport nested = v.verify(rewrite(signed, c -> nest(c, "credentialStatus")));
        assertThat(nested.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(nested.isValid()).as(nested.toString()).isFalse();
        assertThat(nested.check("signed-data").orElseThrow().message()).contains("credentialStatus");
    }

    @Test
    void theIssuerReadIsTheSignedIssuer() throws Exception {
        String signed = sign(credential(DID, "2024-01-01T00:00:00Z", null));
        // the issuer written under its full IRI: same signed graph, but the JSON no longer names it under "issuer"
        VerificationReport r = verifier().verify(rewrite(signed, c -> {
            c.set(CRED + "issuer", c.remove("issuer"));
            return c;
        }));
        assertThat(r.isValid()).as(r.toString()).isFalse();
        assertThat(r.check("signed-data").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.check("signed-data").orElseThrow().message()).contains("issuer");
    }

    @Test
    void aProofSetThatHoldsTheSameProofTwiceIsRefused() throws Exception {
        String signed = sign(credential(DID, "2024-01-01T00:00:00Z", null));
        String doubled = rewrite(signed, c -> {
            JsonNode proof = c.remove("proof");
            c.putArray("proof").add(proof).add(proof.deepCopy());
            return c;
        });
        VerificationReport r = verifier().verify(doubled);
        assertThat(r.isValid()).as(r.toString()).isFalse();
        assertThat(r.check("proof").orElseThrow().message()).contains("same proof twice");
        assertThat(DataIntegrity.verify(doubled, KeyResolver.offline()).problem()).contains("same proof twice");
    }

    @Test
    void aPresentationIsRefusedAsSuch() throws Exception {
        String vp = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiablePresentation\"],"
                + "\"verifiableCredential\":[" + sign(credential(DID)) + "]}";
        VerificationReport r = verifier().verify(vp);
        assertThat(r.isValid()).isFalse();
        assertThat(r.check("context-and-type").orElseThrow().message()).contains("presentation");
    }

    /** A BitstringStatusListCredential of the minimum size with one bit set, signed by the test issuer. */
    static String revokedList(int index) throws Exception {
        byte[] bits = new byte[16 * 1024];
        bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bits);
        }
        String encoded = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        String list = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"" + LIST_URL + "\","
                + "\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],\"issuer\":\"" + DID + "\","
                + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"credentialSubject\":{\"id\":\"" + LIST_URL + "#list\","
                + "\"type\":\"BitstringStatusList\",\"statusPurpose\":\"revocation\",\"encodedList\":\"" + encoded + "\"}}";
        return sign(list);
    }
}
