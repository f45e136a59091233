package org.reconnaitre.frameworks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.reconnaitre.frameworks.internal.FrameworkData;
import org.reconnaitre.frameworks.internal.ProximityIndex;

/**
 * Occupation proximity and career transitions computed from competencies only.
 *
 * <p>Each occupation is a sparse vector over its required items (essential/core weight 1,
 * optional/peripheral {@link Builder#optionalWeight}), smoothed through the skill hierarchy
 * (every ancestor up to {@link Builder#hierarchyDepth} levels receives the weight times
 * {@link Builder#hierarchyDecay} per level) and weighted by IDF over occupations; a second sparse
 * vector holds the (accent-folded, stemmed) words of its items' labels, so that two items saying
 * nearly the same thing still meet. Both spaces are also reduced, once at build time, to a
 * {@link Builder#latentRank rank-k} latent space (truncated SVD, as in latent semantic analysis),
 * where occupations meet through requirements that co-occur on other occupations. The
 * <em>transition score</em> from an origin to a destination is
 * {@code (1 − t − c − r − l) · cosine(items) + t · cosine(words) + c · coverage
 * + r · reverse coverage + l · latent cosine}, where coverage is the share of the destination's
 * weighted requirements the origin already has and reverse coverage the share of the origin's
 * requirements the destination keeps — both asymmetric. Defaults: optional weight 1, depth 1,
 * decay 1, t = 0.25, c = 0.05, r = 0.15, l = 0.2, rank 150. See
 * {@code framework-mapping/EVALUATION.md} for the measured effect of each ingredient against ROME's
 * expert mobilities.
 *
 * <pre>{@code
 * Proximity p = rome.proximity();                      // defaults
 * List<Transition> best = p.transitions(rome.concept("M1607").orElseThrow(), 10);
 * Fit fit = p.fit(List.of(skill1, skill2), best.get(0).destination());
 * }</pre>
 *
 * <p>Immutable and thread-safe; queries allocate their own scratch space.
 */
public final class Proximity {
    private final Framework framework;
    private final ProximityIndex index;

    Proximity(Framework framework, ProximityIndex index) {
        this.framework = framework;
        this.index = index;
    }

    /** @return a builder for non-default parameters */
    public static Builder builder(Framework framework) {
        return new Builder(framework);
    }

    /** @return the framework */
    public Framework framework() {
        return framework;
    }

    /** @return the occupations this index ranks (those with at least one requirement) */
    public List<Concept> occupations() {
        return Concept.of(framework, index.occupations());
    }

    /**
     * The {@code k} best destinations from {@code origin}, with their scores and gaps.
     *
     * @throws IllegalArgumentException when origin is not a ranked occupation of this framework
     */
    public List<Transition> transitions(Concept origin, int k) {
        int o = check(origin);
        int[][] r = index.top(o, k);
        List<Transition> out = new ArrayList<>(r[0].length);
        for (int i = 0; i < r[0].length; i++) {
            Concept dest = framework.at(r[0][i]);
            out.add(new Transition(origin, dest, Float.intBitsToFloat(r[1][i]), gaps(directItems(o), dest)));
        }
        return out;
    }

    /**
     * The {@code k} best destinations of every occupation, in loading order (for batch export).
     * Runs on the calling thread.
     */
    public Map<Concept, List<Transition>> allTransitions(int k) {
        Map<Concept, List<Transition>> out = new LinkedHashMap<>();
        for (Concept c : occupations()) {
            out.put(c, transitions(c, k));
        }
        return out;
    }

    /** @return the asymmetric transition score origin → destination, in [0, 1] */
    public double score(Concept origin, Concept destination) {
        return index.score(check(origin), check(destination));
    }

    /**
     * How well a person's competencies fit an occupation: hierarchy-smoothed weighted coverage and
     * the ranked gap.
     *
     * @param competencies concepts of this framework (skills, knowledge...); others are ignored
     */
    public Fit fit(Collection<Concept> competencies, Concept occupation) {
        int o = check(occupation);
        Set<Integer> held = new HashSet<>();
        for (Concept c : competencies) {
            if (c.framework() == framework) {
                held.add(c.index());
            }
        }
        int[] items = held.stream().mapToInt(Integer::intValue).toArray();
        double coverage = index.coverage(index.queryOf(items), o);
        List<Requirement> covered = new ArrayList<>();
        for (Requirement r : occupation.requirements()) {
            if (held.contains(r.competency().index())) {
                covered.add(r);
            }
        }
        return new Fit(occupation, Math.min(1, coverage), covered, gaps(held, occupation));
    }

    /**
     * Occupations ranked for a set of competencies (a portfolio), best first.
     */
    public List<Map.Entry<Concept, Double>> bestOccupations(Collection<Concept> competencies, int k) {
        int[] items = competencies.stream().filter(c -> c.framework() == framework)
                .mapToInt(Concept::index).distinct().toArray();
        int[][] r = index.top(index.queryOf(items), k);
        List<Map.Entry<Concept, Double>> out = new ArrayList<>();
        for (int i = 0; i < r[0].length; i++) {
            out.add(Map.entry(framework.at(r[0][i]), (double) Float.intBitsToFloat(r[1][i])));
        }
        return out;
    }

    private Set<Integer> directItems(int occupation) {
        FrameworkData d = framework.data();
        Set<Integer> s = new HashSet<>();
        for (int k = d.reqStart[occupation]; k < d.reqStart[occupation + 1]; k++) {
            s.add(d.req[k]);
        }
        return s;
    }

    private List<Gap> gaps(Set<Integer> held, Concept destination) {
        FrameworkData d = framework.data();
        int c = destination.index();
        List<Gap> out = new ArrayList<>();
        for (int k = d.reqStart[c]; k < d.reqStart[c + 1]; k++) {
            int item = d.req[k];
            if (!held.contains(item)) {
                boolean essential = d.reqFlag[k] == FrameworkData.ESSENTIAL;
                out.add(new Gap(framework.at(item), essential, d.reqWeight[k] * Math.max(index.idf(item), 1e-3)));
            }
        }
        out.sort((a, b) -> {
            int x = Boolean.compare(b.essential(), a.essential());
            return x != 0 ? x : Double.compare(b.importance(), a.importance());
        });
        return out;
    }

    private int check(Concept c) {
        Objects.requireNonNull(c, "concept");
        if (c.framework() != framework || !index.contains(c.index())) {
            throw new IllegalArgumentException(c + " is not an occupation with requirements in " + framework);
        }
        return c.index();
    }

    /**
     * Parameters of a proximity index. Defaults: optional weight 1, IDF on, hierarchy depth 1,
     * decay 1, text weight 0.25, coverage weight 0.05, reverse coverage weight 0.15, latent weight
     * 0.2 at rank 150, work contexts and knowledge included; the item cosine gets what the four
     * weights leave of 1. Not thread-safe; the built {@link Proximity} is.
     */
    public static final class Builder {
        private final Framework framework;
        private ProximityIndex.Params p = ProximityIndex.Params.DEFAULT;

        private Builder(Framework framework) {
            this.framework = Objects.requireNonNull(framework, "framework");
        }

        /** Weight of optional (ESCO) / peripheral (ROME) requirements, in [0, 1]. */
        public Builder optionalWeight(double w) {
            if (w < 0 || w > 1) {
                throw new IllegalArgumentException("optional weight must be in [0, 1]: " + w);
            }
            p = p.with("optionalWeight", w);
            return this;
        }

        /** Whether features are weighted by their inverse document frequency over occupations. */
        public Builder idf(boolean on) {
            p = p.with("idf", on ? 1 : 0);
            return this;
        }

        /** How many levels of broader concepts share a requirement's weight (0 = none). */
        public Builder hierarchyDepth(int levels) {
            if (levels < 0 || levels > 8) {
                throw new IllegalArgumentException("depth must be in [0, 8]: " + levels);
            }
            p = p.with("depth", levels);
            return this;
        }

        /** Weight multiplier per hierarchy level, in [0, 1]. */
        public Builder hierarchyDecay(double decay) {
            if (decay < 0 || decay > 1) {
                throw new IllegalArgumentException("decay must be in [0, 1]: " + decay);
            }
            p = p.with("decay", decay);
            return this;
        }

        /** Share of the label-token cosine in the score, in [0, 1]. */
        public Builder textWeight(double share) {
            check(share, "text weight");
            p = p.with("textWeight", share);
            return this;
        }

        /** Share of the asymmetric coverage in the score, in [0, 1]. */
        public Builder coverageWeight(double share) {
            check(share, "coverage weight");
            p = p.with("coverageWeight", share);
            return this;
        }

        private void check(double v, String what) {
            if (v < 0 || v > 1) {
                throw new IllegalArgumentException(what + " must be in [0, 1]: " + v);
            }
        }

        /** Share of the reverse coverage (the origin's requirements the destination keeps), in [0, 1]. */
        public Builder reverseCoverageWeight(double share) {
            check(share, "reverse coverage weight");
            p = p.with("reverseCoverageWeight", share);
            return this;
        }

        /** Share of the latent (truncated SVD) cosine in the score, in [0, 1]; 0 skips building it. */
        public Builder latentWeight(double share) {
            check(share, "latent weight");
            p = p.with("latentWeight", share);
            return this;
        }

        /** Dimensions kept by the latent spaces, in [1, 1000]. */
        public Builder latentRank(int k) {
            if (k < 1 || k > 1000) {
                throw new IllegalArgumentException("latent rank must be in [1, 1000]: " + k);
            }
            p = p.with("latentRank", k);
            return this;
        }

        /** Whether work contexts count as requirements (ROME). */
        public Builder workContexts(boolean on) {
            p = p.with("workContexts", on ? 1 : 0);
            return this;
        }

        /** Whether knowledge items count as requirements. */
        public Builder knowledge(boolean on) {
            p = p.with("knowledge", on ? 1 : 0);
            return this;
        }

        /**
         * @return the index (a pass over the relations, plus a few sparse products and a small
         *     eigen-decomposition per latent space)
         * @throws IllegalArgumentException when the text, coverage, reverse coverage and latent
         *     weights add up to more than 1
         */
        public Proximity build() {
            if (p.itemWeight() < -1e-9) {
                throw new IllegalArgumentException(
                        "text + coverage + reverse coverage + latent weights must not exceed 1");
            }
            return new Proximity(framework, new ProximityIndex(framework.data(), p));
        }
    }
}
