package org.reconnaitre.badges.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

/**
 * {@code verify --batch DIR}: verifies every file in parallel on one shared verifier, prints one
 * line (or one JSON object) per file in file-name order as results arrive, draws a progress bar on
 * stderr when it is a terminal, and ends with a summary: counts and the most frequent failures.
 * Only regular files inside DIR are read ({@link BatchInputs}); every other entry is reported as
 * skipped and makes the exit code 1. File names and messages are escaped for the terminal in text
 * mode ({@link BadgesCli#show}).
 */
final class BatchVerification {
    private static final int TOP_REASONS = 5;

    private final Verifier verifier;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean jsonLines;

    /** The outcome for one file: a report, or why the file could not be read. */
    private record Outcome(BatchInputs.Entry entry, @Nullable VerificationReport report, @Nullable String readError) {}

    BatchVerification(Verifier verifier, PrintWriter out, PrintWriter err, boolean jsonLines) {
        this.verifier = verifier;
        this.out = out;
        this.err = err;
        this.jsonLines = jsonLines;
    }

    int run(Path dir) {
        List<BatchInputs.Entry> entries = BatchInputs.list(dir);
        List<BatchInputs.Entry> files = entries.stream().filter(e -> e.file() != null).toList();
        long start = System.nanoTime();
        Progress progress = new Progress(err, files.size(), stderrIsTerminal());
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "badges-verify");
            t.setDaemon(true);
            return t;
        });
        int valid = 0;
        int invalid = 0;
        int unreadable = 0;
        int skipped = 0;
        Map<String, Integer> reasons = new LinkedHashMap<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (BatchInputs.Entry f : files) {
                futures.add(pool.submit(() -> {
                    try {
                        return verifyOne(f);
                    } finally {
                        progress.step();
                    }
                }));
            }
            int next = 0;
            for (BatchInputs.Entry e : entries) {
                if (e.file() == null) {
                    skipped++;
                    String why = String.valueOf(e.skipped());
                    reasons.merge("skipped: " + why, 1, Integer::sum);
                    progress.clear();
                    out.println(jsonLines ? ReportJson.skipped(e.name(), why)
                            : BadgesCli.show(e.name()) + ": SKIPPED (" + BadgesCli.show(why) + ")");
                    out.flush();
                    progress.draw();
                    continue;
                }
                Outcome o = get(futures.get(next), files.get(next));
                next++;
                String name = o.entry().name();
                if (o.report() == null) {
                    unreadable++;
                    String why = String.valueOf(o.readError());
                    reasons.merge("read: " + BadgesCli.show(strip(why, name)), 1, Integer::sum);
                    progress.clear();
                    out.println(jsonLines ? ReportJson.unreadable(name, why)
                            : BadgesCli.show(name) + ": UNREADABLE (" + BadgesCli.show(why) + ")");
                } else {
                    VerificationReport r = o.report();
                    if (r.isValid()) {
                        valid++;
                    } else {
                        invalid++;
                        for (CheckResult c : r.failures()) {
                            reasons.merge(abbreviate(BadgesCli.show(c.id() + ": " + c.message())), 1, Integer::sum);
                        }
                    }
                    progress.clear();
                    out.println(jsonLines ? ReportJson.of(name, r) : line(name, r));
                }
                out.flush();
                progress.draw();
            }
        } finally {
            pool.shutdownNow();
        }
        progress.clear();
        PrintWriter summary = jsonLines ? err : out;
        double seconds = (System.nanoTime() - start) / 1e9;
        summary.printf("Verified %d file%s in %.1f s: %d valid, %d invalid, %d unreadable%s%n",
                files.size(), files.size() == 1 ? "" : "s", seconds, valid, invalid, unreadable,
                skipped == 0 ? "" : "; " + skipped + " skipped (not regular files inside the directory, never read)");
        if (!reasons.isEmpty()) {
            summary.println("Top failure reasons:");
            reasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .limit(TOP_REASONS)
                    .forEach(e -> summary.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        }
        summary.flush();
        return invalid + unreadable + skipped == 0 ? ExitCodes.VALID : ExitCodes.CHECK_FAILED;
    }

    private Outcome verifyOne(BatchInputs.Entry f) {
        byte[] bytes;
        try {
            bytes = BatchInputs.read(f);
        } catch (CliFailure e) {
            return new Outcome(f, null, String.valueOf(e.getMessage()));
        }
        return new Outcome(f, verifier.verify(bytes), null);
    }

    private static Outcome get(Future<Outcome> future, BatchInputs.Entry file) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.unreadable("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(file, null, "verification crashed: " + cause);
        }
    }

    private static String line(String name, VerificationReport r) {
        String s = VerifyCommand.summaryLine(name, r);
        if (!r.isValid()) {
            CheckResult first = r.failures().get(0);
            s += " " + abbreviate(BadgesCli.show(first.id() + ": " + first.message()));
        }
        return s;
    }

    /** Keeps a failure reason to one readable line. */
    static String abbreviate(String reason) {
        return reason.length() <= 160 ? reason : reason.substring(0, 157) + "...";
    }

    /** Removes the file name from a read error, so that the same reason groups across files. */
    private static String strip(String why, String name) {
        int i = why.indexOf(": ");
        return i >= 0 && why.substring(0, i).endsWith(name) ? why.substring(i + 2) : why;
    }

    /**
     * Whether stderr is a terminal: {@code System.console() != null}, and on Java 22+ (where a
     * console may exist for redirected streams) {@code Console.isTerminal()} too.
     */
    static boolean stderrIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17-21: a console exists only for a terminal
        }
    }

    /** A one-line progress bar redrawn with a carriage return; silent when not on a terminal. */
    private static final class Progress {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final int total;
        private final boolean enabled;
        private final AtomicInteger done = new AtomicInteger();
        private boolean drawn;

        Progress(PrintWriter err, int total, boolean enabled) {
            this.err = err;
            this.total = total;
            this.enabled = enabled && total > 0;
        }

        void step() {
            done.incrementAndGet();
        }

        synchronized void draw() {
            if (!enabled) {
                return;
            }
            int d = done.get();
            int filled = total == 0 ? WIDTH : (int) ((long) d * WIDTH / total);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + d + "/" + total);
            err.flush();
            drawn = true;
        }

        synchronized void clear() {
            if (enabled && drawn) {
                err.print("\r" + " ".repeat(WIDTH + 24) + "\r");
                err.flush();
                drawn = false;
            }
        }
    }
}
