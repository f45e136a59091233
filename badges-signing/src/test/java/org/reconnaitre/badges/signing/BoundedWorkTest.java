package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * Issue #12 class 6: bounded work for every credential. One deadline per {@code verify} call
 * covers every expansion (the schema step's included), canonicalization, proof and nested
 * verification; proofs and inline contexts are capped before any JSON-LD processing. The inputs
 * are generated here: an inline context defining a term with a property-scoped context, used many
 * times (the reported attack: 219 KB took 60 s), with up to four proofs that each carry the context.
 */
class BoundedWorkTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Deadline plus margin: what no input may exceed. */
    private static final long LIMIT_MS = 4_000;
    private static final SigningKey KEY;

    static {
        try {
            KEY = SigningKey.fromEd25519Secret(new byte[32]);
        } catch (BadgeException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (BadgeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verifier verifier() {
        return Verifier.builder().clock(VerifierTestSupport.CLOCK).timeout(DEADLINE).build();
    }

    /**
     * An OB 3.0 credential whose inline context defines {@code t} with a property-scoped context of
     * {@code scopedTerms} terms, and whose subject uses {@code t} {@code uses} times; {@code proofs}
     * proofs (bogus signatures, resolvable did:key) each carry the same {@code @context}.
     */
    static String scopedContextAttack(int scopedTerms, int uses, int proofs) {
        ObjectNode doc = (ObjectNode) parse(VerifierTestSupport.credential("did:example:issuer"));
        ArrayNode ctx = (ArrayNode) doc.get("@context");
        ObjectNode inline = ctx.addObject();
        ObjectNode t = inline.putObject("t");
        t.put("@id", "https://attacker.example/t");
        ObjectNode scoped = t.putObject("@context");
        for (int i = 0; i < scopedTerms; i++) {
            scoped.put("a" + i, "https://attacker.example/vocab#a" + i);
        }
        ArrayNode uses1 = ((ObjectNode) doc.get("credentialSubject")).putArray("t");
        for (int i = 0; i < uses; i++) {
            uses1.addObject().put("t", i);
        }
        ArrayNode set = Json.mapper().createArrayNode();
        for (int i = 0; i < proofs; i++) {
            ObjectNode proof = set.addObject();
            proof.set("@context", ctx.deepCopy());
            proof.put("type", "DataIntegrityProof");
            proof.put("cryptosuite", "eddsa-rdfc-2022");
            proof.put("verificationMethod", DidKey.verificationMethodId(KEY.publicKey()));
            proof.put("proofPurpose", "assertionMethod");
            proof.put("created", "2024-01-01T00:00:00Z");
            proof.put("proofValue", "z" + "23456789".substring(i, i + 1).repeat(80)); // distinct: a set holds each proof once
        }
        doc.set("proof", proofs == 1 ? set.get(0) : set);
        return Json.write(doc);
    }

    private static VerificationReport timed(Verifier v, String input, String label) {
        long start = System.nanoTime();
        VerificationReport r = v.verify(input);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[bounded-work] %s: %d bytes, %d ms, valid=%s%n", label,
                input.getBytes(StandardCharsets.UTF_8).length, ms, r.isValid());
        assertThat(ms).as(label + " took " + ms + " ms: " + r).isLessThan(LIMIT_MS);
        assertThat(r.isValid()).as(r.toString()).isFalse();
        return r;
    }

    @Test
    void aScopedContextUsedManyTimesStopsAtTheDeadline() {
        // within the inline-context caps (one scoped context, 250 terms): only the deadline stops it
        String attack = scopedContextAttack(120, 40_000, 1);
        VerificationReport r = timed(verifier(), attack, "scoped context x40000 uses");
        assertThat(r.toString()).containsAnyOf("Verification stopped after 2 s", "deadline");
    }

    @Test
    void fourProofsEachWithTheirOwnContextShareOneDeadline() {
        String attack = scopedContextAttack(50, 40_000, 4);
        timed(verifier(), attack, "4 proofs with scoped contexts");
    }

    @Test
    void theDeadlineFailsTheCheckAndStopsTheRest() {
        VerificationReport r = timed(verifier(), scopedContextAttack(120, 40_000, 1), "stop the rest");
        assertThat(r.checks()).anySatisfy(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(c.message()).contains("Verification stopped after 2 s").contains("Verifier.Builder.timeout");
        });
        for (String later : java.util.List.of("key-binding", "validity-period", "status", "endorsements")) {
            assertThat(r.check(later).orElseThrow().outcome()).as(r.toString()).isNotEqualTo(CheckOutcome.PASSED);
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void theFormerCanonicalizationTimeoutIsTheWholeVerificationsTimeout() {
        Verifier v = Verifier.builder().clock(VerifierTestSupport.CLOCK).canonicalizationTimeout(DEADLINE).build();
        VerificationReport r = timed(v, scopedContextAttack(120, 40_000, 1), "deprecated alias");
        assertThat(r.toString()).contains("Verification stopped after 2 s");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Verifier.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreThanFourProofsAreRefused() {
        VerificationReport r = timed(verifier(), scopedContextAttack(1, 1, 5), "5 proofs");
        assertThat(r.check("proof").orElseThrow().message()).contains("5 proofs, more than the 4");
    }

    @Test
    void inlineContextBoundsAreCheckedBeforeAnyProcessing() {
        VerificationReport terms = timed(verifier(), scopedContextAttack(300, 10_000, 1), "300 scoped terms");
        assertThat(terms.check("proof").orElseThrow().message()).contains("more than 256 terms");
        assertThat(terms.check("schema").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(terms.check("schema").orElseThrow().message()).contains("more than 256 terms");

        // 17 scoped contexts
        ObjectNode doc = (ObjectNode) parse(scopedContextAttack(1, 1, 1));
        ObjectNode inline = (ObjectNode) doc.get("@context").get(2);
        for (int i = 0; i < 17; i++) {
            inline.putObject("s" + i).put("@id", "https://attacker.example/s" + i).putObject("@context")
                    .put("x", "https://attacker.example/x");
        }
        VerificationReport scoped = timed(verifier(), Json.write(doc), "17 scoped contexts");
        assertThat(scoped.check("proof").orElseThrow().message()).contains("more than 16 property- or type-scoped");

        // scoped contexts nested 6 deep
        ObjectNode deep = (ObjectNode) parse(scopedContextAttack(1, 1, 1));
        ObjectNode level = (ObjectNode) deep.get("@context").get(2);
        for (int i = 0; i < 6; i++) {
            level = level.putObject("n" + i).put("@id", "https://attacker.example/n" + i).putObject("@context");
        }
        VerificationReport nested = timed(verifier(), Json.write(deep), "nested scoped contexts");
        assertThat(nested.check("proof").orElseThrow().message()).contains("more than 4 levels deep");
    }

    @Test
    void dataIntegrityVerifyHasOneDeadlineForAllItsProofs() {
        DataIntegrity.Settings settings = DataIntegrity.Settings.builder().timeout(DEADLINE).build();
        String attack = scopedContextAttack(50, 40_000, 4);
        long start = System.nanoTime();
        ProofResult r = DataIntegrity.verify(attack, KeyResolver.offline(), settings);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[bounded-work] DataIntegrity.verify, 4 proofs: %d ms%n", ms);
        assertThat(ms).isLessThan(LIMIT_MS);
        assertThat(r.valid()).isFalse();
        assertThat(r.proofs()).allSatisfy(p -> assertThat(p.status()).isIn(ProofOutcome.Status.BUDGET_EXCEEDED,
                ProofOutcome.Status.INVALID_SIGNATURE));
        assertThat(r.proofs()).anySatisfy(p -> assertThat(p.status()).isEqualTo(ProofOutcome.Status.BUDGET_EXCEEDED));
    }

    @Test
    void aStatusListVerifiedByTheCallersCheckSharesTheDeadline() {
        AtomicReference<VerificationReport> inner = new AtomicReference<>();
        String attack = scopedContextAttack(120, 40_000, 1);
        Verifier v = Verifier.builder().clock(VerifierTestSupport.CLOCK).timeout(DEADLINE)
                .fetcher(HostileFetcher.builder().build())
                .statusCheck(req -> {
                    // a status list as heavy as the attack, verified through the verifier handed over
                    inner.set(req.verifier().verify(attack));
                    return CheckResult.passed("status", "not revoked");
                }).build();
        ObjectNode doc = (ObjectNode) parse(scopedContextAttack(120, 40_000, 1));
        ObjectNode status = doc.putObject("credentialStatus");
        status.put("id", "https://issuer.example/status/1#5");
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", "5");
        status.put("statusListCredential", "https://issuer.example/status/1");
        timed(v, Json.write(doc), "credential + status list, one deadline");
    }

    @Test
    void anEndorsementCarryingTheAttackSharesTheCredentialsDeadline() {
        // the outer credential's own checks are cheap (schema off, a signed proof); the endorsement is not
        ObjectNode outer = (ObjectNode) parse(VerifierTestSupport.credential("did:example:issuer"));
        ObjectNode endorsement = (ObjectNode) parse(scopedContextAttack(120, 40_000, 1));
        ArrayNode types = endorsement.putArray("type");
        types.add("VerifiableCredential").add("EndorsementCredential");
        outer.putArray("endorsement").add(endorsement);
        Verifier v = Verifier.builder().clock(VerifierTestSupport.CLOCK).timeout(DEADLINE).schemaValidation(false).build();
        timed(v, Json.write(outer), "endorsement with the attack");
    }

    @Test
    void aLargeDocumentUnderBundledContextsOnlyIsBounded() {
        // no inline context at all: 18,000 nodes typed by the bundled contexts, below the JSON token cap
        // (200,000), so every stage has work: JSON Schema, JSON-LD expansion, the quad count
        ObjectNode doc = (ObjectNode) parse(VerifierTestSupport.credential("did:example:issuer"));
        ArrayNode evidence = doc.putArray("evidence");
        for (int i = 0; i < 18_000; i++) {
            ObjectNode e = evidence.addObject();
            e.putArray("type").add("Evidence");
            e.put("name", "e" + i);
            e.put("narrative", "n");
        }
        ObjectNode proof = doc.putObject("proof");
        proof.put("type", "DataIntegrityProof");
        proof.put("cryptosuite", "eddsa-rdfc-2022");
        proof.put("verificationMethod", DidKey.verificationMethodId(KEY.publicKey()));
        proof.put("proofPurpose", "assertionMethod");
        proof.put("created", "2024-01-01T00:00:00Z");
        proof.put("proofValue", "z" + "2".repeat(80));
        VerificationReport r = timed(verifier(), Json.write(doc), "18000 typed evidence nodes");
        // every stage ran (or the deadline stopped one): the proof is not valid either way
        assertThat(r.check("proof").orElseThrow().outcome()).as(r.toString()).isNotEqualTo(CheckOutcome.PASSED);
    }
}
