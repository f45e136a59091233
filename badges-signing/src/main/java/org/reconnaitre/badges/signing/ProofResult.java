package org.reconnaitre.badges.signing;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking every Data Integrity proof of a document (a proof set is checked proof by
 * proof). Never thrown: bad input gives a result with a {@link #problem()} or failed proofs.
 *
 * <pre>{@code
 * ProofResult result = DataIntegrity.verify(json, KeyResolver.offline());
 * if (!result.valid()) System.out.println(result.summary());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param proofs one outcome per proof, in document order
 * @param problem why no proof could be checked (malformed JSON, no proof), or an empty string
 */
public record ProofResult(List<ProofOutcome> proofs, String problem) {
    /** Copies the list. */
    public ProofResult {
        proofs = List.copyOf(proofs);
        Objects.requireNonNull(problem, "problem");
    }

    /** @return whether there is at least one proof and every proof is valid */
    public boolean valid() {
        return problem.isEmpty() && !proofs.isEmpty() && proofs.stream().allMatch(ProofOutcome::valid);
    }

    /** @return one line: "valid" or the first reason of failure */
    public String summary() {
        if (!problem.isEmpty()) {
            return problem;
        }
        if (proofs.isEmpty()) {
            return "the document has no proof";
        }
        for (ProofOutcome p : proofs) {
            if (!p.valid()) {
                return "proof " + p.index() + " (" + (p.cryptosuite().isEmpty() ? p.type() : p.cryptosuite()) + "): "
                        + p.status() + " - " + p.reason();
            }
        }
        return "valid (" + proofs.size() + (proofs.size() == 1 ? " proof)" : " proofs)");
    }
}
