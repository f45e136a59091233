package org.reconnaitre.badges.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared data folder (conformance fixtures, ESCO, ROME) that sits beside the project
 * in CI. Set it with {@code -Dreconnaitre.shared=DIR} or the {@code RECONNAITRE_SHARED}
 * environment variable; tests that need it are skipped, with a message saying so, when neither is
 * set.
 */
public final class SharedData {
    private SharedData() {}

    /** @return the shared folder, when configured and present */
    public static Optional<Path> find() {
        String dir = System.getProperty("reconnaitre.shared", "");
        if (dir.isBlank() || dir.startsWith("${")) {
            dir = System.getenv().getOrDefault("RECONNAITRE_SHARED", "");
        }
        if (dir.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(dir).toAbsolutePath().normalize();
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * The shared folder, or skips the calling test with a clear message.
     *
     * @param what what the test needs, e.g. "openbadges/fixtures"
     */
    public static Path require(String what) {
        Optional<Path> root = find();
        Assumptions.assumeTrue(root.isPresent(),
                "Skipped: needs the shared data folder (" + what + "). Set -Dreconnaitre.shared=DIR "
                        + "or RECONNAITRE_SHARED=DIR; .ci/run points it at ../shared.");
        Path p = root.get().resolve(what);
        Assumptions.assumeTrue(Files.exists(p), "Skipped: " + p + " does not exist in the shared data folder.");
        return p;
    }

    /** @return {@code shared/openbadges}, or skips the test */
    public static Path openbadges() {
        return require("openbadges");
    }

    /**
     * The manifest's {@code urlMap} rows of one kind, as URL (or URL prefix) to local path, ready
     * for {@code Fetcher.offline(...)}: {@code "exact"} gives the status lists, {@code "prefix"} the
     * OB 2.0 hosted assets. Rows that name no real URL (contexts, schemas) are left out.
     *
     * @param openbadges the {@code shared/openbadges} folder
     * @param match the start of the rows' {@code match} field: "exact" or "prefix"
     */
    public static Map<String, Path> urlMap(Path openbadges, String match) {
        JsonNode manifest;
        try {
            manifest = Json.parse(Files.readString(openbadges.resolve("manifest.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BadgeException e) {
            throw new IllegalStateException("manifest.json is not JSON: " + e.getMessage(), e);
        }
        Map<String, Path> map = new LinkedHashMap<>();
        for (JsonNode u : manifest.path("urlMap")) {
            String url = u.path("url").asText();
            if (url.startsWith("http") && u.path("match").asText().startsWith(match)) {
                map.put(url, openbadges.resolve(u.path("file").asText()));
            }
        }
        return map;
    }
}
