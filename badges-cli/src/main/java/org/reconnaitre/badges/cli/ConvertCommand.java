package org.reconnaitre.badges.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.AchievementCredential;
import org.reconnaitre.badges.model.Assertion;
import org.reconnaitre.badges.model.BadgeClass;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.IssuerProfile;
import org.reconnaitre.badges.model.JsonValue;
import org.reconnaitre.badges.model.OpenBadges;
import org.reconnaitre.badges.model.OpenBadges2Converter;
import org.reconnaitre.badges.model.OpenBadgesDocument;
import org.reconnaitre.badges.model.ValidationReport;
import org.reconnaitre.badges.model.internal.text.TerminalText;
import org.reconnaitre.badges.model.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert an Open Badges 2.0 assertion (with its BadgeClass and Issuer) to an unsigned "
                + "Open Badges 3.0 credential, printed on stdout.",
                "Give --badgeclass and --issuer when the assertion refers to them by URL; nothing is fetched. "
                        + "The result is validated; its errors, if any, go to stderr with exit code 1."},
        footer = {"", "Example:", "  badges convert --ob2 assertion.json --badgeclass badge.json --issuer issuer.json > ob3.json",
                "  badges sign --key issuer.jwk --format di ob3.json"})
final class ConvertCommand extends BaseCommand {

    @Option(names = "--ob2", required = true, paramLabel = "ASSERTION", description = "The OB 2.0 Assertion (JSON).")
    @SuppressWarnings("NullAway.Init")
    Path assertionFile;

    @Option(names = "--badgeclass", paramLabel = "FILE", description = "Its BadgeClass, when not embedded.")
    @Nullable Path badgeFile;

    @Option(names = "--issuer", paramLabel = "FILE", description = "The BadgeClass's Issuer profile, when not embedded.")
    @Nullable Path issuerFile;

    @Override
    int run() {
        Assertion assertion = read(assertionFile, Assertion.class);
        AchievementCredential credential;
        try {
            if (badgeFile == null && issuerFile == null) {
                credential = OpenBadges2Converter.toOpenBadges3(assertion);
            } else {
                BadgeClass badge = badgeFile != null ? read(badgeFile, BadgeClass.class)
                        : assertion.badge().filter(b -> assertion.badgeEmbedded()).orElseThrow(() ->
                                CliFailure.unreadable(assertionFile + ": the badge is a URL; pass its BadgeClass with --badgeclass FILE"));
                IssuerProfile issuer = issuerFile != null ? read(issuerFile, IssuerProfile.class)
                        : badge.issuer().filter(i -> badge.property("issuer")
                                .map(v -> v instanceof JsonValue.ObjectValue).orElse(false))
                        .orElseThrow(() -> CliFailure.unreadable("the BadgeClass's issuer is a URL; pass its Issuer "
                                + "profile with --issuer FILE"));
                credential = OpenBadges2Converter.toOpenBadges3(assertion, badge, issuer);
            }
        } catch (BadgeException e) {
            throw CliFailure.unreadable("cannot convert " + assertionFile + ": " + hint(e.getMessage()), e);
        }
        String json = credential.toPrettyJson();
        out().println(TerminalText.escapeJsonText(json));
        ValidationReport report = Validator.standard().validate(json);
        for (Finding f : report.errors()) {
            err().println("badges: the converted credential breaks " + BadgesCli.show(f.ruleId()
                    + (f.path().isEmpty() ? "" : " at " + f.path()) + ": " + f.message()));
        }
        return report.isValid() ? ExitCodes.VALID : ExitCodes.CHECK_FAILED;
    }

    private static String hint(@Nullable String message) {
        String m = String.valueOf(message);
        if (m.contains("badge is a URL")) {
            return m + " (pass --badgeclass FILE and --issuer FILE)";
        }
        if (m.contains("issuer is a URL")) {
            return m + " (pass --issuer FILE)";
        }
        return m;
    }

    private static <T extends OpenBadgesDocument> T read(Path file, Class<T> kind) {
        String json = new String(Inputs.read(file), StandardCharsets.UTF_8);
        try {
            return OpenBadges.read(json, kind);
        } catch (BadgeException e) {
            throw CliFailure.unreadable(file + ": " + e.getMessage(), e);
        }
    }
}
