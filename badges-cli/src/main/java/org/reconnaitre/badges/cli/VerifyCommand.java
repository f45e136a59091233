package org.reconnaitre.badges.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.Verifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a credential: format, JSON-LD context and type, schema, proof, key-to-issuer binding, "
                + "validity dates, status and endorsements.",
                "FILE may be JSON (embedded proof), a compact VC-JWT, a baked PNG or a baked SVG; - reads stdin.",
                "Nothing is fetched from the network unless --allow-fetch names the host."},
        footer = {"", "Exit codes: 0 valid, 1 a check failed, 2 unreadable input or wrong usage.",
                "", "Examples:", "  badges verify badge.json",
                "  badges verify --json --at 2026-06-01T00:00:00Z baked.png",
                "  badges verify --allow-fetch issuer.example.org badge.jwt",
                "  badges verify --batch received/ --json-lines > results.jsonl"})
final class VerifyCommand extends BaseCommand {
    private final InputStream stdin;

    @Option(names = "--json", description = "Print the report as one JSON object: "
            + "{\"valid\": bool, \"format\": \"...\", \"checks\": [{\"id\", \"outcome\", \"message\"}]}.")
    boolean json;

    @Option(names = "--at", paramLabel = "RFC3339", converter = Rfc3339.class,
            description = "Judge validity dates as of this instant instead of now.")
    @Nullable Instant at;

    @Option(names = "--allow-fetch", paramLabel = "HOST",
            description = "Allow HTTPS requests to HOST (did:web documents, status lists); repeatable.")
    List<String> allowFetch = new ArrayList<>();

    @Option(names = "--recipient", paramLabel = "TYPE:VALUE",
            description = "Also check who the badge was awarded to: email:alice@example.org, url:https://..., "
                    + "telephone:+33..., did:did:example:..., or id:URN (plain or hashed recipient identities).")
    @Nullable String recipient;

    @Option(names = "--batch", paramLabel = "DIR",
            description = "Verify every file under DIR in parallel and print a summary.")
    @Nullable Path batch;

    @Option(names = "--json-lines", description = "With --batch: print one JSON object per file instead of "
            + "one line of text; the summary goes to stderr.")
    boolean jsonLines;

    @Parameters(paramLabel = "FILE|-", arity = "0..1", description = "The credential to verify (- for stdin).")
    @Nullable String file;

    VerifyCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    int run() {
        CommandLine cl = spec.commandLine();
        if (batch != null && file != null) {
            throw new CommandLine.ParameterException(cl, "give either FILE or --batch DIR, not both");
        }
        if (batch == null && file == null) {
            throw new CommandLine.ParameterException(cl, "Missing required parameter: 'FILE|-' (or --batch DIR)");
        }
        if (jsonLines && batch == null) {
            throw new CommandLine.ParameterException(cl, "--json-lines works with --batch; use --json for one file");
        }
        if (json && batch != null) {
            throw new CommandLine.ParameterException(cl, "use --json-lines with --batch");
        }
        Verifier verifier = verifier();
        if (batch != null) {
            return new BatchVerification(verifier, out(), err(), jsonLines).run(batch);
        }
        String name = file == null ? "-" : file;
        byte[] bytes = Inputs.read(name, stdin);
        VerificationReport report = verifier.verify(bytes);
        if (json) {
            out().println(ReportJson.of(report));
        } else {
            printReport(name, report);
        }
        return exitCode(report);
    }

    private Verifier verifier() {
        // Status lists are checked through the same fetcher by the verifier's built-in status check
        // (fail closed): offline (the default) a credential with a credentialStatus fails the status
        // check, naming the host to allow; a list that cannot be fetched or trusted fails it too.
        Verifier.Builder builder = Verifier.builder();
        if (at != null) {
            builder.clock(Clock.fixed(at, ZoneOffset.UTC));
        }
        AllowFetch.fetcher(spec.commandLine(), allowFetch).ifPresent(builder::fetcher);
        Verifier verifier = builder.build();
        return recipient == null ? verifier : verifier.forRecipient(expectedRecipient(recipient));
    }

    /** Parses {@code --recipient TYPE:VALUE}. */
    private ExpectedRecipient expectedRecipient(String option) {
        int colon = option.indexOf(':');
        ExpectedRecipient.Type type = null;
        if (colon > 0) {
            try {
                type = ExpectedRecipient.Type.valueOf(option.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                type = null;
            }
        }
        if (type == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recipient takes TYPE:VALUE with TYPE one of "
                    + "email, url, telephone, did, id (e.g. email:alice@example.org), not '" + option + "'");
        }
        try {
            return ExpectedRecipient.of(type, option.substring(colon + 1));
        } catch (BadgeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--recipient: " + e.getMessage());
        }
    }

    /**
     * 0 valid; 2 when the bytes could not be read as a credential at all (the format or parse
     * check failed); 1 otherwise.
     */
    static int exitCode(VerificationReport report) {
        if (report.isValid()) {
            return ExitCodes.VALID;
        }
        boolean unreadable = report.failures().stream()
                .anyMatch(c -> c.id().equals("format") || c.id().equals("parse"));
        return unreadable ? ExitCodes.UNREADABLE : ExitCodes.CHECK_FAILED;
    }

    private void printReport(String name, VerificationReport report) {
        out().println(summaryLine(name, report));
        report.issuerId().ifPresent(i -> out().println("  issuer:     " + BadgesCli.show(i)));
        report.credentialId().ifPresent(i -> out().println("  credential: " + BadgesCli.show(i)));
        Set<String> refusedHosts = new LinkedHashSet<>();
        for (CheckResult c : report.checks()) {
            out().printf("  %-8s %-17s %s%n", symbol(c.outcome()), BadgesCli.show(c.id()), BadgesCli.show(c.message()));
            Matcher m = REFUSED_HOST.matcher(c.message());
            while (m.find()) {
                refusedHosts.add(m.group(1));
            }
            if (c.id().equals("status") && statusUnchecked(c)) {
                Matcher u = URL_HOST.matcher(c.message());
                while (u.find()) {
                    refusedHosts.add(u.group(1));
                }
            }
        }
        nested("endorsement", report.endorsements());
        nested("credential", report.credentials());
        if (!refusedHosts.isEmpty()) {
            out().println("hint: nothing is fetched unless you allow it: badges verify "
                    + refusedHosts.stream().map(h -> "--allow-fetch " + h).collect(Collectors.joining(" ")) + " "
                    + BadgesCli.show(name));
        }
    }

    /** One line per nested report (endorsements, CLR credentials), with its first failure. */
    private void nested(String what, List<VerificationReport> reports) {
        for (int i = 0; i < reports.size(); i++) {
            VerificationReport r = reports.get(i);
            String line = "  " + what + " " + (i + 1) + ": " + (r.isValid() ? "VALID" : "INVALID")
                    + r.issuerId().map(id -> " (issuer " + BadgesCli.show(id) + ")").orElse("");
            if (!r.isValid()) {
                CheckResult first = r.failures().get(0);
                line += " " + BadgesCli.show(first.id() + ": " + first.message());
            }
            out().println(line);
        }
    }

    /** The host named by the SDK's refusal message ("Refused to fetch https://host/..."). */
    private static final Pattern REFUSED_HOST = Pattern.compile("Refused to fetch https?://([A-Za-z0-9.-]+)");
    private static final Pattern URL_HOST = Pattern.compile("https?://([A-Za-z0-9.-]+)");

    static String summaryLine(String name, VerificationReport report) {
        long warnings = report.checks().stream().filter(c -> c.outcome() == CheckOutcome.WARNING).count();
        boolean statusUnchecked = report.check("status").filter(VerifyCommand::statusUnchecked).isPresent();
        return BadgesCli.show(name) + ": " + (report.isValid() ? "VALID" : "INVALID") + " (" + report.format().jsonName()
                + (report.isValid() ? "" : ", " + report.failures().size() + " failed")
                + (warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings"))
                + (statusUnchecked ? ", revocation NOT checked" : "") + ")";
    }

    /** Whether the status check says revocation could not be looked up (no fetcher, list unreachable). */
    private static boolean statusUnchecked(CheckResult c) {
        return c.outcome() != CheckOutcome.PASSED && (c.message().contains("could not be checked")
                || c.message().contains("could not be retrieved"));
    }

    static String symbol(CheckOutcome outcome) {
        return outcome.jsonName();
    }
}
