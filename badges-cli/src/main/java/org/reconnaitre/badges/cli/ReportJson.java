package org.reconnaitre.badges.cli;

import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;

/**
 * The one-line JSON of {@code verify --json}:
 * {@code {"valid": bool, "format": "...", "checks": [{"id": "...", "outcome": "...", "message": "..."}]}},
 * with a leading {@code "file"} member in {@code --json-lines} mode.
 */
final class ReportJson {
    private ReportJson() {}

    static String of(VerificationReport report) {
        return of(null, report);
    }

    static String of(@Nullable String file, VerificationReport report) {
        StringJoiner checks = new StringJoiner(", ", "[", "]");
        for (CheckResult c : report.checks()) {
            checks.add(check(c.id(), c.outcome().jsonName(), c.message()));
        }
        return "{" + (file == null ? "" : "\"file\": " + JsonOut.str(file) + ", ") + "\"valid\": " + report.isValid()
                + ", \"format\": " + JsonOut.str(report.format().jsonName()) + ", \"checks\": " + checks + "}";
    }

    /** A file that could not be read at all: invalid, with one failed {@code read} check. */
    static String unreadable(String file, String message) {
        return "{\"file\": " + JsonOut.str(file) + ", \"valid\": false, \"format\": \"unknown\", \"checks\": ["
                + check("read", "failed", message) + "]}";
    }

    /** An entry that was not read (a symbolic link leaving the directory, a device...): invalid, with one skipped {@code read} check. */
    static String skipped(String file, String message) {
        return "{\"file\": " + JsonOut.str(file) + ", \"valid\": false, \"format\": \"unknown\", \"checks\": ["
                + check("read", "skipped", message) + "]}";
    }

    private static String check(String id, String outcome, String message) {
        return "{\"id\": " + JsonOut.str(id) + ", \"outcome\": " + JsonOut.str(outcome) + ", \"message\": "
                + JsonOut.str(message) + "}";
    }
}
