package org.reconnaitre.badges.cli;

/**
 * A failure the command line reports in one line on stderr, with its exit code. Thrown by the
 * commands; caught by {@link BadgesCli}.
 */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The input could not be read, or the usage is wrong (exit code 2). */
    static CliFailure unreadable(String message) {
        return new CliFailure(ExitCodes.UNREADABLE, message);
    }

    /** As {@link #unreadable(String)}, keeping the cause for {@code --verbose}. */
    static CliFailure unreadable(String message, Throwable cause) {
        return new CliFailure(ExitCodes.UNREADABLE, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
