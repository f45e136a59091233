package org.reconnaitre.badges.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: its output streams and the exit code contract. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Prints a JSON document on stdout or, given a file, writes it there (with a final newline) and
     * prints what was written.
     */
    void emit(String document, @Nullable Path file, Supplier<String> written) {
        if (file == null) {
            out().println(document);
        } else {
            Inputs.write(file, (document + "\n").getBytes(StandardCharsets.UTF_8));
            out().println(written.get());
        }
    }

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** @return the exit code */
    abstract int run() throws Exception;
}
