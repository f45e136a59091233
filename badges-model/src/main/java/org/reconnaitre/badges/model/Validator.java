package org.reconnaitre.badges.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.reconnaitre.badges.model.internal.validation.Engine;

/**
 * Validates Open Badges 3.0, CLR 2.0 and W3C Verifiable Credential / Presentation JSON (and the
 * JSON-LD side of Open Badges 2.0 objects) without any network access: JSON parsing, the 1EdTech
 * OB 3.0 JSON Schemas bundled in the jar, the VC data model and Open Badges rules a schema cannot
 * express, and a JSON-LD expansion with the bundled contexts that reports every property the
 * contexts do not define. Every rule is listed in {@link Rule}.
 *
 * <p>Validation never throws for bad input: malformed JSON gives a report with one
 * {@code JSON-PARSE} finding, an unknown context a {@code JSONLD-CONTEXT-UNAVAILABLE} finding.
 *
 * <pre>{@code
 * Validator validator = Validator.builder()
 *         .kinds(Validator.DocumentKind.OPEN_BADGE_CREDENTIAL)
 *         .build();                       // build once, reuse everywhere
 * ValidationReport report = validator.validate(json);
 * report.errors().forEach(f -> System.out.println(f.ruleId() + " " + f.path() + ": " + f.message()));
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one validator and share it. The JSON Schemas are compiled once
 * per JVM and the bundled contexts are parsed once.
 */
public final class Validator {
    /**
     * The kinds of document the validator recognises, from {@code type} (and {@code @context} when
     * the type says nothing). The kind decides which rules and which JSON Schema apply.
     *
     * <pre>{@code
     * if (report.kind() == Validator.DocumentKind.OPEN_BADGE_CREDENTIAL) { ... }
     * }</pre>
     */
    public enum DocumentKind {
        /** An OB 3.0 OpenBadgeCredential / AchievementCredential. */
        OPEN_BADGE_CREDENTIAL,
        /** An OB 3.0 EndorsementCredential. */
        ENDORSEMENT_CREDENTIAL,
        /** A CLR 2.0 ClrCredential. */
        CLR_CREDENTIAL,
        /** Any other W3C verifiable credential. */
        VERIFIABLE_CREDENTIAL,
        /** A W3C verifiable presentation. */
        VERIFIABLE_PRESENTATION,
        /** A stand-alone OB 3.0 Profile (issuer). */
        PROFILE,
        /** An Open Badges 2.0 (or 1.1) object: Assertion, BadgeClass, Profile... */
        OB2_OBJECT,
        /** Not recognised (or not a JSON object). */
        UNKNOWN
    }

    private static final Validator STANDARD = builder().build();

    private final Set<DocumentKind> kinds;
    private final boolean jsonLd;
    private final boolean schema;
    private final boolean openBadgesRules;
    private final boolean jwtPayload;
    private final boolean issuanceInput;
    private final Set<Rule> disabled;
    private final Optional<Fetcher> fetcher;
    private final Engine engine;

    private Validator(Builder b) {
        this.kinds = b.kinds.isEmpty() ? Set.of() : Set.copyOf(b.kinds);
        this.jsonLd = b.jsonLd;
        this.schema = b.schema;
        this.openBadgesRules = b.openBadgesRules;
        this.jwtPayload = b.jwtPayload;
        this.issuanceInput = b.issuanceInput;
        this.disabled = b.disabled.isEmpty() ? Set.of() : Set.copyOf(b.disabled);
        this.fetcher = b.fetcher;
        this.engine = new Engine(new Engine.Options(kinds, jsonLd, schema && openBadgesRules, openBadgesRules,
                jwtPayload, issuanceInput, disabled, fetcher));
    }

    /** @return a validator with every check on, accepting every kind of document */
    public static Validator standard() {
        return STANDARD;
    }

    /** @return a builder with every check on, accepting every kind of document */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates a JSON document.
     *
     * @param json the document (untrusted)
     * @return the report; never {@code null}, never thrown
     */
    public ValidationReport validate(String json) {
        Objects.requireNonNull(json, "json");
        return engine.validate(json);
    }

    /**
     * Validates a UTF-8 JSON document.
     *
     * @param utf8 the document (untrusted)
     * @return the report; never {@code null}, never thrown
     */
    public ValidationReport validate(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        return engine.validate(utf8);
    }

    /** @return the accepted kinds (empty = all) */
    public Set<DocumentKind> kinds() {
        return kinds;
    }

    /** @return whether JSON-LD checks run */
    public boolean jsonLdChecks() {
        return jsonLd;
    }

    /** @return whether JSON Schema checks run */
    public boolean schemaChecks() {
        return schema;
    }

    /** @return whether Open Badges / CLR specific rules run (false: VC data model only) */
    public boolean openBadgesRules() {
        return openBadgesRules;
    }

    /** @return whether the input is treated as a VC-JWT payload */
    public boolean jwtPayload() {
        return jwtPayload;
    }

    /** @return whether the input is treated as an unsigned credential given to an issuer */
    public boolean issuanceInput() {
        return issuanceInput;
    }

    @Override
    public String toString() {
        return "Validator[kinds=" + (kinds.isEmpty() ? "all" : kinds) + ", jsonLd=" + jsonLd + ", schema=" + schema
                + ", openBadgesRules=" + openBadgesRules + ", jwtPayload=" + jwtPayload
                + ", issuanceInput=" + issuanceInput + ", disabled=" + disabled + "]";
    }

    /**
     * Configures a {@link Validator}. Not thread-safe; the validator it builds is.
     *
     * <pre>{@code
     * Validator vcOnly = Validator.builder().openBadgesRules(false).build();
     * }</pre>
     */
    public static final class Builder {
        private final Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        private boolean jsonLd = true;
        private boolean schema = true;
        private boolean openBadgesRules = true;
        private boolean jwtPayload;
        private boolean issuanceInput;
        private final Set<Rule> disabled = EnumSet.noneOf(Rule.class);
        private Optional<Fetcher> fetcher = Optional.empty();

        private Builder() {}

        /**
         * Accepts only these kinds of document; any other gives a {@code DOCUMENT-KIND} error.
         * Default: every kind.
         */
        public Builder kinds(DocumentKind... accepted) {
            Objects.requireNonNull(accepted, "accepted");
            kinds.clear();
            for (DocumentKind k : accepted) {
                kinds.add(Objects.requireNonNull(k, "kind"));
            }
            return this;
        }

        /** Runs (default) or skips the JSON-LD expansion checks ({@code JSONLD-*} rules). */
        public Builder jsonLdChecks(boolean on) {
            this.jsonLd = on;
            return this;
        }

        /** Runs (default) or skips the 1EdTech JSON Schema check ({@code SCHEMA}). */
        public Builder schemaChecks(boolean on) {
            this.schema = on;
            return this;
        }

        /**
         * Runs (default) the Open Badges / CLR rules ({@code OB3-*}, {@code IDENTITY-HASH},
         * {@code SCHEMA}); {@code false} applies only the VC data model, JSON-LD and document rules.
         */
        public Builder openBadgesRules(boolean on) {
            this.openBadgesRules = on;
            return this;
        }

        /**
         * Declares the input a VC-JWT payload: the JWT registered claims at the top level
         * ({@code iss, sub, jti, nbf, exp, iat, aud}) are then not reported as undefined terms.
         */
        public Builder jwtPayload(boolean on) {
            this.jwtPayload = on;
            return this;
        }

        /**
         * Declares the input an unsigned credential handed to an issuer: {@code issuer} (or its
         * {@code id}) and the VCDM 1.1 {@code issuanceDate} may be absent, since the issuer adds them.
         * Default: false.
         */
        public Builder issuanceInput(boolean on) {
            this.issuanceInput = on;
            return this;
        }

        /** Switches rules off (their findings are not reported). */
        public Builder disable(Rule... rules) {
            Objects.requireNonNull(rules, "rules");
            for (Rule r : rules) {
                disabled.add(Objects.requireNonNull(r, "rule"));
            }
            return this;
        }

        /**
         * Lets the JSON-LD check load contexts that are not bundled through this fetcher (bundled
         * contexts are never fetched). Default: {@link Fetcher#none()}.
         */
        public Builder fetcher(Fetcher contextFetcher) {
            this.fetcher = Optional.of(Objects.requireNonNull(contextFetcher, "contextFetcher"));
            return this;
        }

        /** @return an immutable, thread-safe validator */
        public Validator build() {
            return new Validator(this);
        }
    }
}
