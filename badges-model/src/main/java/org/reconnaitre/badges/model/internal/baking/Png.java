package org.reconnaitre.badges.model.internal.baking;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.BakedCredential;
import org.reconnaitre.badges.model.BakedCredential.Version;

/**
 * PNG chunk reading and writing for baked badges. Every chunk's length and CRC is checked, the
 * chunk count and sizes are bounded, compressed text is inflated with a hard limit, and exactly one
 * credential chunk is allowed.
 */
public final class Png {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Png() {}

    /** One chunk: {@code offset} is where its length field starts; its data is at {@code offset + 8}. */
    record Chunk(String type, int offset, int length) {
        int dataOffset() {
            return offset + 8;
        }

        int end() {
            return offset + 12 + length;
        }
    }

    /** A credential chunk found in an image. */
    record Found(int chunkIndex, String chunkType, Version version, String text) {}

    /** @return whether the bytes start with the PNG signature */
    public static boolean isPng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    static List<Chunk> chunks(byte[] png) throws BadgeException {
        if (png.length > BakingLimits.MAX_IMAGE_BYTES) {
            throw BakingLimits.invalid("PNG image is larger than " + BakingLimits.MAX_IMAGE_BYTES + " bytes");
        }
        if (!isPng(png)) {
            throw BakingLimits.invalid("Not a PNG image: the PNG signature is missing");
        }
        List<Chunk> chunks = new ArrayList<>();
        CRC32 crc = new CRC32();
        int pos = SIGNATURE.length;
        while (true) {
            if (chunks.size() >= BakingLimits.MAX_CHUNKS) {
                throw BakingLimits.invalid("PNG image has more than " + BakingLimits.MAX_CHUNKS + " chunks");
            }
            if (png.length - pos < 12) {
                throw BakingLimits.invalid("PNG image is truncated: " + (chunks.isEmpty() ? "no chunks" : "no IEND chunk")
                        + " after byte " + pos);
            }
            long length = u32(png, pos);
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw BakingLimits.invalid("PNG chunk " + chunks.size() + " at byte " + pos + " has an invalid type");
            }
            if (length > BakingLimits.MAX_CHUNK_BYTES) {
                throw BakingLimits.invalid("PNG chunk " + type + " at byte " + pos + " declares " + length
                        + " bytes, more than the limit of " + BakingLimits.MAX_CHUNK_BYTES);
            }
            if (length > png.length - pos - 12L) {
                throw BakingLimits.invalid("PNG image is truncated: chunk " + type + " at byte " + pos + " declares "
                        + length + " bytes but only " + Math.max(0, png.length - pos - 12) + " remain");
            }
            Chunk chunk = new Chunk(type, pos, (int) length);
            if (chunks.isEmpty() && !type.equals("IHDR")) {
                throw BakingLimits.invalid("PNG image does not start with an IHDR chunk (found " + type + ")");
            }
            crc.reset();
            crc.update(png, pos + 4, 4 + chunk.length());
            long stored = u32(png, pos + 8 + chunk.length());
            if (crc.getValue() != stored) {
                throw BakingLimits.invalid("PNG chunk " + type + " at byte " + pos + " has a bad CRC (stored "
                        + Long.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()) + ")");
            }
            chunks.add(chunk);
            pos = chunk.end();
            if (type.equals("IEND")) {
                return chunks;
            }
        }
    }

    /**
     * Reads the single credential chunk.
     *
     * @throws BadgeException {@code INVALID_IMAGE} when the PNG is malformed, has no credential or more than one
     */
    public static BakedCredential unbake(byte[] png) throws BadgeException {
        List<Chunk> chunks = chunks(png);
        List<Found> found = find(png, chunks);
        if (found.isEmpty()) {
            throw BakingLimits.invalid("PNG image carries no credential: no iTXt chunk with keyword 'openbadgecredential', "
                    + "'clrcredential' or 'openbadges' (nor a legacy tEXt/zTXt 'openbadges' chunk)");
        }
        if (found.size() > 1) {
            throw BakingLimits.invalid("PNG image carries " + found.size() + " credential chunks ("
                    + describe(found) + "); exactly one is allowed");
        }
        Found f = found.get(0);
        String where = "PNG " + f.chunkType() + " chunk '" + f.version().pngKeyword() + "'";
        String text = f.text().strip();
        return new BakedCredential(BakedCredential.Format.PNG, f.version(), BakedText.classify(text, f.version(), where), text);
    }

    private static String describe(List<Found> found) {
        StringBuilder sb = new StringBuilder();
        for (Found f : found) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.chunkType()).append(" '").append(f.version().pngKeyword()).append("' at chunk ").append(f.chunkIndex());
        }
        return sb.toString();
    }

    private static List<Found> find(byte[] png, List<Chunk> chunks) throws BadgeException {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            if (!(c.type().equals("iTXt") || c.type().equals("tEXt") || c.type().equals("zTXt"))) {
                continue;
            }
            int start = c.dataOffset();
            int end = start + c.length();
            int nul = indexOf(png, start, Math.min(end, start + 80), (byte) 0);
            if (nul < 0) {
                continue; // not a well-formed text chunk; not ours either
            }
            String keyword = new String(png, start, nul - start, StandardCharsets.ISO_8859_1);
            Version version = versionFor(keyword);
            if (version == null) {
                continue;
            }
            String where = "PNG " + c.type() + " chunk '" + keyword + "'";
            found.add(new Found(i, c.type(), version, text(png, c, nul + 1, end, where)));
        }
        return found;
    }

    private static String text(byte[] png, Chunk c, int p, int end, String where) throws BadgeException {
        switch (c.type()) {
            case "tEXt":
                return latin1(png, p, end - p, where);
            case "zTXt": {
                if (p >= end || png[p] != 0) {
                    throw BakingLimits.invalid(where + " uses an unknown compression method");
                }
                byte[] raw = BoundedInflater.inflate(png, p + 1, end - p - 1, BakingLimits.MAX_CREDENTIAL_BYTES, where);
                return new String(raw, StandardCharsets.ISO_8859_1);
            }
            default: { // iTXt
                if (end - p < 2) {
                    throw BakingLimits.invalid(where + " is truncated");
                }
                int flag = png[p] & 0xFF;
                int method = png[p + 1] & 0xFF;
                int lang = indexOf(png, p + 2, end, (byte) 0);
                int translated = lang < 0 ? -1 : indexOf(png, lang + 1, end, (byte) 0);
                if (translated < 0) {
                    throw BakingLimits.invalid(where + " is malformed: missing language tag or translated keyword");
                }
                int textStart = translated + 1;
                if (flag == 0) {
                    if (end - textStart > BakingLimits.MAX_CREDENTIAL_BYTES) {
                        throw BakingLimits.invalid(where + " holds more than " + BakingLimits.MAX_CREDENTIAL_BYTES + " bytes");
                    }
                    return BakedText.utf8(png, textStart, end - textStart, where);
                }
                if (flag != 1 || method != 0) {
                    throw BakingLimits.invalid(where + " has an unknown compression flag " + flag + " / method " + method);
                }
                byte[] raw = BoundedInflater.inflate(png, textStart, end - textStart, BakingLimits.MAX_CREDENTIAL_BYTES, where);
                return BakedText.utf8(raw, 0, raw.length, where);
            }
        }
    }

    private static String latin1(byte[] b, int off, int len, String where) throws BadgeException {
        if (len > BakingLimits.MAX_CREDENTIAL_BYTES) {
            throw BakingLimits.invalid(where + " holds more than " + BakingLimits.MAX_CREDENTIAL_BYTES + " bytes");
        }
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    private static @Nullable Version versionFor(String keyword) {
        for (Version v : Version.values()) {
            if (v.pngKeyword().equals(keyword)) {
                return v;
            }
        }
        return null;
    }

    /**
     * Bakes: the new iTXt chunk replaces an existing credential chunk in place, or goes just
     * before IEND. Bytes after IEND are dropped.
     */
    public static byte[] bake(byte[] png, String text, Version version) throws BadgeException {
        List<Chunk> chunks = chunks(png);
        List<Found> found = find(png, chunks);
        if (found.size() > 1) {
            throw BakingLimits.invalid("PNG image already carries " + found.size() + " credential chunks ("
                    + describe(found) + "); refusing to bake into an ambiguous image");
        }
        int replace = found.isEmpty() ? -1 : found.get(0).chunkIndex();
        byte[] chunk = itxt(version.pngKeyword(), text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + chunk.length);
        out.write(SIGNATURE, 0, SIGNATURE.length);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            if (i == replace) {
                out.write(chunk, 0, chunk.length);
                continue;
            }
            if (c.type().equals("IEND") && replace < 0) {
                out.write(chunk, 0, chunk.length);
            }
            out.write(png, c.offset(), c.end() - c.offset());
        }
        if (out.size() > BakingLimits.MAX_IMAGE_BYTES) {
            throw BakingLimits.invalid("The baked PNG would be larger than " + BakingLimits.MAX_IMAGE_BYTES + " bytes");
        }
        return out.toByteArray();
    }

    static byte[] itxt(String keyword, String text) throws BadgeException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > BakingLimits.MAX_CREDENTIAL_BYTES) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT,
                    "The credential to bake is larger than " + BakingLimits.MAX_CREDENTIAL_BYTES + " bytes");
        }
        byte[] kw = keyword.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream data = new ByteArrayOutputStream(kw.length + 5 + utf8.length);
        data.write(kw, 0, kw.length);
        data.write(0); // keyword terminator
        data.write(0); // compression flag: uncompressed
        data.write(0); // compression method
        data.write(0); // empty language tag
        data.write(0); // empty translated keyword
        data.write(utf8, 0, utf8.length);
        return chunk("iTXt", data.toByteArray());
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] out = new byte[12 + data.length];
        putU32(out, 0, data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, out, 4, 4);
        System.arraycopy(data, 0, out, 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(out, 4, 4 + data.length);
        putU32(out, 8 + data.length, crc.getValue());
        return out;
    }

    private static long u32(byte[] b, int p) {
        return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFFL) << 16) | ((b[p + 2] & 0xFFL) << 8) | (b[p + 3] & 0xFFL);
    }

    private static void putU32(byte[] b, int p, long v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
