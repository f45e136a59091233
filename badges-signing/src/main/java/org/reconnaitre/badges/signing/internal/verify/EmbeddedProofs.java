package org.reconnaitre.badges.signing.internal.verify;

import java.util.ArrayList;
import java.util.List;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.ProofOutcome;
import org.reconnaitre.badges.signing.ProofResult;
import org.reconnaitre.badges.signing.VerificationMethod;

/**
 * Embedded proofs (Data Integrity suites and Ed25519Signature2020), checked by
 * {@link DataIntegrity#verify}. Every proof of a proof set must verify: a proof that cannot be
 * checked is not ignored. Warnings the suite raises (a pre-final suite name, a key read from a URL
 * fragment) are reported. Internal.
 */
final class EmbeddedProofs {
    private EmbeddedProofs() {}

    static void verify(VerificationContext ctx) {
        String text = ctx.jws == null && ctx.text != null
                ? ctx.text : Json.write(ctx.credential());
        // the presented credential is held to the caller's challenge and domain; what it embeds is not
        ProofResult result = DataIntegrity.verify(text, ctx.config.keyResolver(),
                ctx.depth == 0 ? ctx.config.dataIntegrity() : ctx.config.nestedDataIntegrity());
        if (!result.problem().isEmpty()) {
            ctx.failed(ProofStep.ID, sentence(result.problem()));
            return;
        }
        if (result.proofs().isEmpty()) {
            ctx.failed(ProofStep.ID, "The credential has no securing mechanism: no embedded proof and no JWT envelope.");
            return;
        }
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean many = result.proofs().size() > 1;
        for (ProofOutcome p : result.proofs()) {
            String name = (p.cryptosuite().isEmpty() ? p.type() : p.cryptosuite())
                    + (many ? " (proof " + (p.index() + 1) + ")" : "");
            if (p.valid()) {
                VerificationMethod vm = p.verificationMethod().orElse(null);
                if (vm != null) {
                    ctx.signers.add(new VerificationContext.Signer(vm.id(), vm.controller(), vm.source(), vm.key(),
                            vm.isAssertionMethod()));
                }
                passes.add(name + " by " + p.verificationMethodId());
                for (String w : p.warnings()) {
                    // a key read from the URL fragment is judged (and reported) by the key-binding check
                    if (vm == null || vm.source() != KeySource.URL_FRAGMENT || !w.contains("fragment")) {
                        warnings.add(name + ": " + w);
                    }
                }
            } else {
                failures.add(name + ": " + (p.reason().isEmpty() || p.status() == ProofOutcome.Status.INVALID_DOCUMENT
                        ? describe(p.status()) + (p.reason().isEmpty() ? "" : " " + sentence(p.reason()))
                        : sentence(p.reason())));
            }
        }
        if (!failures.isEmpty()) {
            ctx.failed(ProofStep.ID, String.join(" ", failures));
        } else if (!warnings.isEmpty()) {
            ctx.warning(ProofStep.ID, "The proof is valid (" + String.join("; ", passes) + "). " + String.join(" ",
                    warnings.stream().map(w -> w.endsWith(".") ? w : w + ".").toList()));
        } else {
            ctx.passed(ProofStep.ID, "The proof is valid (" + String.join("; ", passes) + ").");
        }
    }

    private static String describe(ProofOutcome.Status status) {
        return switch (status) {
            case VALID -> "valid.";
            case INVALID_SIGNATURE -> "the signature does not match: the credential was changed after signing, or another key signed it.";
            case KEY_UNAVAILABLE -> "the signing key could not be obtained.";
            case KEY_MISMATCH -> "the key type does not fit the cryptosuite.";
            case UNSUPPORTED_SUITE -> "the proof type or cryptosuite is not supported.";
            case MALFORMED_PROOF -> "the proof is malformed.";
            case INVALID_DOCUMENT -> "the credential is not valid JSON-LD for its contexts, so its proof cannot be checked.";
            case BUDGET_EXCEEDED -> "the credential is too large or complex to canonicalize within the budget.";
            case PROOF_OPTIONS_REJECTED -> "the proof's options (purpose, dates, challenge, domain) do not fit this verification.";
        };
    }

    private static String sentence(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
