package org.reconnaitre.badges.model;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.internal.mapping.Lexical;

/**
 * Common base of the builders: an ordered map of properties. Package-private; its public methods
 * are part of every builder's API. Builders are not thread-safe.
 *
 * @param <B> the concrete builder
 */
abstract class NodeBuilder<B extends NodeBuilder<B>> {
    final Map<String, JsonValue> members = new LinkedHashMap<>();
    /** Whether one {@code type} value is written as a string (the OB 3.0 schema wants a string there). */
    boolean singleType;

    NodeBuilder(JsonValue.@Nullable ObjectValue from) {
        if (from != null) {
            members.putAll(from.members());
        }
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /**
     * Sets any property, typed or not (extensions, terms of an added context).
     *
     * @param name the property name
     * @param value its value; {@code null} removes the property
     * @return this builder
     */
    public B property(String name, @Nullable JsonValue value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            members.remove(name);
        } else {
            members.put(name, value);
        }
        return self();
    }

    /**
     * Sets any property from a plain Java value (see {@link JsonValue#of(Object)}).
     *
     * @param name the property name
     * @param value its value
     * @return this builder
     */
    public B propertyValue(String name, @Nullable Object value) {
        return property(name, value == null ? null : JsonValue.of(value));
    }

    /**
     * @param id the {@code id}, an absolute URI
     * @return this builder
     */
    public B id(URI id) {
        return uri("id", id);
    }

    /**
     * @param id the {@code id}, an absolute URI such as {@code urn:uuid:...} or {@code https://...}
     * @return this builder
     * @throws IllegalArgumentException when not an absolute URI
     */
    public B id(String id) {
        return uri("id", id);
    }

    /**
     * @param types the {@code type} values, replacing the defaults; written as an array, except a
     *     single value of the types whose OB 3.0 schema wants a string (IdentityObject, Proof,
     *     CredentialStatus, CredentialSchema, RefreshService, Association)
     * @return this builder
     */
    public B type(String... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("type needs at least one value");
        }
        if (singleType && types.length == 1) {
            return property("type", JsonValue.of(java.util.Objects.requireNonNull(types[0], "type")));
        }
        List<JsonValue> list = new ArrayList<>();
        for (String t : types) {
            list.add(JsonValue.of(Objects.requireNonNull(t, "type")));
        }
        return property("type", new JsonValue.ArrayValue(list));
    }

    final B text(String name, @Nullable String value) {
        return property(name, value == null ? null : JsonValue.of(value));
    }

    final B lang(String name, @Nullable LangString value) {
        return property(name, value == null ? null : value.toJson());
    }

    final B uri(String name, @Nullable URI value) {
        if (value != null && !value.isAbsolute()) {
            throw new IllegalArgumentException(name + " must be an absolute URI: " + value);
        }
        return property(name, value == null ? null : JsonValue.of(value.toString()));
    }

    final B uri(String name, @Nullable String value) {
        if (value != null && !Lexical.isAbsoluteUri(value)) {
            throw new IllegalArgumentException(name + " must be an absolute URI: " + value);
        }
        return text(name, value);
    }

    final B date(String name, @Nullable OffsetDateTime value) {
        return text(name, value == null ? null : Lexical.format(value));
    }

    final B date(String name, @Nullable Instant value) {
        return date(name, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }

    final B node(String name, @Nullable Node value) {
        return property(name, value == null ? null : value.json());
    }

    final B nodes(String name, List<? extends Node> values) {
        if (values.isEmpty()) {
            return property(name, null);
        }
        List<JsonValue> list = new ArrayList<>();
        for (Node n : values) {
            list.add(n.json());
        }
        return property(name, new JsonValue.ArrayValue(list));
    }

    final void defaultType(String... types) {
        if (!members.containsKey("type")) {
            type(types);
        }
    }

    final void require(String kind, String... names) {
        for (String n : names) {
            if (!members.containsKey(n)) {
                throw new IllegalStateException(kind + " needs " + n);
            }
        }
    }

    /** The JSON object, with {@code @context}, {@code id} and {@code type} first. */
    final JsonValue.ObjectValue object() {
        Map<String, JsonValue> ordered = new LinkedHashMap<>();
        for (String first : FIRST) {
            JsonValue v = members.get(first);
            if (v != null) {
                ordered.put(first, v);
            }
        }
        members.forEach(ordered::putIfAbsent);
        return new JsonValue.ObjectValue(ordered);
    }

    private static final List<String> FIRST = List.of("@context", "id", "type");
}
