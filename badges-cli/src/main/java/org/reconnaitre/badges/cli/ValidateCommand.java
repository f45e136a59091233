package org.reconnaitre.badges.cli;

import java.io.InputStream;
import java.util.Optional;
import java.util.StringJoiner;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.JsonValue;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.Severity;
import org.reconnaitre.badges.model.ValidationReport;
import org.reconnaitre.badges.model.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a credential's shape without verifying its proof: JSON Schema, "
                + "JSON-LD terms, VC data model and Open Badges rules.",
                "FILE may be JSON, a compact JWT (its payload is validated), a baked PNG or SVG, "
                        + "or - for stdin."},
        footer = {"", "Exit codes: 0 no error, 1 at least one error, 2 unreadable input or wrong usage.",
                "", "Example:", "  badges validate badge.json"})
final class ValidateCommand extends BaseCommand {
    private final InputStream stdin;

    @Parameters(paramLabel = "FILE", description = "The credential to validate (- for stdin).")
    @SuppressWarnings("NullAway.Init")
    String file;

    @Option(names = "--json", description = "Print the findings as one JSON object.")
    boolean json;

    ValidateCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    int run() {
        CredentialInput input = CredentialInput.of(file, Inputs.read(file, stdin));
        String text = input.json(file);
        Validator validator = Validator.standard();
        if (input.jws()) {
            JsonValue payload = parse(text);
            Optional<JsonValue> vc = payload instanceof JsonValue.ObjectValue o ? o.get("vc") : Optional.empty();
            if (vc.isPresent() && vc.get() instanceof JsonValue.ObjectValue) {
                text = vc.get().toString();
            } else {
                validator = Validator.builder().jwtPayload(true).build();
            }
        }
        ValidationReport report = validator.validate(text);
        if (report.has(Rule.JSON_PARSE)) {
            throw CliFailure.unreadable(file + ": " + report.findings(Rule.JSON_PARSE).get(0).message());
        }
        if (json) {
            out().println(toJson(report, input.format()));
        } else {
            print(report);
        }
        return report.isValid() ? ExitCodes.VALID : ExitCodes.CHECK_FAILED;
    }

    private JsonValue parse(String text) {
        try {
            return JsonValue.parse(text);
        } catch (BadgeException e) {
            throw CliFailure.unreadable(file + ": the JWT payload is not JSON (" + e.getMessage() + ")", e);
        }
    }

    private void print(ValidationReport report) {
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        out().println(BadgesCli.show(file) + ": " + (report.isValid() ? "valid" : "INVALID") + " " + report.kind()
                + " (" + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning)" : " warnings)"));
        for (Finding f : report.findings()) {
            out().println("  " + (f.severity() == Severity.ERROR ? "error  " : "warning") + " " + BadgesCli.show(f.ruleId()
                    + (f.path().isEmpty() ? "" : " at " + f.path()) + ": " + f.message()));
        }
    }

    static String toJson(ValidationReport report, String format) {
        StringJoiner findings = new StringJoiner(", ", "[", "]");
        for (Finding f : report.findings()) {
            findings.add("{\"rule\": " + JsonOut.str(f.ruleId()) + ", \"severity\": "
                    + JsonOut.str(f.severity().name().toLowerCase(java.util.Locale.ROOT))
                    + ", \"path\": " + JsonOut.str(f.path()) + ", \"message\": " + JsonOut.str(f.message()) + "}");
        }
        return "{\"valid\": " + report.isValid() + ", \"format\": " + JsonOut.str(format) + ", \"kind\": "
                + JsonOut.str(report.kind().name()) + ", \"findings\": " + findings + "}";
    }
}
