package org.reconnaitre.frameworks;

import java.util.Objects;

/**
 * A competency an occupation requires and a person or an origin occupation lacks.
 *
 * <pre>{@code
 * fit.missing().forEach(g -> System.out.println(g.competency().preferredLabel() + " " + g.importance()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param competency the missing concept
 * @param essential true when the destination marks it essential (ESCO) or core (ROME)
 * @param importance the ranking key: relation weight × IDF (specific, essential items first)
 */
public record Gap(Concept competency, boolean essential, double importance) {
    /** Validates. */
    public Gap {
        Objects.requireNonNull(competency, "competency");
    }
}
