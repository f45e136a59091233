package org.reconnaitre.badges.model.internal.baking;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.BakedCredential.Encoding;
import org.reconnaitre.badges.model.BakedCredential.Version;
import org.reconnaitre.badges.model.internal.json.Json;

/** Classifies baked text (JSON / JWS / URL) and tells which specification a credential follows. */
public final class BakedText {
    private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private BakedText() {}

    /** Strict UTF-8 decoding: malformed bytes are an error, not replacement characters. */
    static String utf8(byte[] bytes, int offset, int length, String where) throws BadgeException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw BakingLimits.invalid(where + " is not valid UTF-8 text", e);
        }
    }

    /**
     * Tells the form of a baked text.
     *
     * @throws BadgeException {@code INVALID_IMAGE} when it is none of JSON, JWS or (OB 2.0 only) URL
     */
    public static Encoding classify(String text, Version version, String where) throws BadgeException {
        if (text.isEmpty()) {
            throw BakingLimits.invalid(where + " is empty");
        }
        if (text.length() > BakingLimits.MAX_CREDENTIAL_BYTES) {
            throw BakingLimits.invalid(where + " is longer than " + BakingLimits.MAX_CREDENTIAL_BYTES + " characters");
        }
        char first = text.charAt(0);
        if (first == '{') {
            return Encoding.JSON;
        }
        if (JWS.matcher(text).matches()) {
            return Encoding.JWS;
        }
        if (isUrl(text)) {
            if (version != Version.OB2) {
                throw BakingLimits.invalid(where + " holds a URL (" + abbreviate(text) + "), but only Open Badges 2.0 "
                        + "images may point to a hosted assertion; " + version + " images must carry the credential itself");
            }
            return Encoding.URL;
        }
        throw BakingLimits.invalid(where + " holds neither a JSON object, a compact JWS nor a URL: \""
                + abbreviate(text) + "\"");
    }

    private static boolean isUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://"))) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    /**
     * Which specification a credential to bake follows: CLR 2.0 when its type has
     * {@code ClrCredential}, Open Badges 3.0 for any other Verifiable Credential, Open Badges 2.0
     * for an {@code Assertion} (JSON, JWS or hosted URL).
     *
     * @throws BadgeException {@code INVALID_DOCUMENT} when the text is not a recognisable credential
     */
    public static Version detectVersion(String credential) throws BadgeException {
        String text = credential.strip();
        if (text.isEmpty()) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "The credential to bake is empty");
        }
        if (text.charAt(0) == '{') {
            return versionOf(Json.parse(text), "The credential to bake");
        }
        if (JWS.matcher(text).matches()) {
            String payload = text.substring(text.indexOf('.') + 1, text.lastIndexOf('.'));
            byte[] json;
            try {
                json = Base64.getUrlDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT,
                        "The JWS to bake has a payload that is not base64url", e);
            }
            JsonNode node = Json.parse(json);
            if (node.path("vc").isObject()) {
                node = node.get("vc");
            }
            return versionOf(node, "The JWS payload to bake");
        }
        if (isUrl(text)) {
            return Version.OB2;
        }
        throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT,
                "The credential to bake is neither JSON, a compact JWS nor an Open Badges 2.0 assertion URL");
    }

    private static Version versionOf(JsonNode node, String what) throws BadgeException {
        if (!node.isObject()) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, what + " is not a JSON object");
        }
        JsonNode type = node.path("type");
        if (has(type, "ClrCredential")) {
            return Version.CLR2;
        }
        if (has(type, "VerifiableCredential") || has(type, "OpenBadgeCredential")
                || has(type, "AchievementCredential") || has(type, "EndorsementCredential")) {
            return Version.OB3;
        }
        String context = node.path("@context").toString();
        if (has(type, "Assertion") || context.contains("w3id.org/openbadges") || context.contains("openbadgespec.org")) {
            return Version.OB2;
        }
        throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT,
                what + " is neither an Open Badges 2.0 Assertion nor a Verifiable Credential (OB 3.0 / CLR 2.0): "
                        + "its type is " + (type.isMissingNode() ? "absent" : type.toString()));
    }

    private static boolean has(JsonNode type, String value) {
        if (type.isTextual()) {
            return type.asText().equals(value);
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && t.asText().equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
