package org.reconnaitre.badges.conformance;

import java.util.List;

/**
 * Thrown by {@link CredentialAssert} when a credential breaks a rule: an {@link AssertionError}
 * (so every test framework reports it as a failed assertion) whose message lists every violated
 * rule with its id, JSON Pointer and message. Immutable once thrown.
 *
 * <pre>{@code
 * try {
 *     OpenBadgesAssertions.assertThat(json).conformsToOpenBadges3();
 * } catch (ConformanceError e) {
 *     e.violations().forEach(v -> System.out.println(v.ruleId()));
 * }
 * }</pre>
 */
public final class ConformanceError extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** The violations, kept for programmatic access. */
    @SuppressWarnings("serial")
    private final List<Violation> violations;

    /**
     * @param headline what was expected
     * @param violations the violations that broke it (listed in the message)
     */
    public ConformanceError(String headline, List<Violation> violations) {
        super(message(headline, violations));
        this.violations = List.copyOf(violations);
    }

    private static String message(String headline, List<Violation> violations) {
        StringBuilder b = new StringBuilder(headline).append(" — ").append(violations.size()).append(" violation(s):");
        for (Violation v : violations) {
            b.append("\n  - ").append(v);
        }
        return b.toString();
    }

    /** @return the violations listed in the message */
    public List<Violation> violations() {
        return violations;
    }
}
