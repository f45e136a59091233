package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded {@code badges.jar} (system property {@code badges.jar}, set by failsafe) as a
 * real process, with a timeout, and captures its exit code, stdout and stderr.
 */
final class BadgesProcess {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** What a finished process did. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private BadgesProcess() {}

    static Path jar() {
        String jar = System.getProperty("badges.jar");
        assertThat(jar).as("system property badges.jar (set by failsafe)").isNotBlank();
        Path path = Path.of(jar);
        assertThat(path).as("the shaded jar").isRegularFile();
        return path;
    }

    /** Runs {@code java -jar badges.jar args...} with empty stdin. */
    static Result run(String... args) {
        return run(null, Map.of(), args);
    }

    /** Runs {@code java -jar badges.jar args...} with the given bytes on stdin. */
    static Result runWithStdin(byte[] stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    static Result run(byte[] stdin, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        try {
            Path dir = Files.createTempDirectory("badges-it");
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            Path in = dir.resolve("in");
            Files.write(in, stdin == null ? new byte[0] : stdin);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(in.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("badges " + String.join(" ", args) + " did not finish within "
                        + TIMEOUT + "; stderr so far: " + Files.readString(err));
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
            return r;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Asserts the process wrote a single non-empty line on stderr and no stack trace. */
    static void assertOneLineError(Result r) {
        assertThat(r.err().strip()).as(r.toString()).isNotEmpty().doesNotContain("\n")
                .doesNotContain("\tat ").doesNotContain("Exception in thread");
    }
}
