package org.reconnaitre.badges.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.conformance.ConformanceKit;
import org.reconnaitre.badges.conformance.ConformanceReport;
import org.reconnaitre.badges.conformance.ConformanceSummary;
import org.reconnaitre.badges.model.internal.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Check an issuer's credentials the way a certification would: every validator "
                + "rule and verifier check, issuer profile and key, recipient hashes, and a robustness "
                + "self-test (JSON round trip, key reordering, one-field tamper).",
                "Prints a report per credential and a summary of the rules that failed, with their ids "
                        + "(see badges-conformance/RULES.md)."},
        footer = {"", "Exit codes: 0 every credential conforms, 1 at least one does not, "
                + "2 unreadable input or wrong usage.",
                "", "Example:", "  badges conformance --format md out/badges/"})
final class ConformanceCommand extends BaseCommand {

    enum Format { md, json }

    @Parameters(paramLabel = "DIR|FILE", arity = "1..*",
            description = "Credentials (JSON, compact JWT, baked PNG or SVG), or directories of them.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "md|json", description = "Report format (default: md).")
    Format format = Format.md;

    @Option(names = "--at", paramLabel = "RFC3339", converter = Rfc3339.class,
            description = "Check validity dates as of this instant.")
    @Nullable Instant at;

    @Option(names = "--allow-fetch", paramLabel = "HOST",
            description = "Allow HTTPS fetches (did:web, issuer profiles, status lists) from this host.")
    List<String> allowFetch = new ArrayList<>();

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    CommandLine.Model.CommandSpec spec;

    ConformanceCommand(InputStream stdin) {
        // no stdin input: conformance reads files
    }

    @Override
    int run() {
        ConformanceKit.Builder kit = ConformanceKit.builder();
        if (at != null) {
            kit.clock(Clock.fixed(at, ZoneOffset.UTC));
        }
        AllowFetch.fetcher(spec.commandLine(), allowFetch).ifPresent(kit::fetcher);
        ConformanceKit built = kit.build();
        List<ConformanceReport> reports = new ArrayList<>();
        for (Path file : files()) {
            String name = file.toString();
            CredentialInput input = CredentialInput.of(name, Inputs.read(file));
            reports.add(built.check(name, input.text()));
        }
        ConformanceSummary summary = ConformanceSummary.of(reports);
        // file names and messages come from the inputs: escaped for the terminal (JSON keeps its value)
        out().println(format == Format.json ? TerminalText.escapeJsonText(summary.toJson())
                : summary.toMarkdown().lines().map(BadgesCli::show).collect(java.util.stream.Collectors.joining("\n")));
        return summary.allConformant() ? ExitCodes.VALID : ExitCodes.CHECK_FAILED;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p, 8)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw CliFailure.unreadable(p + ": cannot list it (" + e.getMessage() + ")", e);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw CliFailure.unreadable(p + ": no such file or directory");
            }
        }
        if (files.isEmpty()) {
            throw CliFailure.unreadable("no credential files in " + inputs);
        }
        return files;
    }
}
