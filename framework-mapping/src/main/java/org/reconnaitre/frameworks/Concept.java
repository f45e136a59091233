package org.reconnaitre.frameworks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.frameworks.internal.FrameworkData;

/**
 * A concept of a loaded {@link Framework}: an occupation, a skill, knowledge, a group... A
 * lightweight view (the framework and an index); labels and relations are read from the
 * framework's compact storage on demand.
 *
 * <pre>{@code
 * Concept c = rome.concept("A1101").orElseThrow();
 * c.preferredLabel("fr");      // Optional["Conducteur / Conductrice d'engins agricoles"]
 * c.alternativeLabels("fr");   // the appellations
 * c.requirements();            // the competencies of the job sheet
 * }</pre>
 *
 * <p>Immutable and thread-safe. Two concepts are equal when they are the same concept of the same
 * framework instance.
 */
public final class Concept {
    private final Framework framework;
    private final int index;

    Concept(Framework framework, int index) {
        this.framework = framework;
        this.index = index;
    }

    int index() {
        return index;
    }

    private FrameworkData d() {
        return framework.data();
    }

    /** @return the framework this concept belongs to */
    public Framework framework() {
        return framework;
    }

    /** @return the stable URI (ESCO concept URI, {@code urn:rome:...}, CASE item URI) */
    public String id() {
        return d().uris[index];
    }

    /** @return the short code (ISCO/ESCO code, ROME code, ogr code, CASE humanCodingScheme), if any */
    public Optional<String> code() {
        return Optional.ofNullable(d().codes[index]);
    }

    /** @return the kind */
    public ConceptKind kind() {
        return ConceptKind.values()[d().kinds[index]];
    }

    /** @return the preferred label in {@code language} (ISO 639-1, e.g. "en", "fr") */
    public Optional<String> preferredLabel(String language) {
        return Optional.ofNullable(d().pref(index, language));
    }

    /** @return the preferred label in the framework's first language that has one (else the code) */
    public String preferredLabel() {
        return d().anyPref(index);
    }

    /** @return the alternative labels in {@code language} (empty when none) */
    public List<String> alternativeLabels(String language) {
        String[][] a = d().alt.get(language);
        String @Nullable [] l = a == null ? null : a[index];
        return l == null ? List.of() : List.of(l);
    }

    /** @return the direct broader concepts (several parents are possible) */
    public List<Concept> broader() {
        FrameworkData d = d();
        return framework.concepts(d.broader, d.broaderStart[index], d.broaderStart[index + 1]);
    }

    /** @return the direct narrower concepts */
    public List<Concept> narrower() {
        FrameworkData d = d();
        return framework.concepts(d.narrower, d.narrowerStart[index], d.narrowerStart[index + 1]);
    }

    /** @return the competencies this occupation requires (empty for other kinds), strongest first */
    public List<Requirement> requirements() {
        FrameworkData d = d();
        List<Requirement> out = new ArrayList<>(d.reqStart[index + 1] - d.reqStart[index]);
        for (int k = d.reqStart[index]; k < d.reqStart[index + 1]; k++) {
            out.add(new Requirement(new Concept(framework, d.req[k]), d.reqWeight[k],
                    d.reqFlag[k] == FrameworkData.ESSENTIAL));
        }
        out.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        return out;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Concept c && c.framework == framework && c.index == index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(framework), index);
    }

    @Override
    public String toString() {
        return kind() + " " + code().orElse(id()) + " \"" + preferredLabel() + "\"";
    }

    static List<Concept> of(Framework f, int[] idx) {
        return Arrays.stream(idx).mapToObj(i -> new Concept(f, i)).toList();
    }
}
