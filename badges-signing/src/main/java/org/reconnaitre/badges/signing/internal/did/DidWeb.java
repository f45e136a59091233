package org.reconnaitre.badges.signing.internal.did;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.BadgeException;

/** did:web identifier → DID document URL (did:web spec §3.2). Internal. Thread-safe. */
public final class DidWeb {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=@%-]{1,255}");

    private DidWeb() {}

    /**
     * @param did a did:web DID (no fragment)
     * @return the https URL of its DID document
     * @throws BadgeException {@code INVALID_KEY} when the DID is malformed
     */
    public static URI documentUrl(String did) throws BadgeException {
        if (!did.startsWith("did:web:") || did.length() > 1024) {
            throw bad(did, "not a did:web identifier");
        }
        String[] parts = did.substring("did:web:".length()).split(":", -1);
        String host = decode(did, parts[0]);
        if (!HOST.matcher(host).matches()) {
            throw bad(did, "invalid host '" + parts[0] + "'");
        }
        StringBuilder url = new StringBuilder("https://").append(host);
        if (parts.length == 1) {
            url.append("/.well-known/did.json");
        } else {
            for (int i = 1; i < parts.length; i++) {
                String seg = parts[i];
                String decoded = decode(did, seg);
                if (!SEGMENT.matcher(seg).matches() || decoded.equals(".") || decoded.equals("..")
                        || decoded.contains("/") || decoded.contains("?") || decoded.contains("#")) {
                    throw bad(did, "invalid path segment '" + seg + "'");
                }
                url.append('/').append(seg);
            }
            url.append("/did.json");
        }
        try {
            return URI.create(url.toString());
        } catch (IllegalArgumentException e) {
            throw bad(did, e.getMessage());
        }
    }

    private static String decode(String did, String part) throws BadgeException {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad(did, "malformed percent-encoding in '" + part + "'");
        }
    }

    private static BadgeException bad(String did, String why) {
        return new BadgeException(BadgeException.Code.INVALID_KEY,
                "Malformed did:web " + (did.length() > 120 ? did.substring(0, 117) + "..." : did) + ": " + why);
    }
}
