package org.reconnaitre.frameworks;

import java.util.Objects;

/**
 * One competency an occupation requires, with its weight: ESCO {@code essential} (weight 1) or
 * {@code optional} (0.5); ROME items marked {@code Principale} in {@code coherence_item} (core,
 * weight 1) or not (peripheral, 0.5).
 *
 * <pre>{@code
 * for (Requirement r : occupation.requirements()) {
 *     System.out.println(r.competency().preferredLabel() + (r.essential() ? " *" : ""));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param competency the required concept (skill, knowledge, work context...)
 * @param weight the relation weight in (0, 1]
 * @param essential true for ESCO essential / ROME core items
 */
public record Requirement(Concept competency, double weight, boolean essential) {
    /** Validates the fields. */
    public Requirement {
        Objects.requireNonNull(competency, "competency");
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in (0, 1]: " + weight);
        }
    }
}
