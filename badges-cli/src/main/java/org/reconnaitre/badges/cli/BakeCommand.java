package org.reconnaitre.badges.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Baking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bake", mixinStandardHelpOptions = true,
        description = {"Embed a credential (JSON or compact JWT) into a PNG or SVG badge image.",
                "The keyword or element follows the credential: Open Badges 3.0, CLR 2.0 or Open Badges 2.0."},
        footer = {"", "Example:", "  badges bake --image badge.png --credential signed.json --out baked.png"})
final class BakeCommand extends BaseCommand {

    @Option(names = "--image", required = true, paramLabel = "IN.png|IN.svg", description = "The image to bake into.")
    @SuppressWarnings("NullAway.Init")
    Path image;

    @Option(names = "--credential", required = true, paramLabel = "FILE",
            description = "The credential: JSON or a compact JWT.")
    @SuppressWarnings("NullAway.Init")
    Path credential;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Where to write the baked image.")
    @SuppressWarnings("NullAway.Init")
    Path outFile;

    @Override
    int run() {
        byte[] img = Inputs.read(image);
        String text = new String(Inputs.read(credential), StandardCharsets.UTF_8);
        byte[] baked;
        try {
            baked = Baking.bake(img, text);
        } catch (BadgeException e) {
            throw CliFailure.unreadable("cannot bake " + credential + " into " + image + ": " + e.getMessage(), e);
        }
        Inputs.write(outFile, baked);
        out().println(BadgesCli.show("Baked " + credential + " into " + outFile + " (" + baked.length + " bytes)"));
        return ExitCodes.VALID;
    }
}
