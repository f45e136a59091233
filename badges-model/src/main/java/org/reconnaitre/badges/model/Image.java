package org.reconnaitre.badges.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@code Image}: its {@code id} is the URL (or {@code data:} URI) of a PNG or SVG picture. An
 * image given only as a URL string reads as an image with just an {@link #id()}.
 *
 * <pre>{@code
 * Image img = Image.of(URI.create("https://example.edu/badges/teamwork.png"), "Teamwork badge");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Image extends Node {

    Image(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks.
     *
     * @param json an Image object
     * @return the view
     */
    public static Image of(JsonValue.ObjectValue json) {
        return new Image(json);
    }

    /**
     * @param id the image URL or data URI
     * @param caption a caption, or {@code null}
     * @return an image {@code {"id", "type": "Image", "caption"}}
     * @throws IllegalArgumentException when the id is not an absolute URI
     */
    public static Image of(URI id, @Nullable String caption) {
        Objects.requireNonNull(id, "id");
        if (!id.isAbsolute()) {
            throw new IllegalArgumentException("image id must be an absolute URI: " + id);
        }
        JsonValue.ObjectValue o = JsonValue.ObjectValue.EMPTY
                .with("id", JsonValue.of(id.toString())).with("type", JsonValue.of("Image"));
        if (caption != null) {
            o = o.with("caption", JsonValue.of(caption));
        }
        return new Image(o);
    }

    /** @return the {@code caption} */
    public Optional<String> caption() {
        return string("caption");
    }

    /** @return the {@code id} as text (data URIs can be long; this avoids parsing them) */
    public Optional<String> idText() {
        return string("id");
    }
}
