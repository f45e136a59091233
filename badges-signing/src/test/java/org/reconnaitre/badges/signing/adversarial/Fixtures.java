package org.reconnaitre.badges.signing.adversarial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.adversarial.Tally.Verdict;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Every signed fixture the project has (test resources of this module, badges-model and
 * badges-fuzz) and, when {@code -Dreconnaitre.shared=DIR} is set, every signed fixture and vector of
 * {@code DIR/openbadges}: each is verified offline (its URLs mapped as the shared manifest says), then
 * rewritten (its verdict must hold or the rewrite be rejected) and, when valid, mutated (never valid).
 */
final class Fixtures {
    private static final List<String> PROJECT_DIRS = List.of("src/test/resources", "../badges-model/src/test/resources",
            "../badges-fuzz/src/test/resources");

    private Fixtures() {}

    static void all(Consumer<Variant> add, Tally tally) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String dir : PROJECT_DIRS) {
            collect(Path.of(dir), "project:", files);
        }
        Optional<Path> shared = SharedData.find().map(p -> p.resolve("openbadges")).filter(Files::isDirectory);
        Verifier verifier;
        if (shared.isPresent()) {
            collect(shared.get().resolve("fixtures"), "shared:", files);
            collect(shared.get().resolve("vectors"), "shared:", files);
            Map<String, Path> map = new LinkedHashMap<>(SharedData.urlMap(shared.get(), "exact"));
            map.putAll(SharedData.urlMap(shared.get(), "prefix"));
            verifier = verifier(Fetcher.offline(map));
        } else {
            System.out.println("Adversarial generator: the shared fixtures are skipped (set -Dreconnaitre.shared=DIR to add"
                    + " DIR/openbadges).");
            verifier = verifier(Fetcher.offline(Map.of()));
        }
        AdversarialGeneratorTest gen = new AdversarialGeneratorTest() {
            @Override
            void add(Variant v) {
                add.accept(v);
            }
        };
        for (var f : files.entrySet()) {
            Verdict base = Verdict.of(verifier.verify(f.getValue()));
            tally.passed("fixtures (verified as is)");
            try {
                Doc.parse(f.getValue());
            } catch (RuntimeException e) {
                continue; // not an object or compact JWS (a list, a baked image): not rewritten
            }
            gen.rewrites("fixture-rewrite", f.getKey(), f.getValue(), verifier, base);
            if (base.valid()) {
                gen.mutations("fixture-mutation", f.getKey(), f.getValue(), verifier, base);
            }
        }
    }

    private static Verifier verifier(Fetcher fetcher) {
        try {
            return Inputs.verifier(fetcher, true, b -> {}, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed documents under {@code dir}: JSON with a proof or an OB 2.0 signature, compact JWS files. */
    private static void collect(Path dir, String prefix, Map<String, String> into) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> s = Files.walk(dir)) {
            paths = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
        for (Path p : paths) {
            String name = p.getFileName().toString();
            if (Files.size(p) > 2_000_000 || name.endsWith(".png") || name.endsWith(".svg") || name.endsWith(".md")
                    || name.endsWith(".txt")) {
                continue;
            }
            String text;
            try {
                text = Files.readString(p).strip();
            } catch (java.nio.charset.MalformedInputException e) {
                continue; // binary
            }
            boolean jws = text.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
            boolean signedJson = text.startsWith("{") && (text.contains("\"proof\"") || text.contains("\"proofValue\""));
            if (jws || signedJson) {
                into.put(prefix + dir.relativize(p), text);
            }
        }
    }
}
