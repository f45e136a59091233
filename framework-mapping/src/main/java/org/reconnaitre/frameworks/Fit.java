package org.reconnaitre.frameworks;

import java.util.List;
import java.util.Objects;

/**
 * How well a set of competencies (a badge portfolio) fits an occupation.
 *
 * <pre>{@code
 * Fit fit = esco.proximity().fit(List.of(skillA, skillB), occupation);
 * System.out.printf("%.0f%% covered, %d to go%n", 100 * fit.coverage(), fit.missing().size());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param occupation the occupation
 * @param coverage the weighted share of the occupation's requirements covered, in [0, 1]
 *     (hierarchy-smoothed: a sibling skill gives partial credit)
 * @param covered the occupation's requirements held exactly
 * @param missing the requirements not held, most important first
 */
public record Fit(Concept occupation, double coverage, List<Requirement> covered, List<Gap> missing) {
    /** Validates and copies. */
    public Fit {
        Objects.requireNonNull(occupation, "occupation");
        covered = List.copyOf(covered);
        missing = List.copyOf(missing);
    }
}
