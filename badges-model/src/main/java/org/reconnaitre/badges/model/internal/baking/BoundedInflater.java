package org.reconnaitre.badges.model.internal.baking;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.reconnaitre.badges.model.BadgeException;

/** zlib inflation with a hard output limit, so a small chunk cannot expand into gigabytes. */
final class BoundedInflater {
    private BoundedInflater() {}

    static byte[] inflate(byte[] in, int offset, int length, int maxOut, String what) throws BadgeException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxOut, Math.max(64, length * 4)));
            byte[] buf = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw BakingLimits.invalid(what + ": compressed data needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw BakingLimits.invalid(what + ": compressed data is truncated");
                    }
                }
                if (out.size() + n > maxOut) {
                    throw BakingLimits.invalid(what + ": compressed text expands beyond " + maxOut
                            + " bytes (decompression bomb?)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw BakingLimits.invalid(what + ": corrupt compressed data (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }
}
