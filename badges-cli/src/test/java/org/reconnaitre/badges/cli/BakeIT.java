package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.assertOneLineError;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BakeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void bakeThenUnbakeAPngGivesTheCredentialBack() throws Exception {
        Path credential = Fixtures.unsignedCredential(dir);
        Path baked = dir.resolve("baked.png");
        var bake = run("bake", "--image", Fixtures.png(dir.resolve("plain.png")).toString(),
                "--credential", credential.toString(), "--out", baked.toString());
        assertThat(bake.exitCode()).as(bake.toString()).isZero();
        assertThat(bake.out()).contains("Baked").contains(baked.toString());
        assertThat(Files.readAllBytes(baked)).startsWith(0x89, 'P', 'N', 'G');

        var unbake = run("unbake", baked.toString());
        assertThat(unbake.exitCode()).as(unbake.toString()).isZero();
        assertThat(JSON.readTree(unbake.out())).isEqualTo(JSON.readTree(credential.toFile()));
    }

    @Test
    void bakeThenUnbakeAnSvg() throws Exception {
        Path credential = Fixtures.unsignedCredential(dir);
        Path baked = dir.resolve("baked.svg");
        var bake = run("bake", "--image", Fixtures.svg(dir.resolve("plain.svg")).toString(),
                "--credential", credential.toString(), "--out", baked.toString());
        assertThat(bake.exitCode()).as(bake.toString()).isZero();
        assertThat(Files.readString(baked)).contains("https://purl.imsglobal.org/ob/v3p0");
        var unbake = run("unbake", baked.toString());
        assertThat(unbake.exitCode()).as(unbake.toString()).isZero();
        assertThat(JSON.readTree(unbake.out())).isEqualTo(JSON.readTree(credential.toFile()));
    }

    @Test
    void unbakingAnImageWithoutCredentialOrANonImageFailsWithExitCode2() throws Exception {
        var plain = run("unbake", Fixtures.png(dir.resolve("plain.png")).toString());
        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(2);
        assertOneLineError(plain);
        assertThat(plain.out()).isEmpty();

        Path text = Files.writeString(dir.resolve("note.txt"), "hello");
        var notImage = run("unbake", text.toString());
        assertThat(notImage.exitCode()).as(notImage.toString()).isEqualTo(2);
        assertOneLineError(notImage);
        assertThat(notImage.err()).contains("note.txt");
    }

    @Test
    void bakeRefusesAnInputOver16MiBWithOneLine() throws Exception {
        Path big = dir.resolve("big.png");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0}), 16L * 1024 * 1024); // sparse, 16 MiB + 1
        }
        var r = run("bake", "--image", big.toString(), "--credential",
                Fixtures.unsignedCredential(dir).toString(), "--out", dir.resolve("o.png").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).contains("big.png").contains("larger than 16 MiB");
        assertThat(dir.resolve("o.png")).doesNotExist();
    }

    @Test
    void missingFilesAndOptionsAreExitCode2() {
        var missing = run("unbake", dir.resolve("nope.png").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertOneLineError(missing);
        assertThat(missing.err()).contains("nope.png: no such file");
        var noOut = run("bake", "--image", "a.png", "--credential", "c.json");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
    }

    @Test
    void helpHasExamples() {
        for (String cmd : new String[] {"bake", "unbake"}) {
            var r = run(cmd, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Example").contains("badges " + cmd + " ");
        }
    }
}
