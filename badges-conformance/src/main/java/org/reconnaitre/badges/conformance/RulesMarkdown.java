package org.reconnaitre.badges.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reconnaitre.badges.conformance.internal.Text;

/**
 * Generates {@code badges-conformance/RULES.md} from {@link ConformanceRules#all()}, so the
 * published table cannot drift from the code. A test fails when the checked-in file differs.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * // from the project root:
 * // java -cp ... org.reconnaitre.badges.conformance.RulesMarkdown badges-conformance/RULES.md
 * String table = RulesMarkdown.generate();
 * }</pre>
 */
public final class RulesMarkdown {
    private RulesMarkdown() {}

    /** The command that regenerates RULES.md, run from the project root. */
    public static final String REGENERATE = "./mvnw -B -q -pl badges-conformance compile exec:java "
            + "-Dexec.mainClass=org.reconnaitre.badges.conformance.RulesMarkdown -Dexec.args=RULES.md";

    /** @return the Markdown text of RULES.md */
    public static String generate() {
        StringBuilder b = new StringBuilder();
        b.append("# Conformance rules\n\n")
                .append("Generated from `ConformanceRules.all()` by `RulesMarkdown` — do not edit by hand.\n")
                .append("Regenerate (from the project root): `").append(REGENERATE).append("`\n\n")
                .append("| Rule id | Severity | Origin | Spec section | Explanation |\n|---|---|---|---|---|\n");
        for (ConformanceRule r : ConformanceRules.all()) {
            b.append("| `").append(r.id()).append("` | ").append(Text.lower(r.severity())).append(" | ")
                    .append(Text.lower(r.origin())).append(" | ").append(r.spec()).append(" | ")
                    .append(Text.cell(r.summary())).append(" |\n");
        }
        return b.toString();
    }

    /**
     * Writes RULES.md.
     *
     * @param args the output file (default {@code RULES.md} in the working directory)
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "RULES.md");
        Files.writeString(out, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
