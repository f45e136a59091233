package org.reconnaitre.badges.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code badges} command line: {@code demo}, {@code keygen}, {@code sign}, {@code verify},
 * {@code validate}, {@code convert}, {@code bake}, {@code unbake}, {@code transitions}.
 *
 * <p>Exit codes: 0 valid, 1 a check failed, 2 the input could not be read or the usage is wrong.
 * Errors are one line on stderr; {@code --verbose} adds the stack trace. Text output never prints
 * a value from a credential or a file name raw: control, DEL, C1 and bidi/format characters are
 * shown as {@code \}{@code uXXXX} escapes ({@link #show}), and JSON output escapes them too.
 *
 * <pre>{@code
 * int code = BadgesCli.execute(System.in, System.out, System.err, "verify", "badge.json");
 * }</pre>
 *
 * <p>Each call builds its own command objects, so concurrent calls are independent; the streams
 * given are not closed.
 */
@Command(name = "badges",
        mixinStandardHelpOptions = true,
        versionProvider = BadgesCli.Version.class,
        description = "Issue, sign, verify and understand Open Badges (2.0, 3.0, CLR 2.0), offline "
                + "by default.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {DemoCommand.class, KeygenCommand.class, SignCommand.class, DeriveCommand.class, VerifyCommand.class, ValidateCommand.class, ConvertCommand.class,
                BakeCommand.class, UnbakeCommand.class, TransitionsCommand.class, ConformanceCommand.class},
        footer = {"", "Exit codes: 0 valid, 1 a check failed, 2 unreadable input or wrong usage.",
                "", "Example:", "  badges demo", "  badges verify --json badge.json"})
public final class BadgesCli implements Callable<Integer> {

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On error, print the stack trace as well as the message.")
    private boolean verbose;

    private BadgesCli() {}

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(System.in, System.out, System.err, args));
    }

    /**
     * Runs the command line without exiting the JVM.
     *
     * @param in standard input (read by {@code verify -})
     * @param out standard output
     * @param err standard error (messages and progress)
     * @param args the command line arguments
     * @return the exit code: 0 valid, 1 a check failed, 2 unreadable input or wrong usage
     */
    public static int execute(InputStream in, PrintStream out, PrintStream err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new BadgesCli(), new Factory(in));
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version()); // `badges verify --version` too
        }
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine failed = ex.getCommandLine();
            errWriter.println(show(oneLine(failed.getCommandName().equals("badges") ? "badges" : "badges "
                    + failed.getCommandName()) + ": " + oneLine(String.valueOf(ex.getMessage()))
                    + " (see '" + qualifiedName(failed) + " --help')"));
            if (verbose) {
                printStackTrace(ex, errWriter);
            }
            errWriter.flush();
            return ExitCodes.UNREADABLE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            int code;
            String message;
            if (ex instanceof CliFailure f) {
                code = f.exitCode();
                message = String.valueOf(f.getMessage());
            } else if (ex instanceof BadgeException || ex instanceof IllegalArgumentException) {
                // a typed SDK failure, or an argument the SDK refused: both say what is wrong
                code = ExitCodes.UNREADABLE;
                message = String.valueOf(ex.getMessage());
            } else {
                code = ExitCodes.UNREADABLE;
                message = "unexpected error: " + ex
                        + (verbose ? "" : " (run again with --verbose for details)");
            }
            errWriter.println("badges: " + show(message));
            if (verbose) {
                printStackTrace(ex, errWriter);
            }
            errWriter.flush();
            return code;
        });
        // the first word that is not an option names the command: an unknown one is a usage error
        // whatever follows it (picocli would let a trailing --help print the top-level help and exit 0)
        String command = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        if (command != null && !cli.getSubcommands().containsKey(command)) {
            errWriter.println("badges: unknown command '" + show(oneLine(command)) + "' (see 'badges --help')");
            errWriter.flush();
            return ExitCodes.UNREADABLE;
        }
        int code = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command; run 'badges demo' for a tour");
    }

    private static String qualifiedName(CommandLine cl) {
        StringBuilder name = new StringBuilder(cl.getCommandName());
        for (CommandLine p = cl.getParent(); p != null; p = p.getParent()) {
            name.insert(0, p.getCommandName() + " ");
        }
        return name.toString();
    }

    /** Collapses a message to one line. */
    static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /**
     * An untrusted value, or a message that may quote one, as it may reach a terminal: one line,
     * with control (newline and tab included), DEL, C1 and bidi/format characters shown as
     * {@code \}{@code uXXXX} escapes, so that it cannot move the cursor, erase or reorder the output.
     */
    static String show(String text) {
        return TerminalText.escape(text);
    }

    /**
     * A stack trace ({@code --verbose}), each line shown with {@link #show} after its own leading
     * tabs: exception messages quote input.
     */
    private static void printStackTrace(Throwable ex, PrintWriter err) {
        java.io.StringWriter trace = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        trace.toString().lines().forEach(line -> {
            int tabs = 0;
            while (tabs < line.length() && line.charAt(tabs) == '\t') {
                tabs++;
            }
            err.println(line.substring(0, tabs) + show(line.substring(tabs)));
        });
    }

    /** Creates command objects, giving the ones that need it standard input. */
    private static final class Factory implements CommandLine.IFactory {
        private final InputStream in;

        Factory(InputStream in) {
            this.in = in;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == BadgesCli.class) {
                return cls.cast(new BadgesCli());
            }
            for (var c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == InputStream.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(in));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** The version printed by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"badges " + version() + " (Reconnaître; Java "
                    + System.getProperty("java.version") + ")"};
        }

        static String version() {
            Properties p = new Properties();
            try (InputStream in = BadgesCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return p.getProperty("version", "unknown");
        }
    }
}
