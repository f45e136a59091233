package org.reconnaitre.frameworks.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Scores: {@code cosItems}, {@code cosText} (symmetric) and {@code coverage(o → d)} = Σ min(o_f,
 * d_f) / Σ d_f over item features (the share of the destination's weighted requirements the
 * origin has: asymmetric). Transition score =
 * {@code (1 − textWeight − coverageWeight)·cosItems + textWeight·cosText + coverageWeight·coverage}.
 * Queries walk inverted indexes and allocate their own scratch arrays, so an index is immutable
 * and safe to query from many threads. Internal.
 */
public final class ProximityIndex {
    /** Tuning knobs; {@link #DEFAULT} is what the public API uses. */
    public record Params(double optionalWeight, boolean idf, int depth, double decay, double textWeight,
            double coverageWeight, boolean workContexts, boolean knowledge) {
        public static final Params DEFAULT = new Params(1.0, true, 1, 1.0, 0.4, 0.1, true, true);
        /** The reference baseline: IDF-weighted cosine over direct items, nothing else. */
        public static final Params BASELINE = new Params(1.0, true, 0, 0, 0, 0, true, true);

        public Params with(String knob, double v) {
            return switch (knob) {
                case "optionalWeight" -> new Params(v, idf, depth, decay, textWeight, coverageWeight, workContexts, knowledge);
                case "idf" -> new Params(optionalWeight, v != 0, depth, decay, textWeight, coverageWeight, workContexts, knowledge);
                case "depth" -> new Params(optionalWeight, idf, (int) v, decay, textWeight, coverageWeight, workContexts, knowledge);
                case "decay" -> new Params(optionalWeight, idf, depth, v, textWeight, coverageWeight, workContexts, knowledge);
                case "textWeight" -> new Params(optionalWeight, idf, depth, decay, v, coverageWeight, workContexts, knowledge);
                case "coverageWeight" -> new Params(optionalWeight, idf, depth, decay, textWeight, v, workContexts, knowledge);
                case "workContexts" -> new Params(optionalWeight, idf, depth, decay, textWeight, coverageWeight, v != 0, knowledge);
                case "knowledge" -> new Params(optionalWeight, idf, depth, decay, textWeight, coverageWeight, workContexts, v != 0);
                default -> throw new IllegalArgumentException("unknown parameter " + knob);
            };
        }
    }

    static final int STEM = 6;

    private final FrameworkData d;
    private final Params p;
    private final int[] occ;
    private final int[] occPos;
    private final Space items;
    private final Space text;
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
                    addTokens(item, w, t, true);
                }
            }
            rawItems.add(v);
            t.replaceAll((f, x) -> x >= 1 ? (float) (1 + Math.log(x)) : x);
            rawText.add(t);
        }
        items = new Space(rawItems, n, p.idf());
        text = new Space(rawText, vocab.size(), true);
    }

    private boolean isOccupation(int i) {
        return d.kinds[i] == FrameworkData.OCCUPATION && d.reqStart[i + 1] > d.reqStart[i];
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
        return best(o, dotI, cover, dotT, items.norm[o], text.norm[o], k);
    }

    /** Ranks occupations for an arbitrary query (nothing excluded). */
    public int[][] top(Query q, int k) {
        double[] dotI = new double[occ.length];
        double[] cover = new double[occ.length];
        double[] dotT = new double[occ.length];
        double ni = items.accumulate(q.items(), dotI, cover);
        double nt = text.accumulate(q.text(), dotT, null);
        return best(-1, dotI, cover, dotT, ni, nt, k);
    }

    private double score(int dd, double dotI, double cover, double dotT, double normI, double normT) {
        double ci = normI == 0 || items.norm[dd] == 0 ? 0 : dotI / (normI * items.norm[dd]);
        double ct = normT == 0 || text.norm[dd] == 0 ? 0 : dotT / (normT * text.norm[dd]);
        double cov = items.mass[dd] == 0 ? 0 : cover / items.mass[dd];
        return (1 - p.textWeight() - p.coverageWeight()) * ci + p.textWeight() * ct + p.coverageWeight() * cov;
    }

    private int[][] best(int self, double[] dotI, double[] cover, double[] dotT, double normI, double normT, int k) {
        int kk = Math.max(0, Math.min(k, occ.length - (self >= 0 ? 1 : 0)));
        int[] heapIdx = new int[kk];
        double[] heapVal = new double[kk];
        int size = 0;
        for (int dd = 0; dd < occ.length && kk > 0; dd++) {
            if (dd == self) {
                continue;
            }
            double s = score(dd, dotI[dd], cover[dd], dotT[dd], normI, normT);
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
        return score(b, ic[0], ic[1], tc[0], items.norm[a], text.norm[a]);
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
