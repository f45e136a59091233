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

    /**
     * A deadline-checking view of a Jakarta value (e.g. Titanium's expanded output, before node
     * map generation, which is quadratic in the values of one property and has no timeout).
     *
     * @param value the value (not modified while the view is in use)
     * @param deadline {@link System#nanoTime()} instant after which reads throw {@link Deadline.Exceeded}
     * @return the view (scalars are returned as they are)
     */
    public static JsonValue view(JsonValue value, long deadline) {
        if (value instanceof JsonObject o && !(value instanceof JObj)) {
            return new JObj(o, deadline);
        }
        if (value instanceof JsonArray a && !(value instanceof JArr)) {
            return new JArr(a, deadline);
        }
        return value;
    }

    private static final class JObj extends AbstractMap<String, JsonValue> implements JsonObject {
        private final JsonObject o;
        private final long deadline;

        JObj(JsonObject o, long deadline) {
            this.o = o;
            this.deadline = deadline;
        }

        @Override
        public JsonValue get(Object key) {
            check(deadline);
            JsonValue v = o.get(key);
            return v == null ? null : view(v, deadline);
        }

        @Override
        public boolean containsKey(Object key) {
            check(deadline);
            return o.containsKey(key);
        }

        @Override
        public int size() {
            return o.size();
        }

        @Override
        public Set<Entry<String, JsonValue>> entrySet() {
            check(deadline);
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, JsonValue>> iterator() {
                    Iterator<Entry<String, JsonValue>> it = o.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, JsonValue> next() {
                            check(deadline);
                            Entry<String, JsonValue> e = it.next();
                            return new SimpleImmutableEntry<>(e.getKey(), view(e.getValue(), deadline));
                        }
                    };
                }

                @Override
                public int size() {
                    return o.size();
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
            return o.getJsonNumber(name);
        }

        @Override
        public JsonString getJsonString(String name) {
            return o.getJsonString(name);
        }

        @Override
        public String getString(String name) {
            return o.getString(name);
        }

        @Override
        public String getString(String name, String defaultValue) {
            return o.getString(name, defaultValue);
        }

        @Override
        public int getInt(String name) {
            return o.getInt(name);
        }

        @Override
        public int getInt(String name, int defaultValue) {
            return o.getInt(name, defaultValue);
        }

        @Override
        public boolean getBoolean(String name) {
            return o.getBoolean(name);
        }

        @Override
        public boolean getBoolean(String name, boolean defaultValue) {
            return o.getBoolean(name, defaultValue);
        }

        @Override
        public boolean isNull(String name) {
            return o.isNull(name);
        }

        @Override
        public ValueType getValueType() {
            return ValueType.OBJECT;
        }

        @Override
        public String toString() {
            return o.toString();
        }
    }

    private static final class JArr extends AbstractList<JsonValue> implements JsonArray {
        private final JsonArray a;
        private final long deadline;

        JArr(JsonArray a, long deadline) {
            this.a = a;
            this.deadline = deadline;
        }

        @Override
        public JsonValue get(int index) {
            check(deadline);
            return view(a.get(index), deadline);
        }

        @Override
        public int size() {
            return a.size();
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
            return a.getJsonNumber(index);
        }

        @Override
        public JsonString getJsonString(int index) {
            return a.getJsonString(index);
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
            return a.getString(index);
        }

        @Override
        public String getString(int index, String defaultValue) {
            return a.getString(index, defaultValue);
        }

        @Override
        public int getInt(int index) {
            return a.getInt(index);
        }

        @Override
        public int getInt(int index, int defaultValue) {
            return a.getInt(index, defaultValue);
        }

        @Override
        public boolean getBoolean(int index) {
            return a.getBoolean(index);
        }

        @Override
        public boolean getBoolean(int index, boolean defaultValue) {
            return a.getBoolean(index, defaultValue);
        }

        @Override
        public boolean isNull(int index) {
            return a.isNull(index);
        }

        @Override
        public ValueType getValueType() {
            return ValueType.ARRAY;
        }

        @Override
        public String toString() {
            return a.toString();
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
