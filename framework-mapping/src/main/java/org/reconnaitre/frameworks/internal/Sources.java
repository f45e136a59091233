package org.reconnaitre.frameworks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.reconnaitre.badges.model.BadgeException;

/**
 * Enumerates CSV files given as directories, zips (read in place with java.util.zip, never
 * extracted) or single files, and opens them as strict UTF-8 readers. Internal.
 */
public final class Sources {
    private Sources() {}

    /** A CSV file somewhere: on disk or inside a zip. */
    public interface Entry {
        /** @return the base file name, e.g. {@code occupations_en.csv} */
        String fileName();

        /** @return a display name for errors, e.g. {@code x.zip!/occupations_en.csv} */
        String displayName();

        /** Reads the entry as a CSV and hands each record to the consumer. */
        void read(CsvConsumer consumer) throws BadgeException;
    }

    /** Receives a whole CSV. */
    @FunctionalInterface
    public interface CsvConsumer {
        void accept(Csv csv) throws BadgeException;
    }

    /** Lists every CSV under the given paths (directories are not recursed). */
    public static List<Entry> list(Path... paths) throws BadgeException {
        List<Entry> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.sorted().toList()) {
                        addFile(f, out);
                    }
                } catch (IOException e) {
                    throw new BadgeException(BadgeException.Code.IO, "cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                addFile(p, out);
            } else {
                throw new BadgeException(BadgeException.Code.IO, "no such file or directory: " + p);
            }
        }
        return out;
    }

    private static void addFile(Path f, List<Entry> out) throws BadgeException {
        String name = f.getFileName().toString();
        if (name.endsWith(".zip")) {
            try (ZipFile z = new ZipFile(f.toFile(), StandardCharsets.UTF_8)) {
                for (ZipEntry e : z.stream().toList()) {
                    if (!e.isDirectory() && e.getName().endsWith(".csv")) {
                        String base = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                        String entryName = e.getName();
                        out.add(new Entry() {
                            @Override
                            public String fileName() {
                                return base;
                            }

                            @Override
                            public String displayName() {
                                return name + "!/" + entryName;
                            }

                            @Override
                            public void read(CsvConsumer consumer) throws BadgeException {
                                try (ZipFile zz = new ZipFile(f.toFile(), StandardCharsets.UTF_8)) {
                                    ZipEntry ze = zz.getEntry(entryName);
                                    try (InputStream in = zz.getInputStream(ze)) {
                                        readStream(in, displayName(), consumer);
                                    }
                                } catch (IOException ex) {
                                    throw new BadgeException(BadgeException.Code.IO,
                                            "cannot read " + displayName() + ": " + ex.getMessage(), ex);
                                }
                            }
                        });
                    }
                }
            } catch (IOException e) {
                throw new BadgeException(BadgeException.Code.MALFORMED_DATA,
                        "cannot open zip " + f + ": " + e.getMessage(), e);
            }
        } else if (name.endsWith(".csv")) {
            out.add(new Entry() {
                @Override
                public String fileName() {
                    return name;
                }

                @Override
                public String displayName() {
                    return f.toString();
                }

                @Override
                public void read(CsvConsumer consumer) throws BadgeException {
                    try (InputStream in = Files.newInputStream(f)) {
                        readStream(in, displayName(), consumer);
                    } catch (IOException ex) {
                        throw new BadgeException(BadgeException.Code.IO,
                                "cannot read " + f + ": " + ex.getMessage(), ex);
                    }
                }
            });
        }
    }

    /** Opens a stream as strict UTF-8 (malformed bytes are an error) and runs the consumer. */
    public static void readStream(InputStream in, String display, CsvConsumer consumer) throws BadgeException {
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        consumer.accept(new Csv(r, display, ','));
    }
}
