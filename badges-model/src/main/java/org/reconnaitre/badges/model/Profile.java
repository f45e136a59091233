package org.reconnaitre.badges.model;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Open Badges 3.0 {@code Profile}: an issuer, a creator or a parent organisation. An issuer
 * given only as a URI reads as a profile with just an {@link #id()}.
 *
 * <pre>{@code
 * Profile issuer = Profile.builder()
 *         .id("https://example.edu/issuers/565049")
 *         .name("Example University")
 *         .url(URI.create("https://example.edu"))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class Profile extends Node implements OpenBadgesDocument {

    Profile(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json a Profile object
     * @return the view
     */
    public static Profile of(JsonValue.ObjectValue json) {
        return new Profile(json);
    }

    /** @return the {@code name} */
    public Optional<LangString> name() {
        return lang("name");
    }

    /** @return the {@code description} */
    public Optional<LangString> description() {
        return lang("description");
    }

    /** @return the {@code url} (home page) */
    public Optional<URI> url() {
        return uri("url");
    }

    /** @return the {@code email} */
    public Optional<String> email() {
        return string("email");
    }

    /** @return the {@code phone} */
    public Optional<String> phone() {
        return string("phone");
    }

    /** @return the {@code image} */
    public Optional<Image> image() {
        return node("image", Image::new);
    }

    /** @return the {@code official} name of the person or office that signs */
    public Optional<String> official() {
        return string("official");
    }

    /** @return the {@code parentOrg} */
    public Optional<Profile> parentOrg() {
        return node("parentOrg", Profile::new);
    }

    /** @return the {@code address} object, as JSON */
    public Optional<JsonValue.ObjectValue> address() {
        return property("address").flatMap(JsonValue::asObject);
    }

    /** @return the {@code givenName} of a person */
    public Optional<String> givenName() {
        return string("givenName");
    }

    /** @return the {@code familyName} of a person */
    public Optional<String> familyName() {
        return string("familyName");
    }

    /** @return the {@code otherIdentifier} entries, as JSON */
    public List<JsonValue.ObjectValue> otherIdentifier() {
        return nodes("otherIdentifier", o -> o);
    }

    /** @return the embedded {@code endorsement} credentials */
    public List<EndorsementCredential> endorsement() {
        return nodes("endorsement", EndorsementCredential::new);
    }

    /** @return a builder starting from this profile's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder (type {@code ["Profile"]}) */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link Profile}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
        }

        /**
         * @param name the {@code name}
         * @return this builder
         */
        public Builder name(String name) {
            return text("name", name);
        }

        /**
         * @param name the {@code name} in one or more languages
         * @return this builder
         */
        public Builder name(LangString name) {
            return lang("name", name);
        }

        /**
         * @param description the {@code description}
         * @return this builder
         */
        public Builder description(String description) {
            return text("description", description);
        }

        /**
         * @param url the {@code url}
         * @return this builder
         */
        public Builder url(URI url) {
            return uri("url", url);
        }

        /**
         * @param email the {@code email}
         * @return this builder
         */
        public Builder email(String email) {
            return text("email", email);
        }

        /**
         * @param phone the {@code phone}
         * @return this builder
         */
        public Builder phone(String phone) {
            return text("phone", phone);
        }

        /**
         * @param image the {@code image}
         * @return this builder
         */
        public Builder image(Image image) {
            return node("image", image);
        }

        /**
         * @param parent the {@code parentOrg}
         * @return this builder
         */
        public Builder parentOrg(Profile parent) {
            return node("parentOrg", parent);
        }

        /**
         * @return the profile
         * @throws IllegalStateException when the id is missing
         */
        public Profile build() {
            defaultType("Profile");
            require("Profile", "id");
            return new Profile(object());
        }
    }
}
