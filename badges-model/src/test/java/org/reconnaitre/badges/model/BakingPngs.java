package org.reconnaitre.badges.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builds (possibly hostile) PNG files for the baking tests. */
final class BakingPngs {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] iend;

    private BakingPngs(byte[] png) {
        // everything but the final IEND chunk (12 bytes)
        body.write(png, 0, png.length - 12);
        iend = java.util.Arrays.copyOfRange(png, png.length - 12, png.length);
    }

    static BakingPngs from(byte[] png) {
        return new BakingPngs(png);
    }

    BakingPngs insertBeforeIend(String type, byte[] data) {
        byte[] c = chunk(type, data, true);
        body.write(c, 0, c.length);
        return this;
    }

    BakingPngs insertRaw(byte[] raw) {
        body.write(raw, 0, raw.length);
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.toByteArray());
        out.writeBytes(iend);
        return out.toByteArray();
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] itxt(String keyword, String text, boolean compress) {
        byte[] utf8 = text.strip().getBytes(StandardCharsets.UTF_8);
        return itxtRaw(keyword, compress ? deflate(utf8) : utf8, compress);
    }

    static byte[] itxtRaw(String keyword, byte[] payload, boolean compressed) {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes(bytes(keyword));
        d.write(0);
        d.write(compressed ? 1 : 0);
        d.write(0);
        d.write(0);
        d.write(0);
        d.writeBytes(payload);
        return d.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Deflates {@code size} zero bytes without holding them in memory. */
    static byte[] deflateZeros(long size) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        byte[] zeros = new byte[1024 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = (int) Math.min(zeros.length, left);
            deflater.setInput(zeros, 0, n);
            left -= n;
            while (!deflater.needsInput()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data, boolean goodCrc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = data.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        byte[] t = bytes(type);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long v = crc.getValue() ^ (goodCrc ? 0 : 1);
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
        return out.toByteArray();
    }
}
