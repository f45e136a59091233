package org.reconnaitre.badges.model;

import java.util.List;
import java.util.Optional;

/**
 * An Open Badges 2.0 {@code BadgeClass}: the description of a badge (name, criteria, image,
 * issuer, alignments). Read only.
 *
 * <pre>{@code
 * BadgeClass b = OpenBadges.read(json, BadgeClass.class);
 * b.name();                           // "Awesome Robotics Badge"
 * b.criteria().flatMap(Criteria::id); // criteria URL
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BadgeClass extends Node implements OpenBadgesDocument {

    BadgeClass(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks.
     *
     * @param json a BadgeClass object
     * @return the view
     */
    public static BadgeClass of(JsonValue.ObjectValue json) {
        return new BadgeClass(json);
    }

    /** @return the {@code name} */
    public Optional<LangString> name() {
        return lang("name");
    }

    /** @return the {@code description} */
    public Optional<LangString> description() {
        return lang("description");
    }

    /** @return the {@code image} */
    public Optional<Image> image() {
        return node("image", Image::new);
    }

    /** @return the {@code criteria}: a URL (read as criteria with only an id) or an object */
    public Optional<Criteria> criteria() {
        return node("criteria", Criteria::new);
    }

    /** @return the {@code issuer}: embedded, or a reference holding only its id */
    public Optional<IssuerProfile> issuer() {
        return node("issuer", IssuerProfile::new);
    }

    /** @return the {@code alignment} entries */
    public List<Alignment> alignment() {
        return nodes("alignment", Alignment::new);
    }

    /** @return the {@code tags} */
    public List<String> tags() {
        return strings("tags");
    }

    /** @return the {@code @language} of the texts, when given */
    public Optional<String> language() {
        return string("@language");
    }
}
