package org.reconnaitre.badges.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The files {@code verify --batch DIR} reads: regular files inside DIR, and nothing else. A batch
 * directory is often filled by others (an upload folder, an unpacked archive), so an entry can be a
 * symbolic link to a file the person running the command can read but never meant to send anywhere
 * ({@code ~/.ssh/id_ed25519}, {@code /etc/shadow}), or a pipe that blocks a read forever:
 * <ul>
 *   <li>the directory is resolved to its real path, walked without following links, 8 levels deep;</li>
 *   <li>a symbolic link is read only when its real target is a regular file inside that real path;
 *       a link that leaves DIR, a link to a directory (never followed) and a dangling link are
 *       reported as skipped and never opened;</li>
 *   <li>devices, pipes and sockets are reported as skipped; hidden files (a name starting with a dot)
 *       are ignored as before;</li>
 *   <li>a file is opened without following a link in its last component, so a file replaced by a
 *       link after the listing is not read through it.</li>
 * </ul>
 */
final class BatchInputs {
    private static final int MAX_DEPTH = 8;

    /**
     * One entry of the batch, in file-name order: a file to verify, or why it is skipped.
     *
     * @param name the path relative to DIR, as printed (escape it for a terminal)
     * @param file the real path to read, or null when skipped
     * @param skipped why it is not read, or null
     */
    record Entry(String name, @Nullable Path file, @Nullable String skipped) {}

    private BatchInputs() {}

    /** Lists DIR. @throws CliFailure (exit 2) when DIR is not a directory or cannot be listed */
    static List<Entry> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw CliFailure.unreadable(dir + ": not a directory");
        }
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            throw CliFailure.unreadable(dir + ": cannot resolve it (" + e.getMessage() + ")", e);
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (p.equals(root) || p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                Entry e = entry(root, p);
                if (e != null) {
                    entries.add(e);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw CliFailure.unreadable(dir + ": cannot list it (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    private static @Nullable Entry entry(Path root, Path p) {
        String name = root.relativize(p).toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return new Entry(name, null, "cannot read its attributes (" + gone.getMessage() + "); not read");
        }
        if (a.isDirectory()) {
            return null; // walked into
        }
        if (a.isRegularFile()) {
            return new Entry(name, p, null);
        }
        if (!a.isSymbolicLink()) {
            return new Entry(name, null, "not a regular file (a device, pipe or socket); not read");
        }
        Path target;
        try {
            target = p.toRealPath();
        } catch (IOException dangling) {
            return new Entry(name, null, "a symbolic link whose target does not exist or cannot be reached; not followed");
        }
        if (!target.startsWith(root)) {
            return new Entry(name, null, "a symbolic link to a " + (Files.isDirectory(target) ? "directory" : "file")
                    + " outside the batch directory; not read");
        }
        if (Files.isDirectory(target)) {
            return new Entry(name, null, "a symbolic link to a directory; not followed (its files are read where they are)");
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Entry(name, null, "a symbolic link to something that is not a regular file; not read");
        }
        return new Entry(name, target, null);
    }

    /**
     * Reads one listed file, refusing more than {@link Inputs#MAX_INPUT_BYTES} and a link put in its
     * place since the listing.
     *
     * @throws CliFailure with a one-line reason naming the entry
     */
    static byte[] read(Entry entry) {
        Path file = entry.file();
        if (file == null) {
            throw new IllegalArgumentException("a skipped entry is never read");
        }
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > Inputs.MAX_INPUT_BYTES) {
                throw CliFailure.unreadable(entry.name() + ": larger than 16 MiB (" + size + " bytes); refusing to read it");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size + 1);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // until the end of the file, or one byte beyond the size seen (the file grew)
            }
            if (buf.position() > size) {
                throw CliFailure.unreadable(entry.name() + ": it changed while being read");
            }
            byte[] bytes = new byte[buf.position()];
            buf.flip().get(bytes);
            return bytes;
        } catch (IOException e) {
            throw CliFailure.unreadable(entry.name() + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }
}
