package org.reconnaitre.badges.model;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code criteria} of an {@link Achievement}: a URL describing them, a Markdown
 * {@code narrative}, or both.
 *
 * <pre>{@code
 * Criteria c = Criteria.ofNarrative("Build a robot that climbs stairs.");
 * Criteria d = Criteria.of(URI.create("https://example.edu/teamwork/criteria"), null);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Criteria extends Node {

    Criteria(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks.
     *
     * @param json a Criteria object
     * @return the view
     */
    public static Criteria of(JsonValue.ObjectValue json) {
        return new Criteria(json);
    }

    /**
     * @param narrative the Markdown narrative
     * @return criteria with only a narrative
     */
    public static Criteria ofNarrative(String narrative) {
        return new Criteria(new JsonValue.ObjectValue(Map.of("narrative", JsonValue.of(narrative))));
    }

    /**
     * @param id the URL of the criteria, or {@code null}
     * @param narrative the narrative, or {@code null}
     * @return criteria
     * @throws IllegalArgumentException when both are null, or the id is not absolute
     */
    public static Criteria of(@org.jspecify.annotations.Nullable URI id, @org.jspecify.annotations.Nullable String narrative) {
        if (id == null && narrative == null) {
            throw new IllegalArgumentException("criteria need an id or a narrative");
        }
        JsonValue.ObjectValue o = JsonValue.ObjectValue.EMPTY;
        if (id != null) {
            if (!id.isAbsolute()) {
                throw new IllegalArgumentException("criteria id must be an absolute URI: " + id);
            }
            o = o.with("id", JsonValue.of(id.toString()));
        }
        if (narrative != null) {
            o = o.with("narrative", JsonValue.of(narrative));
        }
        return new Criteria(o);
    }

    /** @return the {@code narrative} */
    public Optional<String> narrative() {
        return string("narrative");
    }
}
