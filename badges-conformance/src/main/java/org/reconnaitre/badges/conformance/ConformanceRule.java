package org.reconnaitre.badges.conformance;

import java.util.Objects;
import org.reconnaitre.badges.model.Severity;

/**
 * One rule of the conformance catalogue: a validator rule, a verifier check or a check of the kit
 * itself (issuer profile, robustness). Immutable and thread-safe.
 *
 * <pre>{@code
 * ConformanceRule r = ConformanceRules.byId("OB3-CONTEXT-ORDER").orElseThrow();
 * System.out.println(r.id() + " " + r.severity() + " " + r.spec());
 * }</pre>
 *
 * @param id the stable rule id (for example {@code OB3-CONTEXT-ORDER}, {@code VERIFY-PROOF})
 * @param severity the severity of a violation, unless the violation says otherwise
 * @param origin which part of the SDK decides the rule
 * @param spec the URL of the specification section the rule comes from
 * @param summary a one-line explanation
 */
public record ConformanceRule(String id, Severity severity, Origin origin, String spec, String summary) {

    /**
     * Which part of the SDK decides a rule.
     *
     * <pre>{@code
     * boolean fromValidator = rule.origin() == ConformanceRule.Origin.VALIDATOR;
     * }</pre>
     */
    public enum Origin {
        /** A rule of {@code org.reconnaitre.badges.model.Validator}. */
        VALIDATOR,
        /** A check of {@code org.reconnaitre.badges.signing.Verifier}. */
        VERIFIER,
        /** A check of this kit (issuer profile, recipient, robustness, expectations). */
        KIT
    }

    /** Validates: every component non-null, id and summary non-blank. */
    public ConformanceRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(summary, "summary");
        if (id.isBlank() || summary.isBlank()) {
            throw new IllegalArgumentException("a rule needs an id and a summary");
        }
    }
}
