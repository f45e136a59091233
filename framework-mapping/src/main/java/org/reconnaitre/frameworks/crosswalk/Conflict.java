package org.reconnaitre.frameworks.crosswalk;

import java.util.List;
import java.util.Objects;

/**
 * A set of mappings that cannot all be right, found by {@link Crosswalk#conflicts()}.
 *
 * <pre>{@code
 * crosswalk.conflicts().forEach(c -> System.out.println(c.kind() + ": " + c.message()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what is wrong
 * @param mappings the mappings involved
 * @param message a sentence for a reviewer
 */
public record Conflict(Kind kind, List<Mapping> mappings, String message) {
    /** The kinds of conflict. */
    public enum Kind {
        /** The same subject and object with different predicates (e.g. EXACT and BROAD). */
        CONTRADICTORY_PREDICATES,
        /** A subject exactly matched to several objects. */
        EXACT_ONE_TO_MANY,
        /** An object exactly matched by several subjects. */
        EXACT_MANY_TO_ONE
    }

    /** Validates and copies. */
    public Conflict {
        Objects.requireNonNull(kind, "kind");
        mappings = List.copyOf(mappings);
        Objects.requireNonNull(message, "message");
    }
}
