package org.reconnaitre.badges.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.DataIntegrity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code badges derive}: the holder's side of ecdsa-sd-2023 selective disclosure. */
@Command(name = "derive", mixinStandardHelpOptions = true,
        description = {"Disclose part of a credential signed with an ecdsa-sd-2023 base proof (holder side).",
                "The output keeps what the issuer made mandatory plus what --reveal selects, with a derived proof "
                        + "that any verifier checks; the rest of the credential is left out and cannot be recovered."},
        footer = {"", "Example:",
                "  badges derive --reveal /credentialSubject/achievement/name --out disclosed.json base.json",
                "  badges verify disclosed.json"})
final class DeriveCommand extends BaseCommand {
    private final InputStream stdin;

    @Option(names = "--reveal", paramLabel = "POINTER",
            description = "A JSON Pointer to a part to disclose (repeatable); none: only the mandatory parts.")
    List<String> reveal = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the disclosed credential to FILE instead of stdout.")
    @Nullable Path outFile;

    @Parameters(paramLabel = "BASE", description = "The credential with its ecdsa-sd-2023 base proof (JSON; - for stdin).")
    @SuppressWarnings("NullAway.Init")
    String base;

    DeriveCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    int run() throws BadgeException {
        String json = new String(Inputs.read(base, stdin), StandardCharsets.UTF_8);
        String derived;
        try {
            derived = DataIntegrity.derive(json, reveal);
        } catch (BadgeException e) {
            throw CliFailure.unreadable("cannot derive from " + base + ": " + e.getMessage(), e);
        }
        emit(derived, outFile, () -> "Disclosed " + (reveal.isEmpty() ? "the mandatory parts" : String.join(", ", reveal))
                + " of " + base + " into " + outFile);
        return ExitCodes.VALID;
    }
}
