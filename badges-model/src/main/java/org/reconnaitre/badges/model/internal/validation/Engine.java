package org.reconnaitre.badges.model.internal.validation;

import org.reconnaitre.badges.model.internal.jsonld.Deadline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.ValidationReport;
import org.reconnaitre.badges.model.Validator.DocumentKind;
import org.reconnaitre.badges.model.internal.json.Json;

/** Runs the checks of a {@link org.reconnaitre.badges.model.Validator}. Immutable and thread-safe. */
public final class Engine {
    /**
     * What to check.
     *
     * @param kinds accepted kinds (empty: all)
     * @param jsonLd run the JSON-LD checks
     * @param schema run the JSON Schema check
     * @param openBadges run the Open Badges / CLR rules
     * @param jwtPayload the input is a VC-JWT payload
     * @param issuanceInput the input is an unsigned credential given to an issuer
     * @param disabled rules switched off
     * @param fetcher the caller's fetcher for contexts that are not bundled, if any
     */
    public record Options(Set<DocumentKind> kinds, boolean jsonLd, boolean schema, boolean openBadges,
            boolean jwtPayload, boolean issuanceInput, Set<Rule> disabled, Optional<Fetcher> fetcher) {}

    private final Options options;
    private final JsonLdCheck jsonLd;

    public Engine(Options options) {
        this.options = options;
        this.jsonLd = new JsonLdCheck(options.fetcher(), options.jwtPayload(), true);
    }

    public ValidationReport validate(String json) {
        JsonNode doc;
        try {
            doc = Json.parse(json);
        } catch (BadgeException | RuntimeException e) {
            return parseFailure(e);
        }
        return validate(doc);
    }

    public ValidationReport validate(byte[] utf8) {
        JsonNode doc;
        try {
            doc = Json.parse(utf8);
        } catch (BadgeException | RuntimeException e) {
            return parseFailure(e);
        }
        return validate(doc);
    }

    private static ValidationReport parseFailure(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ValidationReport(DocumentKind.UNKNOWN, List.of(Finding.of(Rule.JSON_PARSE, "", msg)));
    }

    /** Validates a parsed document. */
    public ValidationReport validate(JsonNode doc) {
        Findings out = new Findings(options.disabled());
        DocumentKind kind = Kinds.of(doc);
        if (!doc.isObject()) {
            out.add(Rule.DOCUMENT_KIND, "", "expected a JSON object, found " + Nodes.describe(doc));
            return new ValidationReport(kind, out.list());
        }
        if (!options.kinds().isEmpty() && !options.kinds().contains(kind)) {
            out.add(Rule.DOCUMENT_KIND, "", "document is " + kind + "; accepted: " + options.kinds());
        }
        run(Rule.DOCUMENT_KIND, out, () -> new SemanticRules(options, out).check(doc, kind));
        Deadline.check(); // a verification's deadline: no further stage once it has passed
        if (options.schema()) {
            run(Rule.SCHEMA, out, () -> SchemaCheck.check(doc, kind, out));
        }
        Deadline.check();
        if (options.jsonLd()) {
            run(Rule.JSONLD_INVALID, out, () -> jsonLd.check(doc, out));
        }
        return new ValidationReport(kind, out.list());
    }

    /** A check that throws is a bug, but the caller still gets a report (never a silent pass). */
    private static void run(Rule rule, Findings out, Runnable check) {
        try {
            check.run();
        } catch (org.reconnaitre.badges.model.internal.jsonld.Deadline.Exceeded e) {
            throw e; // the verification's deadline passed: the verifier reports it and stops
        } catch (RuntimeException e) {
            out.add(rule, "", "the check could not complete: " + e);
        }
    }
}
