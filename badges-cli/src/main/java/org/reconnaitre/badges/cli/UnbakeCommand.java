package org.reconnaitre.badges.cli;

import java.io.InputStream;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.BakedCredential;
import org.reconnaitre.badges.model.Baking;
import org.reconnaitre.badges.model.internal.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unbake", mixinStandardHelpOptions = true,
        description = "Print the credential baked into a PNG or SVG badge image, exactly as the image carries it.",
        footer = {"", "Example:", "  badges unbake baked.png > credential.json"})
final class UnbakeCommand extends BaseCommand {
    private final InputStream stdin;

    @Parameters(paramLabel = "IMAGE", description = "A baked PNG or SVG (- for stdin).")
    @SuppressWarnings("NullAway.Init")
    String image;

    UnbakeCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    int run() {
        byte[] bytes = Inputs.read(image, stdin);
        BakedCredential baked;
        try {
            baked = Baking.unbake(bytes);
        } catch (BadgeException e) {
            throw CliFailure.unreadable(image + ": " + e.getMessage(), e);
        }
        // the content as carried; characters a terminal acts on are escaped without changing a JSON value
        out().println(TerminalText.escapeJsonText(baked.content()));
        return ExitCodes.VALID;
    }
}
