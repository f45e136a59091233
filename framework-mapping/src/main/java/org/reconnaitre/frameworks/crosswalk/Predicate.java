package org.reconnaitre.frameworks.crosswalk;

import java.util.Optional;

/**
 * The SKOS mapping predicates a {@link Mapping} may carry, from the strongest claim to the weakest.
 * {@code A BROAD B} reads "B is broader than A" ({@code skos:broadMatch}), as in SKOS.
 *
 * <pre>{@code
 * Predicate.BROAD.inverse();                 // NARROW
 * Predicate.fromCurie("skos:closeMatch");    // Optional[CLOSE]
 * }</pre>
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Predicate {
    /** {@code skos:exactMatch}: interchangeable. */
    EXACT("skos:exactMatch"),
    /** {@code skos:closeMatch}: similar enough for most uses. */
    CLOSE("skos:closeMatch"),
    /** {@code skos:broadMatch}: the object is broader than the subject. */
    BROAD("skos:broadMatch"),
    /** {@code skos:narrowMatch}: the object is narrower than the subject. */
    NARROW("skos:narrowMatch"),
    /** {@code skos:relatedMatch}: associated, not hierarchical. */
    RELATED("skos:relatedMatch");

    private final String curie;

    Predicate(String curie) {
        this.curie = curie;
    }

    /** @return the SSSOM {@code predicate_id} CURIE */
    public String curie() {
        return curie;
    }

    /** @return the predicate read from the object's side (BROAD ↔ NARROW; the others are symmetric) */
    public Predicate inverse() {
        return switch (this) {
            case BROAD -> NARROW;
            case NARROW -> BROAD;
            default -> this;
        };
    }

    /**
     * Composition of two links {@code a this b} and {@code b next c}: the claim {@code a ? c} that the
     * chain supports, never stronger than its weakest link. Table (row = first link, column = second;
     * "—" = no claim):
     *
     * <pre>
     *            EXACT    CLOSE    BROAD    NARROW   RELATED
     * EXACT      EXACT    CLOSE    BROAD    NARROW   RELATED
     * CLOSE      CLOSE    CLOSE    BROAD    NARROW   RELATED
     * BROAD      BROAD    BROAD    BROAD    RELATED  RELATED
     * NARROW     NARROW   NARROW   RELATED  NARROW   RELATED
     * RELATED    RELATED  RELATED  RELATED  RELATED  —
     * </pre>
     *
     * BROAD then NARROW (a and c share a broader b) and NARROW then BROAD (a and c share a narrower
     * b) only support RELATED; two RELATED links support nothing.
     *
     * @return the composed predicate, or empty when the chain supports no claim
     */
    public Optional<Predicate> then(Predicate next) {
        if (this == RELATED && next == RELATED) {
            return Optional.empty();
        }
        if (this == RELATED || next == RELATED) {
            return Optional.of(RELATED);
        }
        if (this == EXACT) {
            return Optional.of(next);
        }
        if (next == EXACT) {
            return Optional.of(this);
        }
        if (this == CLOSE) {
            return Optional.of(next);
        }
        if (next == CLOSE) {
            return Optional.of(this);
        }
        return Optional.of(this == next ? this : RELATED);
    }

    /** @return the predicate with this CURIE (or full SKOS IRI) */
    public static Optional<Predicate> fromCurie(String curie) {
        String c = curie.strip().replace("http://www.w3.org/2004/02/skos/core#", "skos:");
        for (Predicate p : values()) {
            if (p.curie.equals(c)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
