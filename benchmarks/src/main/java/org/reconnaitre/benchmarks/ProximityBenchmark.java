package org.reconnaitre.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reconnaitre.frameworks.Concept;
import org.reconnaitre.frameworks.Framework;
import org.reconnaitre.frameworks.Frameworks;
import org.reconnaitre.frameworks.Proximity;
import org.reconnaitre.frameworks.Transition;

/**
 * One top-10 {@link Proximity#transitions} query (origin N4103, bus driver) on ROME 4.0 v460: the full
 * set when {@code -Dreconnaitre.shared=DIR} is given (DIR/data/rome-v460), else the small committed
 * fixture of framework-mapping (run from the repository root). When neither folder exists the setup
 * fails with a message naming the option, and JMH goes on with the other benchmarks.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProximityBenchmark -f 1 -wi 2 -i 3 -t 1}. One
 * instance per trial ({@code Scope.Benchmark}); the objects measured are themselves thread-safe,
 * the state is written only in {@code @Setup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProximityBenchmark {

    private Proximity proximity;
    private Concept origin;

    @Setup
    public void setup() throws Exception {
        String shared = System.getProperty("reconnaitre.shared");
        Path fixture = Path.of("framework-mapping", "src", "test", "resources", "fixtures", "rome-v460");
        Path dir = shared != null && !shared.isBlank()
                ? Path.of(shared, "data", "rome-v460")
                : Files.isDirectory(fixture) ? fixture : Path.of("..").resolve(fixture);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("skipped: no ROME data at " + dir.toAbsolutePath()
                    + " (run from the repository root, or pass -Dreconnaitre.shared=/path/to/shared)");
        }
        Framework rome = Frameworks.rome().load(dir);
        proximity = rome.proximity();
        origin = rome.concept("N4103").orElseThrow(() -> new IllegalStateException("no N4103 in " + dir));
        if (proximity.transitions(origin, 10).isEmpty()) {
            throw new IllegalStateException("no transitions from N4103 in " + dir);
        }
    }

    @Benchmark
    public List<Transition> top10Transitions() {
        return proximity.transitions(origin, 10);
    }
}
