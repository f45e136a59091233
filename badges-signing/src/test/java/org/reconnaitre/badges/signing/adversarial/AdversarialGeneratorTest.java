package org.reconnaitre.badges.signing.adversarial;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.JwtOptions;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.adversarial.Inputs.Input;
import org.reconnaitre.badges.signing.adversarial.Inputs.State;
import org.reconnaitre.badges.signing.adversarial.Tally.Rule;
import org.reconnaitre.badges.signing.adversarial.Tally.Verdict;

/**
 * The adversarial generator of issues #12 and #22 §6. From credentials it signs itself (every suite,
 * every state) and every signed fixture, it generates meaning-preserving JSON-LD rewrites (the verdict
 * must stay, or the variant be rejected: never invalid → valid), meaning-changing mutations and
 * forgeries (never valid), nested documents in each role, identifier and string/IRI mutations.
 * It prints a table of counts per family and fails listing every violation.
 *
 * <p>The default build runs a seeded sample ({@value #DEFAULT_PER_STRATUM} cases of each family, kind and input state);
 * {@code -Dreconnaitre.adversarial=full} runs every case, {@code -Dreconnaitre.adversarial.seed=N}
 * picks another sample, {@code -Dreconnaitre.shared=DIR} adds the shared fixtures.
 */
class AdversarialGeneratorTest {
    static final int DEFAULT_PER_STRATUM = 1;
    private static final int PER_FAMILY_LISTED = 6;

    private final List<Variant> variants = new ArrayList<>();
    private final Tally tally = new Tally();

    @Test
    void noRewriteOrMutationTurnsAVerdictToValid() throws Exception {
        long start = System.nanoTime();
        boolean full = "full".equals(System.getProperty("reconnaitre.adversarial", ""));
        long seed = Long.getLong("reconnaitre.adversarial.seed", 20_261_205L);

        List<Input> inputs = Inputs.signed();
        Map<String, Verdict> base = new LinkedHashMap<>();
        for (Input in : inputs) {
            Verdict v = Verdict.of(in.verifier().verify(in.text()));
            base.put(in.name(), v);
            if (v.valid() != in.expectedValid()) {
                tally.violation("inputs", in.name(), "as signed", "expected " + (in.expectedValid() ? "valid" : "invalid")
                        + ", got " + v + ": " + v.summary());
            } else {
                tally.passed("inputs");
            }
        }
        for (Input in : inputs) {
            rewrites("rewrite", in.name(), in.text(), in.verifier(), base.get(in.name()));
            if (in.suite().signsRdf()) {
                // the same, judged without schema validation (a caller may turn it off)
                Verifier noSchema = Inputs.verifierFor(in.state(), false);
                rewrites("rewrite(schema off)", in.name(), in.text(), noSchema, Verdict.of(noSchema.verify(in.text())));
            }
            if (in.state().valid) {
                mutations("mutation", in.name(), in.text(), in.verifier(), base.get(in.name()));
            }
        }
        long t0 = System.nanoTime();
        forgedProofs(inputs, base);
        long t1 = System.nanoTime();
        new Families(this::add, tally).all(inputs, base);
        long t2 = System.nanoTime();
        Fixtures.all(this::add, tally);
        if (Boolean.getBoolean("reconnaitre.adversarial.timing")) {
            System.out.printf("  signing and judging the inputs %.1f s, forged proofs %.1f s, families %.1f s, fixtures %.1f s%n",
                    (t0 - start) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        }

        long generated = System.nanoTime();
        List<Built> sample = sample(variants, full ? Integer.MAX_VALUE : DEFAULT_PER_STRATUM, seed);
        long built = System.nanoTime();
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (Built b : sample) {
            long t = System.nanoTime();
            run(b);
            nanos.merge(b.variant().family(), System.nanoTime() - t, Long::sum);
        }
        System.out.printf("Adversarial generator timing: inputs and families %.1f s, building the sample %.1f s, verifying %.1f s%n",
                (generated - start) / 1e9, (built - generated) / 1e9, (System.nanoTime() - built) / 1e9);
        if (Boolean.getBoolean("reconnaitre.adversarial.timing")) {
            nanos.forEach((f, n) -> System.out.printf("  %-34s %6.1f s%n", f, n / 1e9));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("Adversarial generator (" + (full ? "full" : "sample of " + DEFAULT_PER_STRATUM + " per stratum")
                + ", seed " + seed + "): " + sample.size() + " cases run, drawn from " + variants.size() + " in "
                + String.format("%.1f s", seconds) + "\n" + tally.table());
        List<Tally.Violation> violations = tally.violations();
        if (!violations.isEmpty()) {
            fail(violations.size() + " violation(s), at most " + PER_FAMILY_LISTED + " listed per family"
                    + " (family | input | variant | verdict):" + listing(violations));
        }
    }

    /** At most {@value #PER_FAMILY_LISTED} violations of each family, then how many more. */
    static String listing(List<Tally.Violation> violations) {
        Map<String, List<Tally.Violation>> byFamily = new LinkedHashMap<>();
        violations.forEach(v -> byFamily.computeIfAbsent(v.family(), f -> new ArrayList<>()).add(v));
        StringBuilder out = new StringBuilder();
        for (var e : byFamily.entrySet()) {
            e.getValue().stream().limit(PER_FAMILY_LISTED).forEach(v -> out.append("\n  ").append(v));
            if (e.getValue().size() > PER_FAMILY_LISTED) {
                Map<String, Integer> kinds = new java.util.TreeMap<>();
                e.getValue().forEach(v -> kinds.merge(v.variant(), 1, Integer::sum));
                out.append("\n  ").append(e.getKey()).append(": ... and ").append(e.getValue().size() - PER_FAMILY_LISTED)
                        .append(" more; violating kinds: ").append(kinds.size() <= 40 ? kinds.toString()
                                : kinds.keySet().stream().limit(40).toList() + " and " + (kinds.size() - 40) + " more kinds");
            }
        }
        return out.toString();
    }

    void add(Variant v) {
        variants.add(v);
    }

    /** A sampled case with its text, built. */
    record Built(Variant variant, String text) {}

    private void run(Built b) {
        Variant v = b.variant();
        VerificationReport r;
        try {
            r = v.verifier().verify(b.text());
        } catch (RuntimeException e) {
            tally.violation(v.family(), v.input(), v.kind(), "verify threw " + e);
            return;
        }
        tally.record(v.family(), v.input(), v.kind(), v.rule(), v.base(), v.judge().apply(r));
    }

    /**
     * Up to {@code perStratum} applicable cases of each stratum (family, kind, valid or invalid
     * input), chosen in an order shuffled with the seed; every stratum with an applicable case is represented.
     */
    List<Built> sample(List<Variant> all, int perStratum, long seed) {
        Map<String, List<Variant>> strata = new LinkedHashMap<>();
        for (Variant v : all) {
            strata.computeIfAbsent(v.stratum(), k -> new ArrayList<>()).add(v);
        }
        Random random = new Random(seed);
        List<Built> out = new ArrayList<>();
        for (List<Variant> group : strata.values()) {
            List<Variant> g = new ArrayList<>(group);
            Collections.shuffle(g, random);
            int taken = 0;
            for (Variant v : g) {
                if (taken >= perStratum) {
                    break;
                }
                String text;
                try {
                    text = v.text().call();
                } catch (Exception e) {
                    tally.violation(v.family(), v.input(), v.kind(), "the generator could not build the case: " + e);
                    continue;
                }
                if (text != null) {
                    out.add(new Built(v, text));
                    taken++;
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- rewrites and mutations

    /** Every meaning-preserving rewrite of every decision-relevant property of {@code text}. */
    void rewrites(String family, String input, String text, Verifier verifier, Verdict base) {
        for (var r : Rewrites.PROP_REWRITES.entrySet()) {
            for (Rewrites.Prop p : Rewrites.PROPS) {
                add(new Variant(family, r.getKey() + "(" + p.label() + ")", input, () -> {
                    Doc d = Doc.parse(text).copy();
                    ObjectNode holder = p.holder(d.credential());
                    return holder != null && r.getValue().apply(d.credential(), holder, p) ? d.text() : null;
                }, verifier, Rule.KEEP_OR_REJECT, base));
            }
        }
        for (var r : Rewrites.DOC_REWRITES.entrySet()) {
            add(new Variant(family, r.getKey(), input, () -> {
                Doc d = Doc.parse(text).copy();
                return r.getValue().apply(d.credential()) ? d.text() : null;
            }, verifier, Rule.KEEP_OR_REJECT, base));
        }
    }

    /** Every meaning-changing mutation of {@code text}: none may be accepted. */
    void mutations(String family, String input, String text, Verifier verifier, Verdict base) {
        for (var m : Mutations.TAMPER.entrySet()) {
            String group = m.getKey().substring(0, m.getKey().indexOf(':'));
            add(new Variant(family + ":" + group, m.getKey(), input, () -> {
                Doc d = Doc.parse(text).copy();
                return apply(m.getValue(), d) ? d.text() : null;
            }, verifier, Rule.REJECT, base));
        }
    }

    private static boolean apply(Predicate<Doc> m, Doc d) {
        return m.test(d);
    }

    // ---------------------------------------------------------------- forged proofs: genuine signatures, wrong options or key

    /**
     * Proofs whose signature is genuine but whose options or key are not acceptable: signed for
     * {@code authentication}, created in 2099, expired in 2001, by another key than the issuer's
     * (its own did:key, or the issuer's verification method with the attacker's key in the JWT header).
     */
    void forgedProofs(List<Input> inputs, Map<String, Verdict> base) throws Exception {
        for (Input in : inputs) {
            if (in.state() != State.VALID) {
                continue;
            }
            Suite s = in.suite();
            String unsigned = Doc.write(Inputs.credential(State.VALID, Inputs.key(s)));
            Verdict b = base.get(in.name());
            String family = "forged-proof";
            if (!s.jwt()) {
                add(new Variant(family, "proofPurpose=authentication", in.name(),
                        () -> s.sign(unsigned, Inputs.key(s), "authentication", null), in.verifier(), Rule.REJECT, b));
                add(new Variant(family, "created=2099", in.name(),
                        () -> s.sign(unsigned, Inputs.key(s), null, Instant.parse("2099-01-01T00:00:00Z")), in.verifier(),
                        Rule.REJECT, b));
            }
            if (s == Suite.EDDSA_RDFC) {
                // the forge signs as the library does: with the usual options it reproduces the issuer's proof (Ed25519 is deterministic)
                ObjectNode usual = Doc.JSON.createObjectNode().put("type", "DataIntegrityProof").put("cryptosuite", s.cryptosuite.id())
                        .put("created", "2024-01-01T00:00:00Z")
                        .put("verificationMethod", DidKey.verificationMethodId(Inputs.key(s).publicKey()))
                        .put("proofPurpose", "assertionMethod");
                String forged = Forge.rdfcProof(unsigned, usual, Inputs.key(s));
                if (Doc.object(forged).get("proof").equals(Doc.object(in.text()).get("proof"))) {
                    tally.passed("inputs");
                } else {
                    tally.violation("inputs", in.name(), "forge", "the test's RDFC forge does not reproduce the library's proof");
                }
            }
            if (s == Suite.EDDSA_RDFC || s == Suite.ECDSA_RDFC) {
                add(new Variant(family, "expires=2001", in.name(), () -> {
                    ObjectNode o = Doc.JSON.createObjectNode().put("type", "DataIntegrityProof")
                            .put("cryptosuite", s.cryptosuite.id()).put("created", "2000-01-01T00:00:00Z")
                            .put("expires", "2001-01-01T00:00:00Z")
                            .put("verificationMethod", DidKey.verificationMethodId(Inputs.key(s).publicKey()))
                            .put("proofPurpose", "assertionMethod");
                    return Forge.rdfcProof(unsigned, o, Inputs.key(s));
                }, in.verifier(), Rule.REJECT, b));
            }
            // the attacker signs the issuer's credential with its own key (its own did:key as method)
            add(new Variant(family, "attacker-key", in.name(), () -> s.sign(unsigned, Inputs.attacker(s)),
                    in.verifier(), Rule.REJECT, b));
            if (s.jwt()) {
                // the issuer's kid, the attacker's key in the header
                add(new Variant(family, "jwt-issuer-kid-attacker-jwk", in.name(), () -> Issuer.with(Inputs.attacker(s))
                        .verificationMethod(DidKey.verificationMethodId(Inputs.key(s).publicKey()))
                        .jwtOptions(JwtOptions.builder().embedJwk(true).build()).build().signJwt(unsigned),
                        in.verifier(), Rule.REJECT, b));
                // a urn: issuer whose only key is the jwk in the header (class 3, last point)
                String urnIssuer = unsigned.replace(Inputs.did(Inputs.key(s)), "urn:example:university");
                add(new Variant(family, "jwt-urn-issuer-embedded-jwk", in.name(), () -> Issuer.with(Inputs.attacker(s))
                        .jwtOptions(JwtOptions.builder().embedJwk(true).keyId("urn:example:university#key-1").build())
                        .build().signJwt(urnIssuer), in.verifier(), Rule.REJECT, b));
            } else {
                // a second, genuine proof by the attacker beside the issuer's
                add(new Variant(family, "second-proof-by-attacker", in.name(), () -> {
                    Suite as = s == Suite.ECDSA_SD ? Suite.ECDSA_RDFC : s;
                    return as.sign(in.text(), Inputs.attacker(s));
                }, in.verifier(), Rule.REJECT, b));
            }
        }
    }
}
