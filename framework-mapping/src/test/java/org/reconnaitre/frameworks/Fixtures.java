package org.reconnaitre.frameworks;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/** Paths of the committed fixtures (see src/test/resources/fixtures/NOTICE.md). */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Framework rome() throws Exception {
        return Frameworks.rome().load(path("rome-v460"));
    }

    static Framework esco() throws Exception {
        return Frameworks.esco().load(path("esco"));
    }
}
