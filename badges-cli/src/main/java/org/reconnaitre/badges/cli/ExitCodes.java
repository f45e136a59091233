package org.reconnaitre.badges.cli;

/** The exit codes of every command: a contract scripts rely on. */
final class ExitCodes {
    /** The input is valid (or the command succeeded). */
    static final int VALID = 0;
    /** The input was read, and at least one check failed. */
    static final int CHECK_FAILED = 1;
    /** The input could not be read, or the command line is wrong. */
    static final int UNREADABLE = 2;

    private ExitCodes() {}
}
