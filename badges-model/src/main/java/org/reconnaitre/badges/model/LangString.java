package org.reconnaitre.badges.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A text that may be given in several languages, as Verifiable Credentials 2.0 allows for
 * {@code name} and {@code description}: a plain string, a value object
 * {@code {"@value": "...", "@language": "fr"}}, an array of those, or a language map
 * {@code {"en": "...", "fr": "..."}}.
 *
 * <pre>{@code
 * LangString name = LangString.of("Robotics badge").with(Locale.FRENCH, "Badge de robotique");
 * name.get(Locale.CANADA_FRENCH);   // "Badge de robotique" (falls back to the language)
 * name.get(Locale.GERMAN);          // "Robotics badge" (the default value)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LangString {

    /**
     * One text in one language. Immutable and thread-safe.
     *
     * @param value the text
     * @param language the BCP 47 language tag, or an empty string when none is given
     * @param direction {@code ltr}, {@code rtl}, or an empty string when none is given
     */
    public record Entry(String value, String language, String direction) {
        /** Validates. */
        public Entry {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(direction, "direction");
        }

        /** @return the language as a locale, when a language is given */
        public Optional<Locale> locale() {
            return language.isEmpty() ? Optional.empty() : Optional.of(Locale.forLanguageTag(language));
        }
    }

    private final List<Entry> entries;

    private LangString(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a LangString needs at least one value");
        }
        this.entries = List.copyOf(entries);
    }

    /**
     * @param value a text in no particular language
     * @return the string
     */
    public static LangString of(String value) {
        return new LangString(List.of(new Entry(value, "", "")));
    }

    /**
     * @param value a text
     * @param language its language
     * @return the string
     */
    public static LangString of(String value, Locale language) {
        return new LangString(List.of(new Entry(value, language.toLanguageTag(), "")));
    }

    /**
     * @param values texts by language, in the order given
     * @return the string
     * @throws IllegalArgumentException when the map is empty
     */
    public static LangString of(Map<Locale, String> values) {
        List<Entry> list = new ArrayList<>();
        values.forEach((l, v) -> list.add(new Entry(v, l.toLanguageTag(), "")));
        return new LangString(list);
    }

    /**
     * @param entries the entries
     * @return the string
     */
    public static LangString ofEntries(List<Entry> entries) {
        return new LangString(entries);
    }

    /**
     * @param language a language
     * @param value the text in that language
     * @return a copy with the text added, replacing any text in exactly that language
     */
    public LangString with(Locale language, String value) {
        String tag = language.toLanguageTag();
        List<Entry> list = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.language().equalsIgnoreCase(tag)) {
                list.add(e);
            }
        }
        list.add(new Entry(value, tag, ""));
        return new LangString(list);
    }

    /** @return the entries, in document order */
    public List<Entry> entries() {
        return entries;
    }

    /** @return the text without a language, else the first text */
    public String defaultValue() {
        for (Entry e : entries) {
            if (e.language().isEmpty()) {
                return e.value();
            }
        }
        return entries.get(0).value();
    }

    /**
     * The best text for a locale: the exact language tag, else the same language (ignoring
     * region and script), else {@link #defaultValue()}.
     *
     * @param locale the wanted locale
     * @return the text
     */
    public String get(Locale locale) {
        String tag = locale.toLanguageTag();
        for (Entry e : entries) {
            if (e.language().equalsIgnoreCase(tag)) {
                return e.value();
            }
        }
        String lang = locale.getLanguage();
        for (Entry e : entries) {
            if (!e.language().isEmpty() && e.locale().orElseThrow().getLanguage().equals(lang)) {
                return e.value();
            }
        }
        return defaultValue();
    }

    /** @return whether there is exactly one text, with no language */
    public boolean isPlain() {
        return entries.size() == 1 && entries.get(0).language().isEmpty() && entries.get(0).direction().isEmpty();
    }

    /**
     * Reads any of the JSON forms.
     *
     * @param json a string, value object, array of strings and value objects, or language map
     * @return the string, when the JSON has one of those forms and at least one text
     */
    public static Optional<LangString> fromJson(JsonValue json) {
        List<Entry> list = new ArrayList<>();
        if (json instanceof JsonValue.ObjectValue o && !o.has("@value")) {
            for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
                if (!(m.getValue() instanceof JsonValue.StringValue s)) {
                    return Optional.empty();
                }
                list.add(new Entry(s.value(), m.getKey().equals("@none") ? "" : m.getKey(), ""));
            }
        } else {
            for (JsonValue v : json.asList()) {
                Entry e = entry(v);
                if (e == null) {
                    return Optional.empty();
                }
                list.add(e);
            }
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(new LangString(list));
    }

    private static @Nullable Entry entry(JsonValue v) {
        if (v instanceof JsonValue.StringValue s) {
            return new Entry(s.value(), "", "");
        }
        if (v instanceof JsonValue.ObjectValue o && o.get("@value").orElse(null) instanceof JsonValue.StringValue s) {
            return new Entry(s.value(), o.get("@language").flatMap(JsonValue::asString).orElse(""),
                    o.get("@direction").flatMap(JsonValue::asString).orElse(""));
        }
        return null;
    }

    /**
     * @return the JSON form: a plain string when {@link #isPlain()}, a value object for one
     *     language, else an array of value objects
     */
    public JsonValue toJson() {
        if (isPlain()) {
            return JsonValue.of(entries.get(0).value());
        }
        List<JsonValue> list = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("@value", JsonValue.of(e.value()));
            if (!e.language().isEmpty()) {
                m.put("@language", JsonValue.of(e.language()));
            }
            if (!e.direction().isEmpty()) {
                m.put("@direction", JsonValue.of(e.direction()));
            }
            list.add(new JsonValue.ObjectValue(m));
        }
        return list.size() == 1 ? list.get(0) : new JsonValue.ArrayValue(list);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LangString l && l.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** @return the default value */
    @Override
    public String toString() {
        return defaultValue();
    }
}
