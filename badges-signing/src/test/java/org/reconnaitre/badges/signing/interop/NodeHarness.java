package org.reconnaitre.badges.signing.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the scripts of the {@code interop/} Node project (sign.mjs, verify.mjs) as processes.
 * The folder comes from the {@code reconnaitre.interop.dir} system property (set by the
 * {@code interop} Maven profile), else {@code ../interop}; {@code node} must be on the PATH and
 * {@code npm ci} must have run there.
 */
final class NodeHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 180;

    /** One line of verify.mjs output. */
    record JsVerdict(String file, boolean verified, String error) {}

    /** What a process did. */
    record Run(int exitCode, String stdout, String stderr) {}

    private final Path dir;

    NodeHarness() {
        String configured = System.getProperty("reconnaitre.interop.dir", "");
        this.dir = (configured.isBlank() ? Path.of("..", "interop") : Path.of(configured)).toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path credentialsDir() {
        return dir.resolve("credentials");
    }

    /** Checks that the project and its installed dependencies are there. */
    void assertInstalled() {
        assertThat(dir.resolve("package.json")).as("interop project").exists();
        assertThat(dir.resolve("node_modules/@digitalbazaar/vc")).as("npm ci has run in " + dir).isDirectory();
    }

    /** Runs {@code node sign.mjs OUT [args]} and returns the files it wrote (.json and .jwt), sorted. */
    List<Path> sign(Path out, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "sign.mjs", out.toString()));
        command.addAll(List.of(args));
        Run run = run(command);
        assertThat(run.exitCode()).as("sign.mjs failed: %s", run.stderr()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jwt")).sorted().toList();
        }
    }

    /** Runs {@code node verify.mjs [options] FILE...}; the verdicts by file name. */
    Map<String, JsVerdict> verify(List<String> options, List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "verify.mjs"));
        command.addAll(options);
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        Run run = run(command);
        assertThat(run.exitCode()).as("verify.mjs harness failure: %s", run.stderr()).isZero();
        Map<String, JsVerdict> verdicts = new LinkedHashMap<>();
        for (String line : run.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            String file = Path.of(node.path("file").asText()).getFileName().toString();
            verdicts.put(file, new JsVerdict(file, node.path("verified").asBoolean(false), node.path("error").asText("")));
        }
        assertThat(verdicts).as("one verdict per file").hasSize(files.size());
        return verdicts;
    }

    Map<String, JsVerdict> verify(List<Path> files) throws IOException, InterruptedException {
        return verify(List.of(), files);
    }

    Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Path stdout = Files.createTempFile("interop-out", ".txt");
        Path stderr = Files.createTempFile("interop-err", ".txt");
        try {
            pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Process process = pb.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
