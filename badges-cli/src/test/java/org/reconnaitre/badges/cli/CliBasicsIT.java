package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.assertOneLineError;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import org.junit.jupiter.api.Test;

/** The top-level contract of the real jar: version, help, usage errors. */
class CliBasicsIT {

    @Test
    void versionPrintsTheProjectVersion() {
        var r = run("--version");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("badges 0.").contains("Reconnaître").doesNotContain("${");
        var sub = run("verify", "--version");
        assertThat(sub.exitCode()).isZero();
        assertThat(sub.out()).isEqualTo(r.out());
    }

    @Test
    void helpListsTheCommandsAndAnExample() {
        var r = run("--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Usage: badges").contains("--verbose").contains("Example:")
                .contains("Exit codes: 0 valid, 1 a check failed, 2");
    }

    @Test
    void noCommandIsAUsageErrorWithExitCode2() {
        var r = run();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).contains("Missing command").contains("badges --help");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        var r = run("--no-such-option");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).startsWith("badges: ").contains("--no-such-option");
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitCode2() {
        var r = run("frobnicate");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).contains("unknown command 'frobnicate'");
        // also when options follow it, --help included (it must not print the top-level help and exit 0)
        for (String[] args : new String[][] {{"frobnicate", "--help"}, {"--verbose", "frobnicate", "-h"}, {"frobnicate", "--version"}}) {
            var withOptions = run(args);
            assertThat(withOptions.exitCode()).as(withOptions.toString()).isEqualTo(2);
            assertThat(withOptions.err()).contains("unknown command 'frobnicate'");
            assertThat(withOptions.out()).doesNotContain("Usage:");
        }
        // a known command's help still works
        assertThat(run("verify", "--help").exitCode()).isZero();
    }
}
