package org.reconnaitre.badges.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalogue of validation rules applied by {@link Validator}. Every rule has a stable
 * {@linkplain #id() id} (used in {@link Finding}s and safe to match on), a default
 * {@linkplain #defaultSeverity() severity}, the {@linkplain #spec() specification section} it comes
 * from and a one-line {@linkplain #summary() explanation}.
 *
 * <pre>{@code
 * for (Rule r : Rule.all()) {
 *     System.out.println(r.id() + " (" + r.defaultSeverity() + "): " + r.summary() + " " + r.spec());
 * }
 * Rule dates = Rule.byId("DATE-FORMAT").orElseThrow();
 * }</pre>
 *
 * <p>Immutable and thread-safe (an enum). Ids never change once released; new rules may be added.
 */
public enum Rule {
    /** The input is not well-formed JSON or exceeds the size and depth limits. */
    JSON_PARSE("JSON-PARSE", Severity.ERROR, Scope.DOCUMENT,
            "https://www.rfc-editor.org/rfc/rfc8259",
            "The input must be a well-formed JSON document within the SDK's size and depth limits."),
    /** The document is not a JSON object of a kind the validator was asked to accept. */
    DOCUMENT_KIND("DOCUMENT-KIND", Severity.ERROR, Scope.DOCUMENT,
            "https://www.w3.org/TR/vc-data-model-2.0/#types",
            "The document must be a JSON object of one of the accepted kinds (credential, presentation, profile...)."),
    /** The VC base context is missing or not first. */
    VC_CONTEXT_BASE("VC-CONTEXT-BASE", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#contexts",
            "@context must be present and its first entry must be https://www.w3.org/ns/credentials/v2 "
                    + "(or https://www.w3.org/2018/credentials/v1 for VCDM 1.1)."),
    /** The type of a credential or presentation lacks its base type. */
    VC_TYPE("VC-TYPE", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#types",
            "type must be present and include VerifiableCredential (credentials) or VerifiablePresentation (presentations)."),
    /** A property every credential must have is missing. */
    VC_REQUIRED_PROPERTY("VC-REQUIRED-PROPERTY", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#verifiable-credentials",
            "A credential must have issuer and credentialSubject (and issuanceDate under VCDM 1.1)."),
    /** The issuer is neither a URL nor an object with a URL id. */
    VC_ISSUER("VC-ISSUER", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#issuer",
            "issuer must be a URL or an object whose id is a URL."),
    /** A credential subject is empty or not an object. */
    VC_SUBJECT("VC-SUBJECT", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#credential-subject",
            "Each credentialSubject must be an object that makes at least one claim."),
    /** A status, schema, refresh, terms-of-use, evidence or proof object lacks its type (or id). */
    VC_TYPED_OBJECT("VC-TYPED-OBJECT", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#types",
            "credentialStatus, credentialSchema, refreshService, termsOfUse, evidence and proof objects must have a type; "
                    + "credentialSchema must also have an id."),
    /** The holder of a presentation is not a URL or an object with a URL id. */
    VP_HOLDER("VP-HOLDER", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#presentations-0",
            "holder must be a URL or an object whose id is a URL."),
    /** An entry of verifiableCredential in a presentation is not a credential. */
    VP_CREDENTIAL("VP-CREDENTIAL", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#presentations-0",
            "Each verifiableCredential entry must be a credential object (or an EnvelopedVerifiableCredential with a data: URL id)."),
    /** An id is not an absolute URI. */
    ID_URI("ID-URI", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#identifiers",
            "Every id must be a single string holding an absolute URI (RFC 3986)."),
    /** A date-time is not RFC 3339. */
    DATE_FORMAT("DATE-FORMAT", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#validity-period",
            "validFrom, validUntil, issuanceDate, expirationDate, awardedDate and created must be RFC 3339 date-times with a time zone."),
    /** The validity period ends before it starts. */
    VALIDITY_PERIOD("VALIDITY-PERIOD", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#validity-period",
            "validUntil must not be before validFrom (expirationDate not before issuanceDate)."),
    /** VCDM 1.1 and 2.0 properties are mixed. */
    VC_VERSION_MIX("VC-VERSION-MIX", Severity.ERROR, Scope.VC_DATA_MODEL,
            "https://www.w3.org/TR/vc-data-model-2.0/#validity-period",
            "Under the VCDM 2.0 context use validFrom/validUntil, not the VCDM 1.1 issuanceDate/expirationDate."),
    /** A context is neither bundled nor supplied by the caller's fetcher. */
    JSONLD_CONTEXT_UNAVAILABLE("JSONLD-CONTEXT-UNAVAILABLE", Severity.ERROR, Scope.JSON_LD,
            "https://www.w3.org/TR/json-ld11/#the-context",
            "Every @context URL must be one the SDK bundles (or that the caller's Fetcher supplies); nothing is fetched otherwise."),
    /** JSON-LD expansion failed. */
    JSONLD_INVALID("JSONLD-INVALID", Severity.ERROR, Scope.JSON_LD,
            "https://www.w3.org/TR/json-ld11-api/#expansion-algorithm",
            "The document must be valid JSON-LD: expansion with its contexts must succeed (no protected-term redefinition, valid @id/@type values...)."),
    /** A property is not defined by the contexts and would be dropped by expansion. */
    JSONLD_UNDEFINED_TERM("JSONLD-UNDEFINED-TERM", Severity.ERROR, Scope.JSON_LD,
            "https://www.w3.org/TR/vc-data-model-2.0/#extensibility",
            "Every property must be defined by the document's contexts: JSON-LD expansion must not drop anything."),
    /** A type is not defined by the contexts (relative @type reference). */
    JSONLD_UNDEFINED_TYPE("JSONLD-UNDEFINED-TYPE", Severity.ERROR, Scope.JSON_LD,
            "https://www.w3.org/TR/vc-data-model-2.0/#types",
            "Every type value must be defined by the contexts or be an absolute URL (no relative @type reference)."),
    /** The Open Badges (or CLR) context is missing. */
    OB3_CONTEXT("OB3-CONTEXT", Severity.ERROR, Scope.OPEN_BADGES,
            "https://www.imsglobal.org/spec/ob/v3p0/#achievementcredential",
            "An Open Badges 3.0 credential must list an OB 3.0 context (a CLR 2.0 credential a CLR 2.0 context)."),
    /** The Open Badges (or CLR) context is not second. */
    OB3_CONTEXT_ORDER("OB3-CONTEXT-ORDER", Severity.ERROR, Scope.OPEN_BADGES,
            "https://www.imsglobal.org/spec/ob/v3p0/#achievementcredential",
            "The OB 3.0 context (CLR 2.0 context for a CLR) must be the second @context entry, right after the VC base context."),
    /** An outdated Open Badges context version is used. */
    OB3_CONTEXT_VERSION("OB3-CONTEXT-VERSION", Severity.WARNING, Scope.OPEN_BADGES,
            "https://www.imsglobal.org/spec/ob/v3p0/#achievementcredential",
            "OB 3.0 contexts 3.0.0 to 3.0.2 are outdated; use https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json."),
    /** An Open Badges object lacks its required type. */
    OB3_TYPE("OB3-TYPE", Severity.ERROR, Scope.OPEN_BADGES,
            "https://www.imsglobal.org/spec/ob/v3p0/#achievementcredential",
            "OB 3.0 objects must carry their types: OpenBadgeCredential or AchievementCredential, AchievementSubject, Achievement, "
                    + "Profile (issuer), EndorsementCredential/EndorsementSubject, ClrCredential/ClrSubject."),
    /** A hashed identity is not sha256$ + 64 hex or md5$ + 32 hex. */
    IDENTITY_HASH("IDENTITY-HASH", Severity.ERROR, Scope.OPEN_BADGES,
            "https://www.imsglobal.org/spec/ob/v3p0/#identityobject",
            "When hashed is true, identityHash (OB 2.0: recipient.identity) must be 'sha256$' + 64 hex digits or 'md5$' + 32 hex digits."),
    /** The document fails the 1EdTech JSON Schema of its type. */
    SCHEMA("SCHEMA", Severity.ERROR, Scope.OPEN_BADGES,
            "https://www.imsglobal.org/spec/ob/v3p0/#json-schema",
            "The document must pass the 1EdTech OB 3.0 JSON Schema of its type (single values are first wrapped where the schema wants arrays).");

    /**
     * Which body of rules a rule belongs to; {@link Validator.Builder#openBadgesRules(boolean)}
     * switches the {@link #OPEN_BADGES} scope off.
     *
     * <pre>{@code
     * boolean obOnly = finding.rule().scope() == Rule.Scope.OPEN_BADGES;
     * }</pre>
     */
    public enum Scope {
        /** Applies to any input (parsing, document kind). */
        DOCUMENT,
        /** W3C Verifiable Credentials Data Model rules (any credential or presentation). */
        VC_DATA_MODEL,
        /** JSON-LD processing with the document's contexts. */
        JSON_LD,
        /** Open Badges 3.0 / CLR 2.0 specific rules. */
        OPEN_BADGES
    }

    private static final List<Rule> ALL = List.of(values());

    private final String id;
    private final Severity severity;
    private final Scope scope;
    private final String spec;
    private final String summary;

    Rule(String id, Severity severity, Scope scope, String spec, String summary) {
        this.id = id;
        this.severity = severity;
        this.scope = scope;
        this.spec = spec;
        this.summary = summary;
    }

    /** @return the stable rule id, e.g. {@code OB3-CONTEXT-ORDER} */
    public String id() {
        return id;
    }

    /**
     * @return the severity of this rule's findings, unless a finding says otherwise (VC-VERSION-MIX
     *     only warns about VCDM 2.0 dates in a VCDM 1.1 credential)
     */
    public Severity defaultSeverity() {
        return severity;
    }

    /** @return the body of rules this rule belongs to */
    public Scope scope() {
        return scope;
    }

    /** @return the URL (with anchor) of the specification section the rule comes from */
    public String spec() {
        return spec;
    }

    /** @return a one-line explanation of the rule */
    public String summary() {
        return summary;
    }

    /** @return every rule, in catalogue order (immutable) */
    public static List<Rule> all() {
        return ALL;
    }

    /** @return the rule with this id, if any */
    public static Optional<Rule> byId(String id) {
        Objects.requireNonNull(id, "id");
        for (Rule r : ALL) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
