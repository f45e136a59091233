package org.reconnaitre.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;

/**
 * The contract every fuzz target asserts: bad input gets a typed, documented error
 * ({@link BadgeException} with a code and a message) or a failed check with a reason. Any other
 * throwable (NullPointerException, IllegalStateException, StackOverflowError, ...) escapes the
 * target and is a finding; so is an input that runs past Jazzer's per-input timeout.
 */
final class Contract {
    private Contract() {}

    /** A call into the public API that may throw the documented {@link BadgeException}. */
    @FunctionalInterface
    interface Call {
        void run() throws BadgeException;
    }

    /** Runs the call; a normal return or a well-formed BadgeException is fine, anything else escapes. */
    static void resultOrBadgeException(Call call) {
        try {
            call.run();
        } catch (BadgeException e) {
            typed(e);
        }
    }

    /** A BadgeException must carry its code and say what is wrong. */
    static void typed(BadgeException e) {
        assertThat(e.code()).as("BadgeException code").isNotNull();
        assertThat(e.getMessage()).as("BadgeException message (%s)", e.code()).isNotBlank();
    }

    /** A report never hides a failure: invalid means at least one failed check, each with a reason. */
    static void wellFormed(VerificationReport report) {
        assertThat(report).isNotNull();
        assertThat(report.checks()).as("checks of %s", report.format()).isNotEmpty();
        for (CheckResult c : report.checks()) {
            if (c.outcome() == CheckOutcome.FAILED) {
                assertThat(c.message()).as("reason of failed check %s", c.id()).isNotBlank();
                // The verifier's safety net turns an unexpected RuntimeException into this message:
                // the input reached a bug, and the report shows an exception name instead of a reason.
                if (SAFETY_NET.matcher(c.message()).lookingAt()) {
                    throw new AssertionError("check " + c.id() + " failed on an unexpected exception: " + c.message());
                }
            }
        }
        if (!report.isValid()) {
            assertThat(report.failures()).as("failures of an invalid report").isNotEmpty();
        }
        report.endorsements().forEach(Contract::wellFormed);
        report.credentials().forEach(Contract::wellFormed);
    }

    /** The safety net's wording with a Java exception name (echoed input alone does not match). */
    private static final Pattern SAFETY_NET =
            Pattern.compile("The check could not be completed \\([A-Z][A-Za-z0-9_$]*(Exception|Error): ");

    /** The bytes as UTF-8 text (malformed sequences become U+FFFD, as when a caller decodes a file). */
    static String utf8(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * Splits an input at its first {@code count - 1} NUL bytes: how the multi-part targets (a JWT's
     * three parts, a status entry and its list) keep their seeds plain files.
     */
    static byte[][] split(byte[] data, int count) {
        byte[][] parts = new byte[count][];
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int end = start;
            while (end < data.length && data[end] != 0) {
                end++;
            }
            parts[i] = Arrays.copyOfRange(data, start, end);
            start = Math.min(end + 1, data.length);
        }
        parts[count - 1] = Arrays.copyOfRange(data, start, data.length);
        return parts;
    }
}
