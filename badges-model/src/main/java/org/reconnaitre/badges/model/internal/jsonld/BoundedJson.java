package org.reconnaitre.badges.model.internal.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A read-only Jakarta JSON-P view of a Jackson tree for Titanium, which checks a deadline whenever
 * the processor reads an object or an array. Titanium's own timeout is not checked while it
 * processes a context, and a property-scoped context is processed again at every use of its term:
 * an inline context read through this view stops at the deadline wherever the processor is. The
 * view also avoids copying the document (peak memory). Internal. Immutable; safe to share.
 */
public final class BoundedJson {
    private static final JsonProvider JSONP = JsonProvider.provider();

    private BoundedJson() {}

    /**
     * @param node a Jackson tree (not modified while the view is in use)
     * @param deadline {@link System#nanoTime()} instant after which reads throw {@link Deadline.Exceeded}
     * @return the Jakarta view
     */
    public static JsonValue of(JsonNode node, long deadline) {
        switch (node.getNodeType()) {
            case OBJECT:
                return new Obj(node, deadline);
            case ARRAY:
                return new Arr(node, deadline);
            case STRING:
                return JSONP.createValue(node.textValue());
            case BOOLEAN:
                return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case NUMBER:
                return node.isIntegralNumber() ? JSONP.createValue(node.bigIntegerValue())
                        : JSONP.createValue(node.decimalValue());
            default:
                return JsonValue.NULL;
        }
    }

    private static void check(long deadline) {
        if (Deadline.passed(deadline)) {
            throw new Deadline.Exceeded("JSON-LD processing stopped at the verification deadline");
        }
    }

    private static final class Obj extends AbstractMap<String, JsonValue> implements JsonObject {
        private final JsonNode node;
        private final long deadline;

        Obj(JsonNode node, long deadline) {
            this.node = node;
            this.deadline = deadline;
        }

        @Override
        public JsonValue get(Object key) {
            check(deadline);
            JsonNode v = key instanceof String k ? node.get(k) : null;
            return v == null ? null : BoundedJson.of(v, deadline);
        }

        @Override
        public boolean containsKey(Object key) {
            check(deadline);
            return key instanceof String k && node.has(k);
        }

        @Override
        public int size() {
            return node.size();
        }

        @Override
        public Set<Entry<String, JsonValue>> entrySet() {
            check(deadline);
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, JsonValue>> iterator() {
                    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, JsonValue> next() {
                            check(deadline);
                            Map.Entry<String, JsonNode> e = it.next();
                            return new SimpleImmutableEntry<>(e.getKey(), BoundedJson.of(e.getValue(), deadline));
                        }
                    };
                }

                @Override
                public int size() {
                    return node.size();
                }
            };
        }

        @Override
        public JsonArray getJsonArray(String name) {
            return (JsonArray) get(name);
        }

        @Override
        public JsonObject getJsonObject(String name) {
            return (JsonObject) get(name);
        }

        @Override
        public JsonNumber getJsonNumber(String name) {
            return (JsonNumber) get(name);
        }

        @Override
        public JsonString getJsonString(String name) {
            return (JsonString) get(name);
        }

        @Override
        public String getString(String name) {
            JsonValue v = get(name);
            if (v == null) {
                throw new NullPointerException(name);
            }
            return ((JsonString) v).getString();
        }

        @Override
        public String getString(String name, String defaultValue) {
            return get(name) instanceof JsonString s ? s.getString() : defaultValue;
        }

        @Override
        public int getInt(String name) {
            return ((JsonNumber) get(name)).intValue();
        }

        @Override
        public int getInt(String name, int defaultValue) {
            return get(name) instanceof JsonNumber n ? n.intValue() : defaultValue;
        }

        @Override
        public boolean getBoolean(String name) {
            JsonValue v = get(name);
            if (v == null) {
                throw new NullPointerException(name);
            }
            if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
                return v == JsonValue.TRUE;
            }
            throw new ClassCastException(name + " is not a boolean");
        }

        @Override
        public boolean getBoolean(String name, boolean defaultValue) {
            JsonValue v = get(name);
            return v == JsonValue.TRUE || (v != JsonValue.FALSE && defaultValue);
        }

        @Override
        public boolean isNull(String name) {
            JsonValue v = get(name);
            if (v == null) {
                throw new NullPointerException(name);
            }
            return v == JsonValue.NULL;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.OBJECT;
        }

        @Override
        public String toString() {
            return node.toString();
        }
    }

    private static final class Arr extends AbstractList<JsonValue> implements JsonArray {
        private final JsonNode node;
        private final long deadline;

        Arr(JsonNode node, long deadline) {
            this.node = node;
            this.deadline = deadline;
        }

        @Override
        public JsonValue get(int index) {
            check(deadline);
            JsonNode v = node.get(index);
            if (v == null) {
                throw new IndexOutOfBoundsException(index);
            }
            return BoundedJson.of(v, deadline);
        }

        @Override
        public int size() {
            return node.size();
        }

        @Override
        public JsonObject getJsonObject(int index) {
            return (JsonObject) get(index);
        }

        @Override
        public JsonArray getJsonArray(int index) {
            return (JsonArray) get(index);
        }

        @Override
        public JsonNumber getJsonNumber(int index) {
            return (JsonNumber) get(index);
        }

        @Override
        public JsonString getJsonString(int index) {
            return (JsonString) get(index);
        }

        @Override
        public <T extends JsonValue> java.util.List<T> getValuesAs(Class<T> clazz) {
            java.util.List<T> out = new java.util.ArrayList<>(size());
            for (JsonValue v : this) {
                out.add(clazz.cast(v));
            }
            return out;
        }

        @Override
        public String getString(int index) {
            return getJsonString(index).getString();
        }

        @Override
        public String getString(int index, String defaultValue) {
            return index >= 0 && index < size() && get(index) instanceof JsonString s ? s.getString() : defaultValue;
        }

        @Override
        public int getInt(int index) {
            return getJsonNumber(index).intValue();
        }

        @Override
        public int getInt(int index, int defaultValue) {
            return index >= 0 && index < size() && get(index) instanceof JsonNumber n ? n.intValue() : defaultValue;
        }

        @Override
        public boolean getBoolean(int index) {
            JsonValue v = get(index);
            if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
                return v == JsonValue.TRUE;
            }
            throw new ClassCastException("not a boolean");
        }

        @Override
        public boolean getBoolean(int index, boolean defaultValue) {
            if (index < 0 || index >= size()) {
                return defaultValue;
            }
            JsonValue v = get(index);
            return v == JsonValue.TRUE || (v != JsonValue.FALSE && defaultValue);
        }

        @Override
        public boolean isNull(int index) {
            return get(index) == JsonValue.NULL;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.ARRAY;
        }

        @Override
        public String toString() {
            return node.toString();
        }
    }
}
