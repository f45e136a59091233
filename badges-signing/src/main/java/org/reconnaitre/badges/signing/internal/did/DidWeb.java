package org.reconnaitre.badges.signing.internal.did;

import java.net.URI;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.internal.id.InvalidIdentifierException;

/**
 * did:web identifier → DID document URL (did:web spec §3.2, "Read"). The DID is checked by the
 * {@link Identifier} parser (DID Core syntax plus the did:web rules: a DNS host, lowercased, with no
 * trailing dot; an optional {@code %3A} port; non-empty path segments without {@code .}/{@code ..}).
 * Internal. Thread-safe.
 */
public final class DidWeb {
    private DidWeb() {}

    /**
     * @param did a did:web DID (no path, query or fragment)
     * @return the https URL of its DID document
     * @throws BadgeException {@code INVALID_KEY} when the DID is malformed
     */
    public static URI documentUrl(String did) throws BadgeException {
        Identifier id;
        try {
            id = Identifier.parse(did);
        } catch (InvalidIdentifierException e) {
            throw bad(did, e.getMessage());
        }
        return documentUrl(id);
    }

    /**
     * @param did a parsed did:web DID (no path, query or fragment)
     * @return the https URL of its DID document
     * @throws BadgeException {@code INVALID_KEY} when it is not a bare did:web DID
     */
    public static URI documentUrl(Identifier did) throws BadgeException {
        if (!did.isDid("web") || !did.isBareDid()) {
            throw bad(did.toString(), "not a did:web DID (without path, query or fragment)");
        }
        String[] parts = did.did().orElseThrow().substring("did:web:".length()).split(":", -1);
        StringBuilder url = new StringBuilder("https://").append(parts[0].replace("%3A", ":"));
        if (parts.length == 1) {
            url.append("/.well-known/did.json");
        } else {
            for (int i = 1; i < parts.length; i++) {
                url.append('/').append(parts[i]);
            }
            url.append("/did.json");
        }
        try {
            return URI.create(url.toString());
        } catch (IllegalArgumentException e) {
            throw bad(did.toString(), e.getMessage());
        }
    }

    private static BadgeException bad(String did, String why) {
        return new BadgeException(BadgeException.Code.INVALID_KEY,
                "Malformed did:web " + (did.length() > 120 ? did.substring(0, 117) + "..." : did) + ": " + why);
    }
}
