package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.reconnaitre.badges.model.internal.mapping.Lexical;

/**
 * Common base of the typed views: an immutable JSON object read through typed accessors. The
 * object is kept whole, so unknown properties and the shape of every value (a single value or an
 * array) are written back as they were read. Package-private; its public methods are part of every
 * subtype's API.
 */
abstract class Node {
    final JsonValue.ObjectValue json;

    Node(JsonValue.ObjectValue json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** @return the whole JSON object, with every property (typed or not) in document order */
    public JsonValue.ObjectValue json() {
        return json;
    }

    /** @return compact JSON text */
    public String toJson() {
        return json.toJson();
    }

    /** @return indented JSON text */
    public String toPrettyJson() {
        return json.toPrettyJson();
    }

    /**
     * @param name a property name
     * @return its raw value, when present
     */
    public Optional<JsonValue> property(String name) {
        return json.get(name);
    }

    /** @return the {@code id}, when present and an absolute URI */
    public Optional<URI> id() {
        return uri("id");
    }

    /** @return the {@code type} values (one string or an array; non-strings skipped) */
    public List<String> types() {
        return strings("type");
    }

    /**
     * @param type a type name
     * @return whether {@link #types()} holds it
     */
    public boolean hasType(String type) {
        return types().contains(type);
    }

    // ---- helpers for subclasses -------------------------------------------------------------

    final Optional<String> string(String name) {
        return json.get(name).flatMap(JsonValue::asString);
    }

    final List<String> strings(String name) {
        Optional<JsonValue> v = json.get(name);
        if (v.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonValue e : v.get().asList()) {
            e.asString().ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    final Optional<URI> uri(String name) {
        return string(name).flatMap(Lexical::absoluteUri);
    }

    final Optional<LangString> lang(String name) {
        return json.get(name).flatMap(LangString::fromJson);
    }

    final Optional<OffsetDateTime> dateTime(String name) {
        return string(name).flatMap(Lexical::rfc3339);
    }

    final Optional<Boolean> bool(String name) {
        return json.get(name).flatMap(v -> v instanceof JsonValue.BooleanValue b ? Optional.of(b.value()) : Optional.empty());
    }

    final Optional<BigDecimal> decimal(String name) {
        return json.get(name).flatMap(v -> v instanceof JsonValue.NumberValue n ? Optional.of(n.decimalValue()) : Optional.empty());
    }

    /** The object under a name; a string is read as a reference {@code {"id": string}}. */
    final <T> Optional<T> node(String name, Function<JsonValue.ObjectValue, T> view) {
        Optional<JsonValue> v = json.get(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        JsonValue.ObjectValue o = asObject(v.get());
        return o == null ? Optional.empty() : Optional.of(view.apply(o));
    }

    /** The objects under a name (one or an array); strings are read as references. */
    final <T> List<T> nodes(String name, Function<JsonValue.ObjectValue, T> view) {
        Optional<JsonValue> v = json.get(name);
        if (v.isEmpty()) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (JsonValue e : v.get().asList()) {
            JsonValue.ObjectValue o = asObject(e);
            if (o != null) {
                out.add(view.apply(o));
            }
        }
        return List.copyOf(out);
    }

    static JsonValue.@org.jspecify.annotations.Nullable ObjectValue asObject(JsonValue v) {
        if (v instanceof JsonValue.ObjectValue o) {
            return o;
        }
        if (v instanceof JsonValue.StringValue s) {
            return new JsonValue.ObjectValue(java.util.Map.of("id", s));
        }
        return null;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Node) o).json.equals(json);
    }

    @Override
    public final int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + json.get("id").map(i -> {
            String id = i.asString().orElse(i.toJson());
            return "[" + (id.length() > 100 ? id.substring(0, 100) + "…" : id) + "]";   // data: URIs are long
        }).orElse("");
    }
}
