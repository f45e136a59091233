package org.reconnaitre.frameworks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reconnaitre.frameworks.internal.FrameworkData;
import org.reconnaitre.frameworks.internal.ProximityIndex;

/**
 * A loaded competency framework (ESCO, ROME 4.0, a CASE package): its metadata, its concepts,
 * their hierarchy and the occupation → competency relations, held in a compact form (integer
 * ids, arrays, sparse vectors).
 *
 * <pre>{@code
 * Framework rome = Frameworks.rome().load(Path.of("shared/data/rome-v460"));
 * Concept job = rome.concept("M1805").orElseThrow();
 * List<Transition> next = rome.proximity().transitions(job, 10);
 * }</pre>
 *
 * <p>Immutable after loading and thread-safe: any number of threads may query one instance. The
 * default {@link #proximity()} index is built once, lazily, on first use.
 */
public final class Framework {
    private final FrameworkData data;
    private volatile Proximity proximity;

    Framework(FrameworkData data) {
        this.data = data;
    }

    FrameworkData data() {
        return data;
    }

    /** @return a short identifier: {@code esco}, {@code rome} or the CASE document identifier */
    public String id() {
        return data.id;
    }

    /** @return the human name, e.g. "ESCO", "ROME 4.0" */
    public String name() {
        return data.name;
    }

    /** @return the version of the data, e.g. "1.1.1", "v460" */
    public String version() {
        return data.version;
    }

    /** @return the languages of the labels, in loading order (the first is the default) */
    public List<String> languages() {
        return data.languages;
    }

    /** @return the licence of the data */
    public String licence() {
        return data.licence;
    }

    /** @return the attribution the licence requires you to show */
    public String attribution() {
        return data.attribution;
    }

    /** @return the number of concepts of every kind */
    public int size() {
        return data.size();
    }

    /**
     * Finds a concept by URI, code (ROME code, ogr code, ESCO/ISCO code, CASE human coding scheme)
     * or alias (a ROME appellation code finds its job sheet).
     */
    public Optional<Concept> concept(String idOrCode) {
        int i = data.find(idOrCode.strip());
        return i < 0 ? Optional.empty() : Optional.of(new Concept(this, i));
    }

    /** @return every concept of that kind, in loading order */
    public List<Concept> concepts(ConceptKind kind) {
        List<Concept> out = new ArrayList<>();
        byte k = (byte) kind.ordinal();
        for (int i = 0; i < data.size(); i++) {
            if (data.kinds[i] == k) {
                out.add(new Concept(this, i));
            }
        }
        return out;
    }

    /** @return the proximity index with default parameters (built on first call, then cached) */
    public Proximity proximity() {
        Proximity p = proximity;
        if (p == null) {
            synchronized (this) {
                p = proximity;
                if (p == null) {
                    p = new Proximity(this, new ProximityIndex(data, ProximityIndex.Params.DEFAULT));
                    proximity = p;
                }
            }
        }
        return p;
    }

    List<Concept> concepts(int[] idx, int from, int to) {
        List<Concept> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            out.add(new Concept(this, idx[k]));
        }
        return out;
    }

    Concept at(int index) {
        return new Concept(this, index);
    }

    @Override
    public String toString() {
        return name() + " " + version() + " (" + size() + " concepts)";
    }
}
