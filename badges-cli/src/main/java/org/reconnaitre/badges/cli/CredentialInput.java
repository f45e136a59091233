package org.reconnaitre.badges.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.BakedCredential;
import org.reconnaitre.badges.model.Baking;

/**
 * A credential as a command received it: the text (JSON or a compact JWS), unbaked from a PNG or
 * SVG image when needed, with the format it came in.
 */
record CredentialInput(String format, String text, boolean jws) {
    private static final Pattern COMPACT_JWS =
            Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    /**
     * Reads bytes given to a command.
     *
     * @param name the file name, for messages
     * @throws CliFailure (exit code 2) when the bytes are no credential at all
     */
    static CredentialInput of(String name, byte[] bytes) {
        if (Baking.isImage(bytes)) {
            BakedCredential baked;
            try {
                baked = Baking.unbake(bytes);
            } catch (BadgeException e) {
                throw CliFailure.unreadable(name + ": " + e.getMessage(), e);
            }
            String format = baked.format() == BakedCredential.Format.PNG ? "png" : "svg";
            if (baked.encoding() == BakedCredential.Encoding.URL) {
                throw CliFailure.unreadable(name + ": the image points to a hosted Open Badges 2.0 "
                        + "assertion at " + baked.content() + "; download it and pass the file");
            }
            return new CredentialInput(format, baked.content(), baked.encoding() == BakedCredential.Encoding.JWS);
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw CliFailure.unreadable(name + ": the file is empty");
        }
        if (isCompactJws(text)) {
            return new CredentialInput("jwt", text, true);
        }
        return new CredentialInput("json", text, false);
    }

    static boolean isCompactJws(String text) {
        return text.length() < 16 * 1024 * 1024 && COMPACT_JWS.matcher(text).matches();
    }

    /**
     * The JSON to validate: the text itself, or the payload of a compact JWS (the credential in
     * its {@code vc} claim when it has one is left to the validator).
     */
    String json(String name) {
        if (!jws) {
            return text;
        }
        String payload = text.substring(text.indexOf('.') + 1, text.lastIndexOf('.'));
        try {
            return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CliFailure.unreadable(name + ": the JWT payload is not base64url", e);
        }
    }
}
