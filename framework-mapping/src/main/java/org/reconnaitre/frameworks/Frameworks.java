package org.reconnaitre.frameworks;

import java.nio.file.Path;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.frameworks.internal.EscoLoader;
import org.reconnaitre.frameworks.internal.RomeLoader;

/**
 * Entry point: loaders for ESCO, ROME 4.0 and 1EdTech CASE.
 *
 * <pre>{@code
 * Framework esco = Frameworks.esco().load(Path.of("data/esco-v1.1.1"));           // zips, as published
 * Framework rome = Frameworks.rome().load(Path.of("data/rome-v460"));
 * Framework cf   = Frameworks.caseJson().load(Path.of("package.json"));
 * }</pre>
 *
 * <p>Stateless and thread-safe. A load either returns a complete framework or throws a
 * {@link BadgeException} ({@code MALFORMED_DATA} naming the file, line and column; {@code IO});
 * never a half-loaded framework.
 */
public final class Frameworks {
    private Frameworks() {}

    /** Loads a framework from files. Implementations are stateless and thread-safe. */
    @FunctionalInterface
    public interface Loader {
        /**
         * @param paths directories, zips or CSV/JSON files, depending on the format
         * @return the complete framework
         * @throws BadgeException when a file is missing, unreadable or malformed
         */
        Framework load(Path... paths) throws BadgeException;
    }

    /**
     * ESCO from the official CSV downloads: classification zips (any language), the relations zip,
     * loose {@code occupations_xx*.csv} label files, or a directory holding them (not recursed).
     */
    public static Loader esco() {
        return paths -> new Framework(EscoLoader.load(paths));
    }

    /** ROME 4.0 from the open-data directory (v460 layout). Exactly one directory. */
    public static Loader rome() {
        return paths -> {
            if (paths.length != 1) {
                throw new IllegalArgumentException("ROME loads from exactly one directory");
            }
            return new Framework(RomeLoader.load(paths[0]));
        };
    }

    /** A 1EdTech CASE 1.1 CFPackage JSON file (one path). */
    public static Loader caseJson() {
        return paths -> {
            if (paths.length != 1) {
                throw new IllegalArgumentException("a CASE package loads from exactly one file");
            }
            return CasePackages.read(paths[0]);
        };
    }

    /**
     * Loads by name: {@code esco}, {@code rome} or {@code case} — the entry point the CLI uses.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Framework load(String kind, Path... paths) throws BadgeException {
        return switch (kind) {
            case "esco" -> esco().load(paths);
            case "rome" -> rome().load(paths);
            case "case" -> caseJson().load(paths);
            default -> throw new IllegalArgumentException("unknown framework '" + kind + "' (esco, rome, case)");
        };
    }

    static Framework wrap(org.reconnaitre.frameworks.internal.FrameworkData d) {
        return new Framework(d);
    }
}
