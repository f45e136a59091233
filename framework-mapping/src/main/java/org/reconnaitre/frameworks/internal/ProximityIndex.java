package org.reconnaitre.frameworks.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Occupation proximity from competencies only. Each occupation has two sparse vectors:
 * <ol>
 *   <li>items: its required items (weight 1 for essential/core, {@code optionalWeight} otherwise)
 *       plus their ancestors in the skill hierarchy up to {@code depth} levels, the weight
 *       multiplied by {@code decay} per level (hierarchy smoothing), times IDF over occupations;</li>
 *   <li>label tokens: the words of its required items' labels (accent-folded, stop words out,
 *       cut to 6 letters), sublinear counts, times IDF — this smooths between distinct items that
 *       say nearly the same thing ("Entretenir un engin" / "Entretien des engins").</li>
 * </ol>
 * Both spaces also get a rank-{@code latentRank} {@link LatentSpace} (truncated SVD, LSA) built
 * once with the index. Scores: {@code cosItems}, {@code cosText} (symmetric); {@code coverage(o →
 * d)} = Σ min(o_f, d_f) / Σ d_f over item features (the share of the destination's weighted
 * requirements the origin has); {@code reverseCoverage(o → d)} = Σ min(o_f, d_f) / Σ o_f (the share
 * of the origin's requirements the destination keeps) — both asymmetric; {@code latent} = mean of
 * the latent cosines of the two spaces. Transition score = {@code itemWeight·cosItems +
 * textWeight·cosText + coverageWeight·coverage + reverseCoverageWeight·reverseCoverage +
 * latentWeight·latent}, where {@code itemWeight} is what the other weights leave of 1.
 * Queries walk inverted indexes and allocate their own scratch arrays, so an index is immutable
 * and safe to query from many threads (the build itself computes the label-token latent space on
 * a common-pool thread beside the item one). Internal.
 */
public final class ProximityIndex {
    /**
     * Tuning knobs; {@link #DEFAULT} is what the public API uses. The item cosine gets the weight
     * left over by the other terms: {@code 1 − textWeight − coverageWeight − reverseCoverageWeight
     * − latentWeight}.
     */
    public record Params(double optionalWeight, boolean idf, int depth, double decay, double textWeight,
            double coverageWeight, boolean workContexts, boolean knowledge, double reverseCoverageWeight,
            double latentWeight, int latentRank) {
        public static final Params DEFAULT = new Params(1.0, true, 1, 1.0, 0.25, 0.05, true, true, 0.15, 0.2, 150);
        /** The reference baseline: IDF-weighted cosine over direct items, nothing else. */
        public static final Params BASELINE = new Params(1.0, true, 0, 0, 0, 0, true, true, 0, 0, 150);
        /** The default of the first version (items, label tokens, coverage, hierarchy; no latent, no reverse). */
        public static final Params FIRST = new Params(1.0, true, 1, 1.0, 0.4, 0.1, true, true, 0, 0, 150);

        public Params with(String knob, double v) {
            double o = optionalWeight;
            boolean i = idf;
            int dp = depth;
            double dc = decay;
            double t = textWeight;
            double c = coverageWeight;
            boolean wc = workContexts;
            boolean kn = knowledge;
            double r = reverseCoverageWeight;
            double lw = latentWeight;
            int lr = latentRank;
            switch (knob) {
                case "optionalWeight" -> o = v;
                case "idf" -> i = v != 0;
                case "depth" -> dp = (int) v;
                case "decay" -> dc = v;
                case "textWeight" -> t = v;
                case "coverageWeight" -> c = v;
                case "workContexts" -> wc = v != 0;
                case "knowledge" -> kn = v != 0;
                case "reverseCoverageWeight" -> r = v;
                case "latentWeight" -> lw = v;
                case "latentRank" -> lr = (int) v;
                default -> throw new IllegalArgumentException("unknown parameter " + knob);
            }
            return new Params(o, i, dp, dc, t, c, wc, kn, r, lw, lr);
        }

        /** @return the weight of the item cosine (what the other terms leave) */
        public double itemWeight() {
            return 1 - textWeight - coverageWeight - reverseCoverageWeight - latentWeight;
        }
    }

    /** Seed of the latent spaces' random start (fixed: the index is deterministic). */
    static final long SEED = 0x5EEDL;
    static final int STEM = 6;

    private final FrameworkData d;
    private final Params p;
    private final int[] occ;
    private final int[] occPos;
    private final Space items;
    private final Space text;
    private final LatentSpace latentItems;
    private final LatentSpace latentText;
    private final Map<String, Integer> vocab = new HashMap<>();
    private final String lang;

    public ProximityIndex(FrameworkData d, Params p) {
        this.d = d;
        this.p = p;
        this.lang = d.languages.isEmpty() ? "" : d.languages.get(0);
        int n = d.size();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (isOccupation(i)) {
                count++;
            }
        }
        occ = new int[count];
        occPos = new int[n];
        Arrays.fill(occPos, -1);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (isOccupation(i)) {
                occPos[i] = k;
                occ[k++] = i;
            }
        }
        List<Map<Integer, Float>> rawItems = new ArrayList<>(count);
        List<Map<Integer, Float>> rawText = new ArrayList<>(count);
        Map<Integer, int[]> itemTokens = new HashMap<>(); // labels are tokenised once per item
        for (int o = 0; o < count; o++) {
            int c = occ[o];
            Map<Integer, Float> v = new HashMap<>();
            Map<Integer, Float> t = new HashMap<>();
            for (int q = d.reqStart[c]; q < d.reqStart[c + 1]; q++) {
                int item = d.req[q];
                if (!accept(item)) {
                    continue;
                }
                float w = d.reqFlag[q] == FrameworkData.ESSENTIAL ? 1f : (float) p.optionalWeight();
                expand(item, w, 0, v);
                if (p.textWeight() > 0) {
                    for (int tok : itemTokens.computeIfAbsent(item, this::growTokens)) {
                        t.merge(tok, w, Float::sum);
                    }
                }
            }
            rawItems.add(v);
            t.replaceAll((f, x) -> x >= 1 ? (float) (1 + Math.log(x)) : x);
            rawText.add(t);
        }
        items = new Space(rawItems, n, p.idf());
        text = new Space(rawText, vocab.size(), true);
        if (p.latentWeight() > 0) {
            // the two decompositions are independent: the second runs beside the first
            CompletableFuture<LatentSpace> t = CompletableFuture.supplyAsync(() -> text.latent(p.latentRank()));
            latentItems = items.latent(p.latentRank());
            latentText = t.join();
        } else {
            latentItems = null;
            latentText = null;
        }
    }

    private boolean isOccupation(int i) {
        return d.kinds[i] == FrameworkData.OCCUPATION && d.reqStart[i + 1] > d.reqStart[i];
    }

    /** @return the distinct token ids of an item's label, adding new tokens to the vocabulary */
    private int[] growTokens(int item) {
        Map<Integer, Float> t = new HashMap<>();
        addTokens(item, 1f, t, true);
        int[] ids = new int[t.size()];
        int i = 0;
        for (int id : t.keySet()) {
            ids[i++] = id;
        }
        Arrays.sort(ids);
        return ids;
    }

    private void addTokens(int item, float w, Map<Integer, Float> t, boolean grow) {
        String label = lang.isEmpty() ? d.anyPref(item) : d.pref(item, lang);
        if (label == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String tok : Text.tokens(label, STEM)) {
            if (seen.add(tok)) {
                Integer id = vocab.get(tok);
                if (id == null) {
                    if (!grow) {
                        continue;
                    }
                    id = vocab.size();
                    vocab.put(tok, id);
                }
                t.merge(id, w, Float::sum);
            }
        }
    }

    private boolean accept(int item) {
        byte kind = d.kinds[item];
        return (p.workContexts() || kind != FrameworkData.WORK_CONTEXT)
                && (p.knowledge() || kind != FrameworkData.KNOWLEDGE);
    }

    private void expand(int c, float w, int level, Map<Integer, Float> v) {
        v.merge(c, w, Math::max);
        if (level >= p.depth() || w <= 0 || p.decay() <= 0) {
            return;
        }
        float up = (float) (w * p.decay());
        for (int k = d.broaderStart[c]; k < d.broaderStart[c + 1]; k++) {
            expand(d.broader[k], up, level + 1, v);
        }
    }

    /** A query vector in both spaces. */
    public record Query(Map<Integer, Float> items, Map<Integer, Float> text) {}

    /** @return the query of an arbitrary set of items (a person's competencies), weight 1 each */
    public Query queryOf(int[] held) {
        Map<Integer, Float> v = new HashMap<>();
        Map<Integer, Float> t = new HashMap<>();
        for (int i : held) {
            expand(i, 1f, 0, v);
            if (p.textWeight() > 0) {
                addTokens(i, 1f, t, false);
            }
        }
        t.replaceAll((f, x) -> x >= 1 ? (float) (1 + Math.log(x)) : x);
        return new Query(items.weigh(v), text.weigh(t));
    }

    /** @return concept indexes of the occupations the index ranks */
    public int[] occupations() {
        return occ.clone();
    }

    /** @return true when {@code concept} is a ranked occupation */
    public boolean contains(int concept) {
        return concept >= 0 && concept < occPos.length && occPos[concept] >= 0;
    }

    /** @return the IDF of an item */
    public float idf(int concept) {
        return items.idf[concept];
    }

    /**
     * Ranks destinations for one origin occupation (the origin itself excluded).
     *
     * @return concept indexes in [0] and scores (as float bits) in [1], best first
     */
    public int[][] top(int origin, int k) {
        int o = occPos[origin];
        double[] dotI = new double[occ.length];
        double[] cover = new double[occ.length];
        double[] dotT = new double[occ.length];
        items.accumulate(o, dotI, cover);
        if (p.textWeight() > 0) {
            text.accumulate(o, dotT, null);
        }
        // the latent cosines are computed in best(), only for destinations that can still enter the top k
        return best(o, new Sums(dotI, cover, dotT, null, items.norm[o], text.norm[o], items.mass[o]), k);
    }

    /**
     * The per-destination sums of one query and the query's own norms; {@code lat} is null when the
     * latent cosines are to be computed on demand from the origin's stored embedding.
     */
    private record Sums(double[] dotI, double[] cover, double[] dotT, double @Nullable [] lat, double normI,
            double normT, double massI) {}

    /** @return the latent term of origin → destination (positions): the mean latent cosine */
    private double latent(int a, int b) {
        return (latentItems.cosine(a, b) + latentText.cosine(a, b)) / latentSpaces();
    }

    /** @return how many latent spaces hold information (the latent term is their mean cosine) */
    private int latentSpaces() {
        return Math.max(1, (latentItems.rank > 0 ? 1 : 0) + (latentText.rank > 0 ? 1 : 0));
    }

    /** Ranks occupations for an arbitrary query (nothing excluded). */
    public int[][] top(Query q, int k) {
        double[] dotI = new double[occ.length];
        double[] cover = new double[occ.length];
        double[] dotT = new double[occ.length];
        double ni = items.accumulate(q.items(), dotI, cover);
        double nt = text.accumulate(q.text(), dotT, null);
        double mass = 0;
        for (float x : q.items().values()) {
            mass += x;
        }
        double[] lat = new double[occ.length];
        if (latentItems != null) {
            double share = 1.0 / latentSpaces();
            latentItems.cosines(latentItems.foldIn(dotI), share, lat);
            latentText.cosines(latentText.foldIn(dotT), share, lat);
        }
        return best(-1, new Sums(dotI, cover, dotT, lat, ni, nt, mass), k);
    }

    /**
     * The blended transition score of destination {@code dd}: item cosine, label-token cosine,
     * coverage of the destination by the origin, coverage of the origin by the destination, latent
     * cosine.
     */
    private double score(int dd, Sums s) {
        double dotI = s.dotI()[dd];
        double cover = s.cover()[dd];
        double ci = s.normI() == 0 || items.norm[dd] == 0 ? 0 : dotI / (s.normI() * items.norm[dd]);
        double ct = s.normT() == 0 || text.norm[dd] == 0 ? 0 : s.dotT()[dd] / (s.normT() * text.norm[dd]);
        double cov = items.mass[dd] == 0 ? 0 : cover / items.mass[dd];
        double rev = s.massI() == 0 ? 0 : cover / s.massI();
        return p.itemWeight() * ci + p.textWeight() * ct + p.coverageWeight() * cov
                + p.reverseCoverageWeight() * rev + (s.lat() == null ? 0 : p.latentWeight() * s.lat()[dd]);
    }

    private int[][] best(int self, Sums sums, int k) {
        int kk = Math.max(0, Math.min(k, occ.length - (self >= 0 ? 1 : 0)));
        int[] heapIdx = new int[kk];
        double[] heapVal = new double[kk];
        int size = 0;
        boolean lazy = latentItems != null && sums.lat() == null;
        // a cosine is at most 1 (a little slack for float rounding): the most the latent term can add
        double most = p.latentWeight() * (1 + 1e-5);
        for (int dd = 0; dd < occ.length && kk > 0; dd++) {
            if (dd == self) {
                continue;
            }
            double s = score(dd, sums);
            if (lazy) {
                if (size == kk && s + most < heapVal[0]) {
                    continue; // cannot enter the top k whatever its latent cosine (exact pruning)
                }
                s += p.latentWeight() * latent(self, dd);
            }
            if (size < kk) {
                heapIdx[size] = dd;
                heapVal[size++] = s;
                if (size == kk) {
                    for (int i = size / 2 - 1; i >= 0; i--) {
                        siftDown(heapIdx, heapVal, i, size);
                    }
                }
            } else if (s > heapVal[0]) {
                heapIdx[0] = dd;
                heapVal[0] = s;
                siftDown(heapIdx, heapVal, 0, size);
            }
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(heapVal[b], heapVal[a]);
            return c != 0 ? c : Integer.compare(heapIdx[a], heapIdx[b]);
        });
        int[] idx = new int[size];
        int[] sc = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = occ[heapIdx[order[i]]];
            sc[i] = Float.floatToIntBits((float) heapVal[order[i]]);
        }
        return new int[][] {idx, sc};
    }

    /** @return the transition score origin → destination (both occupations of the index) */
    public double score(int origin, int destination) {
        int a = occPos[origin];
        int b = occPos[destination];
        double[] ic = items.pair(a, b);
        double[] tc = text.pair(a, b);
        int m = occ.length;
        double[] dotI = new double[m];
        double[] cover = new double[m];
        double[] dotT = new double[m];
        double[] lat = new double[m];
        dotI[b] = ic[0];
        cover[b] = ic[1];
        dotT[b] = tc[0];
        if (latentItems != null) {
            lat[b] = latent(a, b);
        }
        return score(b, new Sums(dotI, cover, dotT, lat, items.norm[a], text.norm[a], items.mass[a]));
    }

    /** @return weighted coverage of the destination's item vector by a query */
    public double coverage(Query q, int destination) {
        int b = occPos[destination];
        double cover = 0;
        for (int j = items.start[b]; j < items.start[b + 1]; j++) {
            Float x = q.items().get(items.feat[j]);
            if (x != null) {
                cover += Math.min(x, items.w[j]);
            }
        }
        return items.mass[b] == 0 ? 0 : cover / items.mass[b];
    }

    private static boolean less(int[] idx, double[] val, int a, int b) {
        return val[a] < val[b] || (val[a] == val[b] && idx[a] > idx[b]);
    }

    private static void siftDown(int[] idx, double[] val, int i, int size) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && less(idx, val, l, m)) {
                m = l;
            }
            if (r < size && less(idx, val, r, m)) {
                m = r;
            }
            if (m == i) {
                return;
            }
            int ti = idx[i];
            idx[i] = idx[m];
            idx[m] = ti;
            double tv = val[i];
            val[i] = val[m];
            val[m] = tv;
            i = m;
        }
    }

    /** One sparse vector space: CSR rows per occupation and postings per feature. */
    private static final class Space {
        final int[] start;
        final int[] feat;
        final float[] w;
        final double[] norm;
        final double[] mass;
        final float[] idf;
        final int[] pStart;
        final int[] pOcc;
        final float[] pW;

        Space(List<Map<Integer, Float>> raw, int features, boolean useIdf) {
            int count = raw.size();
            int[] df = new int[features];
            for (Map<Integer, Float> v : raw) {
                for (int f : v.keySet()) {
                    df[f]++;
                }
            }
            idf = new float[features];
            for (int f = 0; f < features; f++) {
                idf[f] = df[f] == 0 ? 0f : useIdf ? (float) Math.log((double) count / df[f]) : 1f;
            }
            start = new int[count + 1];
            int total = 0;
            for (int o = 0; o < count; o++) {
                total += raw.get(o).size();
                start[o + 1] = total;
            }
            feat = new int[total];
            w = new float[total];
            norm = new double[count];
            mass = new double[count];
            int[] pc = new int[features + 1];
            for (int o = 0; o < count; o++) {
                int at = start[o];
                Map<Integer, Float> v = raw.get(o);
                int[] fs = v.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
                double nn = 0;
                double m = 0;
                for (int f : fs) {
                    float x = v.get(f) * idf[f];
                    feat[at] = f;
                    w[at++] = x;
                    nn += (double) x * x;
                    m += x;
                    if (x > 0) {
                        pc[f + 1]++;
                    }
                }
                norm[o] = Math.sqrt(nn);
                mass[o] = m;
            }
            for (int f = 0; f < features; f++) {
                pc[f + 1] += pc[f];
            }
            pStart = pc;
            int[] fill = Arrays.copyOf(pStart, features);
            pOcc = new int[pStart[features]];
            pW = new float[pStart[features]];
            for (int o = 0; o < count; o++) {
                for (int j = start[o]; j < start[o + 1]; j++) {
                    if (w[j] > 0) {
                        pOcc[fill[feat[j]]] = o;
                        pW[fill[feat[j]]++] = w[j];
                    }
                }
            }
        }

        LatentSpace latent(int rank) {
            return new LatentSpace(norm.length, pStart, pOcc, pW, rank, SEED);
        }

        Map<Integer, Float> weigh(Map<Integer, Float> v) {
            Map<Integer, Float> out = new HashMap<>();
            v.forEach((f, x) -> {
                if (f < idf.length && x * idf[f] > 0) {
                    out.put(f, x * idf[f]);
                }
            });
            return out;
        }

        void accumulate(int o, double[] dot, double[] cover) {
            for (int j = start[o]; j < start[o + 1]; j++) {
                float x = w[j];
                if (x <= 0) {
                    continue;
                }
                int f = feat[j];
                for (int q = pStart[f]; q < pStart[f + 1]; q++) {
                    int dd = pOcc[q];
                    float y = pW[q];
                    dot[dd] += (double) x * y;
                    if (cover != null) {
                        cover[dd] += Math.min(x, y);
                    }
                }
            }
        }

        double accumulate(Map<Integer, Float> v, double[] dot, double[] cover) {
            double nn = 0;
            for (Map.Entry<Integer, Float> e : v.entrySet()) {
                int f = e.getKey();
                float x = e.getValue();
                nn += (double) x * x;
                for (int q = pStart[f]; q < pStart[f + 1]; q++) {
                    dot[pOcc[q]] += (double) x * pW[q];
                    if (cover != null) {
                        cover[pOcc[q]] += Math.min(x, pW[q]);
                    }
                }
            }
            return Math.sqrt(nn);
        }

        double[] pair(int a, int b) {
            double dot = 0;
            double cover = 0;
            int i = start[a];
            int j = start[b];
            while (i < start[a + 1] && j < start[b + 1]) {
                if (feat[i] == feat[j]) {
                    dot += (double) w[i] * w[j];
                    cover += Math.min(w[i], w[j]);
                    i++;
                    j++;
                } else if (feat[i] < feat[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return new double[] {dot, cover};
        }
    }
}
