package org.reconnaitre.badges.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Open Badges 3.0 {@code Achievement}: what is earned (a badge, a course, a degree, a
 * competency), with its criteria, image and alignments. Also read as a hosted document.
 *
 * <pre>{@code
 * Achievement a = Achievement.builder()
 *         .id(URI.create("https://example.edu/achievements/teamwork"))
 *         .name("Teamwork")
 *         .description("Works well in a team.")
 *         .criteria(Criteria.ofNarrative("Led a team project to completion."))
 *         .achievementType("Badge")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class Achievement extends Node implements OpenBadgesDocument {

    Achievement(JsonValue.ObjectValue json) {
        super(json);
    }

    /**
     * Wraps a JSON object, without checks (the accessors read leniently).
     *
     * @param json an Achievement object
     * @return the view
     */
    public static Achievement of(JsonValue.ObjectValue json) {
        return new Achievement(json);
    }

    /** @return the {@code name}, possibly in several languages */
    public Optional<LangString> name() {
        return lang("name");
    }

    /** @return the {@code description}, possibly in several languages */
    public Optional<LangString> description() {
        return lang("description");
    }

    /** @return the {@code criteria} */
    public Optional<Criteria> criteria() {
        return node("criteria", Criteria::new);
    }

    /** @return the {@code image} */
    public Optional<Image> image() {
        return node("image", Image::new);
    }

    /** @return the {@code achievementType} */
    public Optional<String> achievementType() {
        return string("achievementType");
    }

    /** @return the {@code alignment} entries */
    public List<Alignment> alignment() {
        return nodes("alignment", Alignment::new);
    }

    /** @return the {@code creator} */
    public Optional<Profile> creator() {
        return node("creator", Profile::new);
    }

    /** @return the {@code creditsAvailable} */
    public Optional<BigDecimal> creditsAvailable() {
        return decimal("creditsAvailable");
    }

    /** @return the {@code fieldOfStudy} */
    public Optional<String> fieldOfStudy() {
        return string("fieldOfStudy");
    }

    /** @return the {@code humanCode} */
    public Optional<String> humanCode() {
        return string("humanCode");
    }

    /** @return the {@code inLanguage} */
    public Optional<String> inLanguage() {
        return string("inLanguage");
    }

    /** @return the {@code resultDescription} entries */
    public List<ResultDescription> resultDescription() {
        return nodes("resultDescription", ResultDescription::new);
    }

    /** @return the {@code specialization} */
    public Optional<String> specialization() {
        return string("specialization");
    }

    /** @return the {@code tag} values */
    public List<String> tag() {
        return strings("tag");
    }

    /** @return the {@code version} */
    public Optional<String> version() {
        return string("version");
    }

    /** @return the {@code endorsement} entries */
    public List<EndorsementCredential> endorsement() {
        return nodes("endorsement", EndorsementCredential::new);
    }

    /** @return a builder starting from this object's JSON */
    public Builder toBuilder() {
        return new Builder(json);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Builds a {@link Achievement}. Not thread-safe. */
    public static final class Builder extends NodeBuilder<Builder> {
        Builder(JsonValue.@Nullable ObjectValue from) {
            super(from);
        }

        /**
         * @param value the {@code name}
         * @return this builder
         */
        public Builder name(String value) {
            return text("name", value);
        }

        /**
         * @param value the {@code name} in one or more languages
         * @return this builder
         */
        public Builder name(LangString value) {
            return lang("name", value);
        }

        /**
         * @param value the {@code description}
         * @return this builder
         */
        public Builder description(String value) {
            return text("description", value);
        }

        /**
         * @param value the {@code description} in one or more languages
         * @return this builder
         */
        public Builder description(LangString value) {
            return lang("description", value);
        }

        /**
         * @param value the {@code criteria}; {@code null} removes it
         * @return this builder
         */
        public Builder criteria(@Nullable Criteria value) {
            return node("criteria", value);
        }

        /**
         * @param value the {@code image}; {@code null} removes it
         * @return this builder
         */
        public Builder image(@Nullable Image value) {
            return node("image", value);
        }

        /**
         * @param value the {@code achievementType}; {@code null} removes it
         * @return this builder
         */
        public Builder achievementType(@Nullable String value) {
            return text("achievementType", value);
        }

        /**
         * @param values the {@code alignment} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder alignment(List<Alignment> values) {
            return nodes("alignment", values);
        }

        /**
         * @param value the {@code creator}; {@code null} removes it
         * @return this builder
         */
        public Builder creator(@Nullable Profile value) {
            return node("creator", value);
        }

        /**
         * @param value the {@code creditsAvailable}; {@code null} removes it
         * @return this builder
         */
        public Builder creditsAvailable(@Nullable BigDecimal value) {
            return property("creditsAvailable", value == null ? null : JsonValue.of(value));
        }

        /**
         * @param value the {@code fieldOfStudy}; {@code null} removes it
         * @return this builder
         */
        public Builder fieldOfStudy(@Nullable String value) {
            return text("fieldOfStudy", value);
        }

        /**
         * @param value the {@code humanCode}; {@code null} removes it
         * @return this builder
         */
        public Builder humanCode(@Nullable String value) {
            return text("humanCode", value);
        }

        /**
         * @param value the {@code inLanguage}; {@code null} removes it
         * @return this builder
         */
        public Builder inLanguage(@Nullable String value) {
            return text("inLanguage", value);
        }

        /**
         * @param values the {@code resultDescription} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder resultDescription(List<ResultDescription> values) {
            return nodes("resultDescription", values);
        }

        /**
         * @param value the {@code specialization}; {@code null} removes it
         * @return this builder
         */
        public Builder specialization(@Nullable String value) {
            return text("specialization", value);
        }

        /**
         * @param values the {@code tag} values (written as an array; empty removes it)
         * @return this builder
         */
        public Builder tag(List<String> values) {
            return property("tag", values.isEmpty() ? null : JsonValue.of(values));
        }

        /**
         * @param value the {@code version}; {@code null} removes it
         * @return this builder
         */
        public Builder version(@Nullable String value) {
            return text("version", value);
        }

        /**
         * @param values the {@code endorsement} entries (written as an array; empty removes it)
         * @return this builder
         */
        public Builder endorsement(List<EndorsementCredential> values) {
            return nodes("endorsement", values);
        }

        /**
         * @return the Achievement
         * @throws IllegalStateException when a required property (id, name, description, criteria) is missing
         */
        public Achievement build() {
            defaultType("Achievement");
            require("Achievement", "id", "name", "description", "criteria");
            return new Achievement(object());
        }
    }
}
