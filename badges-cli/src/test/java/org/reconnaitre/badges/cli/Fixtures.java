package org.reconnaitre.badges.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small inputs for the process tests, written into a temporary directory. */
final class Fixtures {
    private Fixtures() {}

    /** An unsigned Open Badges 3.0 credential (VC 2.0 shape). */
    static Path unsignedCredential(Path dir) {
        return copy("unsigned-credential.json", dir.resolve("unsigned.json"));
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copy(String resource, Path target) {
        try {
            Files.writeString(target, resource(resource));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain 4x4 PNG with no credential. */
    static Path png(Path file) {
        try {
            BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(img, "png", bytes);
            Files.write(file, bytes.toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain SVG with no credential. */
    static Path svg(Path file) {
        try {
            Files.writeString(file, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\">"
                    + "<rect width=\"4\" height=\"4\" fill=\"#036\"/></svg>\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
