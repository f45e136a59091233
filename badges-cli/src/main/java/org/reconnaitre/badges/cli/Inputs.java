package org.reconnaitre.badges.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Bounded reading of the files a command is given, and writing of its output files. */
final class Inputs {
    /** Largest file any command reads: 16 MiB. */
    static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    private Inputs() {}

    /**
     * Reads a whole file, or standard input for {@code "-"}, refusing more than
     * {@link #MAX_INPUT_BYTES}.
     *
     * @throws CliFailure (exit code 2) with a one-line reason
     */
    static byte[] read(String name, InputStream stdin) {
        if ("-".equals(name)) {
            try {
                return readBounded(stdin, "standard input");
            } catch (IOException e) {
                throw CliFailure.unreadable("cannot read standard input: " + e.getMessage(), e);
            }
        }
        return read(Path.of(name));
    }

    /** Reads a whole file, refusing more than {@link #MAX_INPUT_BYTES}. */
    static byte[] read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw CliFailure.unreadable(file + ": is a directory, not a file");
            }
            long size = Files.size(file);
            if (size > MAX_INPUT_BYTES) {
                throw tooLarge(file.toString(), size);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return readBounded(in, file.toString());
            }
        } catch (NoSuchFileException e) {
            throw CliFailure.unreadable(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw CliFailure.unreadable(file + ": permission denied", e);
        } catch (IOException e) {
            throw CliFailure.unreadable(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a file as UTF-8 text (same limits as {@link #read(Path)}). */
    static String readText(Path file) {
        return new String(read(file), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] readBounded(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        if (bytes.length > MAX_INPUT_BYTES) {
            throw tooLarge(what, bytes.length);
        }
        return bytes;
    }

    private static CliFailure tooLarge(String what, long size) {
        return CliFailure.unreadable(what + ": larger than 16 MiB"
                + (size > MAX_INPUT_BYTES + 1 ? " (" + size + " bytes)" : "")
                + "; refusing to read it");
    }

    /** Writes an output file, replacing it; the parent directory must exist. */
    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw CliFailure.unreadable(file + ": cannot write it (no such directory)", e);
        } catch (AccessDeniedException e) {
            throw CliFailure.unreadable(file + ": cannot write it (permission denied)", e);
        } catch (IOException e) {
            throw CliFailure.unreadable(file + ": cannot write it (" + e.getMessage() + ")", e);
        }
    }
}
