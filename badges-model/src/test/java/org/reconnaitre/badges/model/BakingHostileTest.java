package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.testing.SharedData;

/** Hostile images: each is refused with INVALID_IMAGE, a clear reason, and in well under a second. */
class BakingHostileTest {

    private static final String CREDENTIAL = "{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"]}";

    private static BadgeException refused(byte[] image, String reason) {
        long start = System.nanoTime();
        try {
            BakedCredential c = Baking.unbake(image);
            return fail("expected a refusal containing '" + reason + "' but read " + c);
        } catch (BadgeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("time to refuse").isLessThan(Duration.ofSeconds(1));
            assertThat(e.code()).isEqualTo(BadgeException.Code.INVALID_IMAGE);
            assertThat(e.getMessage()).contains(reason);
            return e;
        }
    }

    private static byte[] tinyPng() throws Exception {
        return BakingTest.resource("tiny.png");
    }

    private static byte[] svg(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oversizedChunkDeclaration() throws Exception {
        byte[] huge = BakingPngs.chunk("iTXt", new byte[0], true);
        huge[0] = 0x7F; // declares ~2 GiB
        huge[1] = (byte) 0xFF;
        refused(BakingPngs.from(tinyPng()).insertRaw(huge).build(), "more than the limit of");
    }

    @Test
    void tooManyChunks() throws Exception {
        BakingPngs b = BakingPngs.from(tinyPng());
        byte[] empty = BakingPngs.chunk("tEXt", BakingPngs.bytes("a\0"), true);
        for (int i = 0; i < 10_001; i++) {
            b.insertRaw(empty);
        }
        refused(b.build(), "more than 10000 chunks");
    }

    @Test
    void chunkLongerThanTheFile() throws Exception {
        byte[] c = BakingPngs.chunk("tEXt", BakingPngs.bytes("openbadges\0https://example.org/a"), true);
        c[3] = (byte) 0xF0; // 240 bytes declared, far fewer present
        byte[] png = BakingPngs.from(tinyPng()).build();
        byte[] cut = Arrays.copyOf(png, png.length - 12);
        byte[] withBad = new byte[cut.length + c.length];
        System.arraycopy(cut, 0, withBad, 0, cut.length);
        System.arraycopy(c, 0, withBad, cut.length, c.length);
        refused(withBad, "truncated");
    }

    @Test
    void badCrc() throws Exception {
        byte[] png = BakingPngs.from(tinyPng())
                .insertRaw(BakingPngs.chunk("iTXt", BakingPngs.itxt("openbadgecredential", CREDENTIAL, false), false))
                .build();
        refused(png, "bad CRC");
        byte[] flipped = Baking.bake(tinyPng(), CREDENTIAL);
        flipped[40] ^= 0x01; // inside IDAT
        refused(flipped, "bad CRC");
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] fixture = Files.readAllBytes(SharedData.openbadges().resolve("fixtures/1edtech-validator/ob30/simple-json.png"));
        refused(Arrays.copyOf(fixture, fixture.length / 2), "truncated");
        refused(Arrays.copyOf(fixture, fixture.length - 12), "no IEND chunk");
        refused(Arrays.copyOf(fixture, 8), "truncated");
    }

    @Test
    void twoCredentialChunks() throws Exception {
        byte[] png = BakingPngs.from(tinyPng())
                .insertBeforeIend("iTXt", BakingPngs.itxt("openbadgecredential", CREDENTIAL, false))
                .insertBeforeIend("iTXt", BakingPngs.itxt("openbadges", "https://example.org/a", false))
                .build();
        refused(png, "2 credential chunks");
        // baking into such an image is refused as well rather than guessing which one to replace
        try {
            Baking.bake(png, CREDENTIAL);
            fail("bake should refuse an ambiguous image");
        } catch (BadgeException e) {
            assertThat(e.getMessage()).contains("refusing to bake into an ambiguous image");
        }
    }

    @Test
    void compressionBomb() throws Exception {
        byte[] bomb = BakingPngs.deflateZeros(256L * 1024 * 1024); // 256 MiB of zeros in about 1 MiB
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        byte[] png = BakingPngs.from(tinyPng())
                .insertBeforeIend("iTXt", BakingPngs.itxtRaw("openbadgecredential", bomb, true))
                .build();
        refused(png, "decompression bomb");
        byte[] ztxt = new byte["openbadges".length() + 2 + bomb.length];
        System.arraycopy(BakingPngs.bytes("openbadges"), 0, ztxt, 0, 10);
        System.arraycopy(bomb, 0, ztxt, 12, bomb.length);
        refused(BakingPngs.from(tinyPng()).insertBeforeIend("zTXt", ztxt).build(), "decompression bomb");
    }

    @Test
    void invalidUtf8AndUrlInAnOb3Chunk() throws Exception {
        byte[] bad = BakingPngs.itxtRaw("openbadgecredential", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, false);
        refused(BakingPngs.from(tinyPng()).insertBeforeIend("iTXt", bad).build(), "not valid UTF-8");
        refused(BakingPngs.from(tinyPng())
                .insertBeforeIend("iTXt", BakingPngs.itxt("openbadgecredential", "https://example.org/c", false)).build(),
                "only Open Badges 2.0 images may point to a hosted assertion");
    }

    @Test
    void xxe() {
        refused(svg("""
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                  <openbadges:credential>&xxe;</openbadges:credential>
                </svg>"""), "internal subset");
        // parameter entity pulling an external DTD
        refused(svg("""
                <!DOCTYPE svg [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext;]>
                <svg xmlns="http://www.w3.org/2000/svg"/>"""), "internal subset");
    }

    @Test
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE svg [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        refused(svg(dtd + """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                  <openbadges:credential>&lol9;</openbadges:credential>
                </svg>"""), "billion laughs");
    }

    @Test
    void externalDtd() {
        refused(svg("""
                <?xml version="1.0"?>
                <!DOCTYPE svg SYSTEM "http://127.0.0.1:9/evil.dtd">
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                  <openbadges:credential>{"a":1}</openbadges:credential>
                </svg>"""), "external DTD");
        refused(svg("""
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://evil.example/svg11.dtd">
                <svg xmlns="http://www.w3.org/2000/svg"/>"""), "external DTD");
    }

    @Test
    void undeclaredEntityAndMalformedXml() {
        refused(svg("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                  <openbadges:credential>&xxe;</openbadges:credential>
                </svg>"""), "entity");
        refused(svg("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                  <openbadges:credential>{"a":1}</openbadges:credential>"""), "not well-formed");
    }

    @Test
    void twoSvgCredentialElements() {
        refused(svg("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob3="https://purl.imsglobal.org/ob/v3p0"
                     xmlns:ob2="http://openbadges.org">
                  <ob3:credential><![CDATA[{"a":1}]]></ob3:credential>
                  <g><ob2:assertion verify="https://example.org/a"/></g>
                </svg>"""), "more than one credential element");
    }

    @Test
    void oversizedSvg() {
        byte[] big = new byte[Baking.MAX_SVG_BYTES + 1];
        byte[] head = svg("<svg xmlns=\"http://www.w3.org/2000/svg\">");
        System.arraycopy(head, 0, big, 0, head.length);
        Arrays.fill(big, head.length, big.length, (byte) ' ');
        refused(big, "larger than");
    }
}
