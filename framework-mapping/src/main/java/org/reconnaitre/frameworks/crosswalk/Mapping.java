package org.reconnaitre.frameworks.crosswalk;

import java.util.Objects;

/**
 * One SSSOM mapping: {@code subject predicate object}, with a confidence, a justification (a
 * SEMAPV term such as {@code semapv:LexicalMatching}, {@code semapv:ManualMappingCuration},
 * {@code semapv:MappingChaining}) and a free-text provenance (who or what made it, and from what).
 * Identifiers are full URIs ({@code http://data.europa.eu/esco/occupation/...},
 * {@code urn:rome:fiche:A1101}); SSSOM files abbreviate them with their curie map.
 *
 * <pre>{@code
 * Mapping m = new Mapping("urn:rome:fiche:N4103", "Conducteur de bus", Predicate.CLOSE,
 *         "http://data.europa.eu/esco/occupation/...", "bus driver", 0.9,
 *         "semapv:LexicalMatching", "french labels");
 * m.inverse().predicate();   // CLOSE, subject and object swapped
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param subjectId the subject URI
 * @param subjectLabel its label (may be empty)
 * @param predicate the SKOS predicate
 * @param objectId the object URI
 * @param objectLabel its label (may be empty)
 * @param confidence in [0, 1], kept to 4 decimals (as SSSOM files carry it)
 * @param justification a SEMAPV CURIE
 * @param provenance free text (no tab or line break)
 */
public record Mapping(String subjectId, String subjectLabel, Predicate predicate, String objectId,
        String objectLabel, double confidence, String justification, String provenance) {
    /** Validates. */
    public Mapping {
        Objects.requireNonNull(predicate, "predicate");
        subjectId = clean(subjectId, "subjectId");
        objectId = clean(objectId, "objectId");
        subjectLabel = clean(subjectLabel, null);
        objectLabel = clean(objectLabel, null);
        justification = clean(justification, "justification");
        provenance = clean(provenance, null);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        confidence = Math.round(confidence * 10_000) / 10_000.0;
    }

    private static String clean(String s, String requiredName) {
        Objects.requireNonNull(s, requiredName == null ? "label" : requiredName);
        String c = s.replaceAll("[\\t\\r\\n]+", " ").strip();
        if (requiredName != null && c.isEmpty()) {
            throw new IllegalArgumentException(requiredName + " must not be blank");
        }
        return c;
    }

    /** @return the same claim read from the object's side */
    public Mapping inverse() {
        return new Mapping(objectId, objectLabel, predicate.inverse(), subjectId, subjectLabel, confidence,
                justification, provenance);
    }
}
