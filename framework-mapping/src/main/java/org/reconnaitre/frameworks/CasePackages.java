package org.reconnaitre.frameworks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.frameworks.internal.CaseCodec;

/**
 * 1EdTech CASE 1.1 {@code CFPackage} JSON import and export. Import maps each CFItem to a
 * {@link Concept} (the kind from {@code CFItemType}; label from {@code fullStatement}; code from
 * {@code humanCodingScheme}) and {@code isChildOf} associations to the broader hierarchy. Export
 * writes one CFItem per concept with a stable name-based UUID and one {@code isChildOf} per broader
 * link. Input is parsed with bounded size and depth.
 *
 * <pre>{@code
 * String json = CasePackages.write(rome);
 * Framework again = CasePackages.read(json, "rome.json");
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CasePackages {
    private CasePackages() {}

    /** Reads a CFPackage file. */
    public static Framework read(Path file) throws BadgeException {
        try {
            long size = Files.size(file);
            if (size > 64L * 1024 * 1024) {
                throw new BadgeException(BadgeException.Code.MALFORMED_DATA, file + ": larger than 64 MiB");
            }
            return Frameworks.wrap(CaseCodec.read(Files.readAllBytes(file), file.toString()));
        } catch (IOException e) {
            throw new BadgeException(BadgeException.Code.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads CFPackage JSON text; {@code source} names it in error messages. */
    public static Framework read(String json, String source) throws BadgeException {
        return Frameworks.wrap(CaseCodec.read(json.getBytes(StandardCharsets.UTF_8), source));
    }

    /** Writes a framework as a CFPackage (lastChangeDateTime = now, to the second). */
    public static String write(Framework framework) {
        return write(framework, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Writes a framework as a CFPackage with a fixed lastChangeDateTime (reproducible output). */
    public static String write(Framework framework, Instant lastChange) {
        return CaseCodec.write(framework.data(), lastChange.toString());
    }
}
