package org.reconnaitre.frameworks.internal.eval;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.frameworks.internal.Csv;
import org.reconnaitre.frameworks.internal.FrameworkData;
import org.reconnaitre.frameworks.internal.ProximityIndex;
import org.reconnaitre.frameworks.internal.RomeLoader;
import org.reconnaitre.frameworks.internal.Sources;

/**
 * Scores occupation proximity configurations against ROME's expert mobilities
 * ({@code unix_rubrique_mobilite_vNNN_utf8.csv}): P@10, R@10 and MRR over every origin that has at
 * least one mobility. The answer key is read here only, after the index is built, and never fed
 * to the index. Run: {@code main(sharedDir)}; prints a Markdown table.
 */
public final class MobilityEvaluation {
    /** Metrics over a set of origins. */
    public record Metrics(double p10, double r10, double mrr, int origins) {}

    private final FrameworkData data;
    private final Map<Integer, Set<Integer>> truth;

    public MobilityEvaluation(Path romeDir) throws BadgeException {
        this.data = RomeLoader.load(romeDir);
        this.truth = readAnswerKey(romeDir, data);
    }

    public FrameworkData data() {
        return data;
    }

    public Map<Integer, Set<Integer>> truth() {
        return truth;
    }

    static Map<Integer, Set<Integer>> readAnswerKey(Path dir, FrameworkData d) throws BadgeException {
        Path f = dir.resolve("unix_rubrique_mobilite_" + d.version + "_utf8.csv");
        Map<Integer, Set<Integer>> t = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(f)) {
            Sources.readStream(in, f.toString(), (Csv csv) -> {
                int a = csv.column("code_rome");
                int b = csv.column("code_rome_cible");
                String[] r;
                while ((r = csv.next()) != null) {
                    int o = d.find(RomeLoader.FICHE + r[a].strip());
                    int x = d.find(RomeLoader.FICHE + r[b].strip());
                    if (o >= 0 && x >= 0 && o != x) {
                        t.computeIfAbsent(o, k -> new HashSet<>()).add(x);
                    }
                }
            });
        } catch (java.io.IOException e) {
            throw new BadgeException(BadgeException.Code.IO, "cannot read " + f, e);
        }
        return t;
    }

    /** Evaluates one configuration on the origins selected by {@code fold} (-1 = all, 0/1 = halves). */
    public Metrics evaluate(ProximityIndex.Params p, int fold) {
        return evaluate(new ProximityIndex(data, p), fold);
    }

    /** @return the metrics of one configuration over all origins, fold A and fold B (one index build) */
    public Metrics[] evaluateFolds(ProximityIndex.Params p) {
        ProximityIndex idx = new ProximityIndex(data, p);
        return new Metrics[] {evaluate(idx, -1), evaluate(idx, 0), evaluate(idx, 1)};
    }

    private Metrics evaluate(ProximityIndex idx, int fold) {
        double sp = 0;
        double sr = 0;
        double smrr = 0;
        int n = 0;
        int all = idx.occupations().length;
        for (Map.Entry<Integer, Set<Integer>> e : truth.entrySet()) {
            int o = e.getKey();
            if (!idx.contains(o) || (fold >= 0 && (data.codes[o].hashCode() & 1) != fold)) {
                continue;
            }
            Set<Integer> rel = e.getValue();
            int[] ranked = idx.top(o, all)[0];
            int hits = 0;
            double rr = 0;
            for (int i = 0; i < ranked.length; i++) {
                if (rel.contains(ranked[i])) {
                    if (i < 10) {
                        hits++;
                    }
                    if (rr == 0) {
                        rr = 1.0 / (i + 1);
                    }
                }
            }
            sp += hits / 10.0;
            sr += hits / (double) rel.size();
            smrr += rr;
            n++;
        }
        return new Metrics(sp / n, sr / n, smrr / n, n);
    }

    /**
     * {@code main(sharedDir [EVALUATION.md])}: prints the ablation table; with a second argument,
     * also writes it between the {@code <!-- results:start -->} and {@code <!-- results:end -->}
     * markers of that file.
     */
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        long t0 = System.nanoTime();
        MobilityEvaluation ev = new MobilityEvaluation(shared.resolve("data/rome-v460"));
        System.err.printf(Locale.ROOT, "loaded ROME in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        StringBuilder md = new StringBuilder();
        md.append("| configuration | P@10 | R@10 | MRR | P@10 fold A | P@10 fold B | MRR fold A | MRR fold B |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        int origins = 0;
        for (Map.Entry<String, ProximityIndex.Params> c : configurations().entrySet()) {
            Metrics[] f = ev.evaluateFolds(c.getValue());
            Metrics m = f[0];
            origins = m.origins();
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", c.getKey(),
                    m.p10(), m.r10(), m.mrr(), f[1].p10(), f[2].p10(), f[1].mrr(), f[2].mrr()));
            System.err.print(".");
        }
        md.append("\nOrigins evaluated: ").append(origins).append(" (every ROME job sheet with at least one mobility); ")
                .append(ev.truth().values().stream().mapToInt(Set::size).sum()).append(" expert pairs. ")
                .append("Fold A / B: origins split by the parity of the hash of their ROME code.\n");
        System.err.println();
        System.out.print(md);
        if (args.length > 1) {
            Path doc = Path.of(args[1]);
            String text = Files.readString(doc);
            int s0 = text.indexOf("<!-- results:start -->");
            int s1 = text.indexOf("<!-- results:end -->");
            if (s0 < 0 || s1 < s0) {
                throw new IllegalArgumentException(doc + " has no <!-- results:start --> / <!-- results:end --> markers");
            }
            String out = text.substring(0, s0) + "<!-- results:start -->\n" + md + text.substring(s1);
            Files.writeString(doc, out);
            System.err.println("wrote " + doc);
        }
    }

    /** The ablation: the baseline, the default, and the default with one ingredient changed. */
    public static Map<String, ProximityIndex.Params> configurations() {
        Map<String, ProximityIndex.Params> m = new LinkedHashMap<>();
        ProximityIndex.Params base = ProximityIndex.Params.BASELINE;
        ProximityIndex.Params first = ProximityIndex.Params.FIRST;
        ProximityIndex.Params d = ProximityIndex.Params.DEFAULT;
        m.put("baseline: IDF cosine over direct items", base);
        m.put("baseline + label-token cosine (t=0.4)", base.with("textWeight", 0.4));
        m.put("baseline + coverage (c=0.1)", base.with("coverageWeight", 0.1));
        m.put("baseline + hierarchy (depth 1, decay 1)", base.with("depth", 1).with("decay", 1));
        m.put("baseline + latent cosine (l=0.2, rank 150)", base.with("latentWeight", 0.2));
        m.put("baseline + reverse coverage (r=0.15)", base.with("reverseCoverageWeight", 0.15));
        m.put("first version: hierarchy, t=0.4, c=0.1", first);
        m.put("**default**: hierarchy, t=0.25, c=0.05, r=0.15, l=0.2 (rank 150)", d);
        m.put("default without latent cosine (l=0)", d.with("latentWeight", 0));
        m.put("default without reverse coverage (r=0)", d.with("reverseCoverageWeight", 0));
        m.put("default without latent nor reverse coverage", d.with("latentWeight", 0).with("reverseCoverageWeight", 0));
        m.put("default, latent rank 100", d.with("latentRank", 100));
        m.put("default, latent rank 200", d.with("latentRank", 200));
        m.put("default, latent weight 0.3", d.with("latentWeight", 0.3));
        m.put("default without IDF", d.with("idf", 0));
        m.put("default, peripheral weight 0.5", d.with("optionalWeight", 0.5));
        m.put("default without label tokens (t=0)", d.with("textWeight", 0));
        m.put("default without work contexts", d.with("workContexts", 0));
        m.put("default without knowledge (savoirs)", d.with("knowledge", 0));
        return m;
    }
}
