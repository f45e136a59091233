package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.internal.mapping.JsonCodec;

/**
 * An immutable JSON value: the SDK's own tiny tree, used for the properties that have no typed
 * accessor (extensions, unknown terms) and as the lossless backing of every document type.
 * Objects keep the order of their members; numbers keep their lexical form, so a document read
 * and written again gives the same JSON.
 *
 * <pre>{@code
 * JsonValue v = JsonValue.parse("{\"a\":[1,2.50,true,null,\"x\"]}");
 * JsonValue.ArrayValue a = (JsonValue.ArrayValue) ((JsonValue.ObjectValue) v).get("a").orElseThrow();
 * assert a.elements().get(1).toJson().equals("2.50");
 * JsonValue built = JsonValue.of(Map.of("name", "Badge"));   // plain Java values in
 * }</pre>
 *
 * <p>Every implementation is immutable and thread-safe. Equality is JSON equality: member order
 * does not matter, numbers compare by value.
 */
public sealed interface JsonValue
        permits JsonValue.StringValue, JsonValue.NumberValue, JsonValue.BooleanValue,
                JsonValue.NullValue, JsonValue.ArrayValue, JsonValue.ObjectValue {

    /** The JSON {@code null}. */
    NullValue NULL = new NullValue();
    /** The JSON {@code true}. */
    BooleanValue TRUE = new BooleanValue(true);
    /** The JSON {@code false}. */
    BooleanValue FALSE = new BooleanValue(false);

    /**
     * Parses untrusted JSON text, within the SDK's size and depth limits.
     *
     * @param json JSON text
     * @return the value
     * @throws BadgeException {@code MALFORMED_JSON} with the line and column of the problem
     */
    static JsonValue parse(String json) throws BadgeException {
        return JsonCodec.parse(Objects.requireNonNull(json, "json"));
    }

    /**
     * Converts a plain Java value: {@code null}, {@link String}, {@link Boolean}, any
     * {@link java.lang.Number}, {@link URI}, {@link List} (or array-free {@link Iterable}),
     * {@link Map} with string keys, or a {@code JsonValue}.
     *
     * @param value the value
     * @return the JSON value
     * @throws IllegalArgumentException for any other type, or a non-finite floating point number
     */
    static JsonValue of(@Nullable Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof JsonValue j) {
            return j;
        }
        if (value instanceof String s) {
            return new StringValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? TRUE : FALSE;
        }
        if (value instanceof URI u) {
            return new StringValue(u.toString());
        }
        if (value instanceof BigDecimal d) {
            return new NumberValue(d.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((java.lang.Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            return new NumberValue(BigDecimal.valueOf(d).toString());
        }
        if (value instanceof java.lang.Number n) {
            return new NumberValue(n.toString());
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, got " + k);
                }
                members.put(key, of(v));
            });
            return new ObjectValue(members);
        }
        if (value instanceof Iterable<?> it) {
            List<JsonValue> elements = new ArrayList<>();
            it.forEach(e -> elements.add(of(e)));
            return new ArrayValue(elements);
        }
        throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
    }

    /**
     * @param value a string
     * @return the JSON string
     */
    static StringValue of(String value) {
        return new StringValue(value);
    }

    /** @return compact JSON text */
    default String toJson() {
        return JsonCodec.write(this, false);
    }

    /** @return indented JSON text */
    default String toPrettyJson() {
        return JsonCodec.write(this, true);
    }

    /**
     * @return the plain Java value: {@link String}, {@link Boolean}, {@link BigDecimal} (or
     *     {@link Long} / {@link BigInteger} for integers), an unmodifiable {@link List} or
     *     insertion-ordered {@link Map}, or {@code null}
     */
    @Nullable Object toJava();

    /** @return the string, when this is a JSON string */
    default Optional<String> asString() {
        return this instanceof StringValue s ? Optional.of(s.value()) : Optional.empty();
    }

    /** @return this object, when this is a JSON object */
    default Optional<ObjectValue> asObject() {
        return this instanceof ObjectValue o ? Optional.of(o) : Optional.empty();
    }

    /**
     * @return the elements when this is an array, else a one-element list holding this value
     *     (the JSON-LD "one or many" reading)
     */
    default List<JsonValue> asList() {
        return this instanceof ArrayValue a ? a.elements() : List.of(this);
    }

    /**
     * A JSON string.
     *
     * @param value the text
     */
    record StringValue(String value) implements JsonValue {
        /** Validates. */
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Object toJava() {
            return value;
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /**
     * A JSON number, kept in its lexical form.
     *
     * @param lexical the number as written in JSON, e.g. {@code 42}, {@code -1.50}, {@code 1e3}
     * @throws IllegalArgumentException when it is not a JSON number, or its exponent is beyond what
     *     {@link #decimalValue()} can represent (an {@code int})
     */
    record NumberValue(String lexical) implements JsonValue {
        /** Validates the lexical form. */
        public NumberValue {
            Objects.requireNonNull(lexical, "lexical");
            if (!JsonCodec.isNumber(lexical)) {
                throw new IllegalArgumentException("Not a JSON number: " + lexical);
            }
            if (!JsonCodec.inRange(lexical)) {
                throw new IllegalArgumentException("JSON number out of range (its exponent is too large): " + lexical);
            }
        }

        /** @return the exact value */
        public BigDecimal decimalValue() {
            return new BigDecimal(lexical);
        }

        /** @return whether the lexical form is an integer (no fraction, no exponent) */
        public boolean isIntegral() {
            return lexical.indexOf('.') < 0 && lexical.indexOf('e') < 0 && lexical.indexOf('E') < 0;
        }

        @Override
        public Object toJava() {
            if (isIntegral()) {
                BigInteger i = new BigInteger(lexical);
                return i.bitLength() < 64 ? (Object) i.longValue() : i;
            }
            return decimalValue();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NumberValue n && n.decimalValue().compareTo(decimalValue()) == 0;
        }

        @Override
        public int hashCode() {
            BigDecimal d = decimalValue();
            return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
        }

        @Override
        public String toString() {
            return lexical;
        }
    }

    /**
     * A JSON boolean.
     *
     * @param value the boolean
     */
    record BooleanValue(boolean value) implements JsonValue {
        @Override
        public Object toJava() {
            return value;
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** The JSON {@code null}; use {@link JsonValue#NULL}. */
    record NullValue() implements JsonValue {
        @Override
        public @Nullable Object toJava() {
            return null;
        }

        @Override
        public String toString() {
            return "null";
        }
    }

    /**
     * A JSON array.
     *
     * @param elements the elements, copied into an unmodifiable list
     */
    record ArrayValue(List<JsonValue> elements) implements JsonValue {
        /** Copies. */
        public ArrayValue {
            elements = List.copyOf(elements);
        }

        @Override
        public Object toJava() {
            List<@Nullable Object> out = new ArrayList<>(elements.size());
            for (JsonValue e : elements) {
                out.add(e.toJava());
            }
            return Collections.unmodifiableList(out);
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /**
     * A JSON object; the members keep their order.
     *
     * @param members the members, copied into an unmodifiable insertion-ordered map
     */
    record ObjectValue(Map<String, JsonValue> members) implements JsonValue {
        /** An empty object. */
        public static final ObjectValue EMPTY = new ObjectValue(Map.of());

        /** Copies. */
        public ObjectValue {
            Map<String, JsonValue> copy = new LinkedHashMap<>(members.size() * 4 / 3 + 1);
            members.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
            members = Collections.unmodifiableMap(copy);
        }

        /**
         * @param name a member name
         * @return its value, when present
         */
        public Optional<JsonValue> get(String name) {
            return Optional.ofNullable(members.get(name));
        }

        /**
         * @param name a member name
         * @return whether the member is present
         */
        public boolean has(String name) {
            return members.containsKey(name);
        }

        /**
         * @param name a member name
         * @param value its new value
         * @return a copy with the member set (in place when it existed, else at the end)
         */
        public ObjectValue with(String name, JsonValue value) {
            Map<String, JsonValue> copy = new LinkedHashMap<>(members);
            copy.put(name, value);
            return new ObjectValue(copy);
        }

        /**
         * @param name a member name
         * @return a copy without the member
         */
        public ObjectValue without(String name) {
            if (!members.containsKey(name)) {
                return this;
            }
            Map<String, JsonValue> copy = new LinkedHashMap<>(members);
            copy.remove(name);
            return new ObjectValue(copy);
        }

        @Override
        public Object toJava() {
            Map<String, @Nullable Object> out = new LinkedHashMap<>();
            members.forEach((k, v) -> out.put(k, v.toJava()));
            return Collections.unmodifiableMap(out);
        }

        @Override
        public String toString() {
            return toJson();
        }
    }
}
