package org.reconnaitre.badges.signing.internal.verify;

import java.nio.charset.StandardCharsets;
import org.reconnaitre.badges.model.Baking;
import org.reconnaitre.badges.signing.VerificationReport.Format;
import org.reconnaitre.badges.signing.internal.jwt.CompactJws;

/**
 * Detects the input format from its bytes (PNG signature, SVG root, JSON object, compact JWS) and
 * unbakes images. Internal.
 */
final class FormatStep implements Step {
    static final String ID = "format";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Override
    public String id() {
        return ID;
    }

    static Format detect(byte[] in) {
        if (startsWith(in, PNG)) {
            return Format.PNG;
        }
        int i = 0;
        if (in.length >= 3 && (in[0] & 0xff) == 0xef && (in[1] & 0xff) == 0xbb && (in[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < in.length && (in[i] == ' ' || in[i] == '\n' || in[i] == '\r' || in[i] == '\t')) {
            i++;
        }
        if (i >= in.length) {
            return Format.UNKNOWN;
        }
        if (in[i] == '{') {
            return Format.JSON;
        }
        if (in[i] == '<') {
            return Baking.isImage(in) ? Format.SVG : Format.UNKNOWN;
        }
        if (in[i] == 'e' && in.length - i <= CompactJws.MAX_LENGTH + 16) {
            String t = new String(in, i, in.length - i, StandardCharsets.US_ASCII);
            return CompactJws.looksLikeCompactJws(t) ? Format.JWT : Format.UNKNOWN;
        }
        return Format.UNKNOWN;
    }

    private static boolean startsWith(byte[] in, byte[] prefix) {
        if (in.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (in[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void run(VerificationContext ctx) {
        Format format = detect(ctx.input);
        ctx.format = format;
        ctx.report.format(format);
        switch (format) {
            case JSON -> {
                ctx.text = new String(ctx.input, StandardCharsets.UTF_8);
                ctx.passed(ID, "The input is a JSON document.");
            }
            case JWT -> {
                ctx.text = new String(ctx.input, StandardCharsets.US_ASCII).strip();
                ctx.passed(ID, "The input is a compact JWS (VC-JWT).");
            }
            case PNG, SVG -> Unbaker.unbake(ctx, format);
            case UNKNOWN -> {
                ctx.failed(ID, "The input is not a JSON credential, a compact JWT, a baked PNG or a baked SVG.");
                ctx.halted = true;
            }
        }
    }
}
