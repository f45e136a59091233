package org.reconnaitre.frameworks.internal.eval;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.reconnaitre.frameworks.Concept;
import org.reconnaitre.frameworks.Framework;
import org.reconnaitre.frameworks.Frameworks;
import org.reconnaitre.frameworks.Proximity;
import org.reconnaitre.frameworks.crosswalk.Crosswalk;
import org.reconnaitre.frameworks.crosswalk.OccupationMatcher;

/**
 * A timed command for the full data sets: load time and retained heap of ESCO (EN + the French
 * occupation labels when present) and ROME, proximity index build, top-10 latency for one origin
 * (median and p99 over every origin, after a warm-up pass) and the total for all origins; with
 * {@code --candidates FILE} also writes the ROME → ESCO label candidates as SSSOM.
 * Usage: {@code main(sharedDir [--candidates FILE])}.
 */
public final class FrameworkBenchmark {
    private FrameworkBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path esco = shared.resolve("data/esco-v1.1.1");
        Path rome = shared.resolve("data/rome-v460");
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Framework e = measure("ESCO (en zips + occupations_fr)", () -> Frameworks.esco().load(
                esco.resolve("esco-v1.1.1-classification-en-csv.zip"), esco.resolve("esco-v1.1.1-relations-csv.zip"),
                esco.resolve("occupations_fr_v1.1.2.csv")));
        Framework r = measure("ROME v460", () -> Frameworks.rome().load(rome));
        // second, warm loads (JIT compiled): the steady-state cost in a long-running service
        measure("ESCO again (warm)", () -> Frameworks.esco().load(
                esco.resolve("esco-v1.1.1-classification-en-csv.zip"), esco.resolve("esco-v1.1.1-relations-csv.zip"),
                esco.resolve("occupations_fr_v1.1.2.csv")));
        measure("ROME again (warm)", () -> Frameworks.rome().load(rome));
        for (Framework f : List.of(e, r)) {
            long h0 = usedAfterGc();
            long t0 = System.nanoTime();
            Proximity p = f.proximity();
            long build = System.nanoTime() - t0;
            System.out.printf(Locale.ROOT, "%s: proximity index retained heap ~%.1f MB%n", f.name(),
                    (usedAfterGc() - h0) / 1048576.0);
            List<Concept> occ = p.occupations();
            for (Concept c : occ) {
                p.transitions(c, 10); // warm-up
            }
            long[] lat = new long[occ.size()];
            long all0 = System.nanoTime();
            for (int i = 0; i < occ.size(); i++) {
                long q0 = System.nanoTime();
                p.transitions(occ.get(i), 10);
                lat[i] = System.nanoTime() - q0;
            }
            long all = System.nanoTime() - all0;
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "%s: index build %d ms; top-10 with gaps: median %.2f ms, p99 %.2f ms, "
                            + "all %d origins %d ms%n", f.name(), build / 1_000_000, lat[lat.length / 2] / 1e6,
                    lat[(int) (lat.length * 0.99)] / 1e6, occ.size(), all / 1_000_000);
        }
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--candidates")) {
                long t0 = System.nanoTime();
                Crosswalk cw = OccupationMatcher.candidates(r, e, "fr", 0.5);
                Files.writeString(Path.of(args[i + 1]), cw.toSssom());
                System.out.printf(Locale.ROOT, "ROME -> ESCO candidates: %d mappings in %d ms -> %s%n",
                        cw.mappings().size(), (System.nanoTime() - t0) / 1_000_000, args[i + 1]);
            }
        }
    }

    interface Load {
        Framework get() throws Exception;
    }

    private static Framework measure(String what, Load load) throws Exception {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        Framework f = load.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "%s: %s, load %d ms, retained heap ~%.1f MB%n", what, f, ms, (after - before) / 1048576.0);
        return f;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
