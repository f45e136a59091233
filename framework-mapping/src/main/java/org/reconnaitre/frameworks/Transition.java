package org.reconnaitre.frameworks;

import java.util.List;
import java.util.Objects;

/**
 * A ranked destination for a career move: the score and what is missing.
 *
 * <pre>{@code
 * for (Transition t : rome.proximity().transitions(origin, 10)) {
 *     System.out.println(t.destination().code().orElse("") + "\t" + t.score());
 *     t.missing().stream().limit(3).forEach(g -> System.out.println("  needs " + g.competency()));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param origin the occupation one leaves
 * @param destination the occupation one moves to
 * @param score the transition score in [0, 1] (higher is closer)
 * @param missing the destination's competencies the origin lacks, most important first
 */
public record Transition(Concept origin, Concept destination, double score, List<Gap> missing) {
    /** Validates and copies. */
    public Transition {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        missing = List.copyOf(missing);
    }
}
