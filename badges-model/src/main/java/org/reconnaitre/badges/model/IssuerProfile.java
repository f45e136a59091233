package org.reconnaitre.badges.model;

import java.net.URI;
import java.util.Optional;

/**
 * An Open Badges 2.0 issuer {@code Profile} (type {@code Issuer} or {@code Profile}): who issues
 * badges, where its keys and revocation list are. Read only. (Named so as not to clash with the
 * signing module's {@code Issuer}.)
 *
 * <pre>{@code
 * IssuerProfile p = OpenBadges.read(json, IssuerProfile.class);
 * p.revocationList();   // URL of its RevocationList
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class IssuerProfile extends Node implements OpenBadgesDocument {

    IssuerProfile(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks.
     *
     * @param json an Issuer Profile object
     * @return the view
     */
    public static IssuerProfile of(JsonValue.ObjectValue json) {
        return new IssuerProfile(json);
    }

    /** @return the {@code name} */
    public Optional<LangString> name() {
        return lang("name");
    }

    /** @return the {@code description} */
    public Optional<LangString> description() {
        return lang("description");
    }

    /** @return the {@code url} */
    public Optional<URI> url() {
        return uri("url");
    }

    /** @return the {@code email} */
    public Optional<String> email() {
        return string("email");
    }

    /** @return the {@code telephone} */
    public Optional<String> telephone() {
        return string("telephone");
    }

    /** @return the {@code image} */
    public Optional<Image> image() {
        return node("image", Image::new);
    }

    /** @return the {@code revocationList} URL */
    public Optional<URI> revocationList() {
        return uri("revocationList");
    }

    /** @return the {@code publicKey}: a URL, an embedded CryptographicKey, or an array of them */
    public Optional<JsonValue> publicKey() {
        return property("publicKey");
    }

    /** @return the {@code verification} policy object, as JSON */
    public Optional<JsonValue.ObjectValue> verification() {
        return property("verification").flatMap(JsonValue::asObject);
    }
}
