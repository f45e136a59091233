package org.reconnaitre.badges.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.internal.text.TerminalText;
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
     * Prints a JSON document on stdout or, given a file, writes it there as it is (with a final
     * newline) and prints what was written. On stdout, characters a terminal acts on are escaped
     * without changing the document's value ({@link TerminalText#escapeJsonText}).
     */
    void emit(String document, @Nullable Path file, Supplier<String> written) {
        if (file == null) {
            out().println(TerminalText.escapeJsonText(document));
        } else {
            Inputs.write(file, (document + "\n").getBytes(StandardCharsets.UTF_8));
            out().println(BadgesCli.show(written.get()));
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
