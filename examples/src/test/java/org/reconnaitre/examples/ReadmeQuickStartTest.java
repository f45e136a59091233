package org.reconnaitre.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.model.AchievementCredential;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.OpenBadges;
import org.reconnaitre.badges.model.ValidationReport;
import org.reconnaitre.badges.model.Validator;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.VerificationReport;

/** Keeps the README's quick start compiled and true: the body of {@link #quickStart} is the snippet. */
class ReadmeQuickStartTest {

    static void quickStart(Path file, PrintStream out) throws java.io.IOException, BadgeException {
        // --- README quick start, begin ---
        String json = Files.readString(file);
        ValidationReport validation = Validator.standard().validate(json);
        for (Finding f : validation.findings()) {
            out.println(f.severity() + " " + f.ruleId() + " at " + f.path() + ": " + f.message());
        }
        AchievementCredential badge = OpenBadges.read(json, AchievementCredential.class);
        out.println("Badge: " + badge.credentialSubject().flatMap(s -> s.achievement())
                .flatMap(a -> a.name()).map(n -> n.get(Locale.FRENCH)).orElse("?"));
        VerificationReport report = Verifier.builder().build().verify(json);  // offline, thread-safe
        out.println(report.isValid() ? "Authentic and current" : "Rejected: " + report.failures());
        // --- README quick start, end ---
    }

    @Test
    void quickStartReadsValidatesAndVerifiesASignedBadge(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("badge.json");
        Files.writeString(file, IssueAndSignBadge.issue(SigningKey.generate(KeyType.ED25519), "learner@example.org", Instant.now().minusSeconds(60)));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        quickStart(file, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Badge: ").contains("Authentic and current").doesNotContain("ERROR");
    }

    @Test
    void quickStartReportsATamperedBadge(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("badge.json");
        String signed = IssueAndSignBadge.issue(SigningKey.generate(KeyType.ED25519), "learner@example.org", Instant.now().minusSeconds(60));
        Files.writeString(file, signed.replaceFirst("\"name\"\\s*:\\s*\"", "\"name\":\"Forged "));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        quickStart(file, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("Rejected: ").contains("proof");
    }
}
