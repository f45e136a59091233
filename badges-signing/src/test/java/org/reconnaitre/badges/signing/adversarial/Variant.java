package org.reconnaitre.badges.signing.adversarial;

import java.util.concurrent.Callable;
import java.util.function.Function;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

/**
 * One generated test case: a family, a kind (the rewrite or mutation and the property it touches),
 * the input it came from, how to build its text, the verifier that judges it, what it must do and
 * the verdict of the input it came from. Built lazily, so that only the sampled cases are signed.
 */
record Variant(String family, String kind, String input, Callable<String> text, Verifier verifier, Tally.Rule rule,
        Tally.Verdict base, Function<VerificationReport, Tally.Verdict> judge) {
    Variant(String family, String kind, String input, Callable<String> text, Verifier verifier, Tally.Rule rule,
            Tally.Verdict base) {
        this(family, kind, input, text, verifier, rule, base, Tally.Verdict::of);
    }

    /**
     * The stratum the sample draws from: family, kind, and the state of the input (for the signed
     * inputs, named {@code suite/state}) or its verdict (fixtures: valid, or invalid and which checks failed).
     */
    String stratum() {
        boolean fixture = input.startsWith("project:") || input.startsWith("shared:");
        String state = !fixture && input.contains("/") ? input.substring(input.lastIndexOf('/') + 1) : base.toString();
        return family + "\u0000" + kind + "\u0000" + state;
    }
}
