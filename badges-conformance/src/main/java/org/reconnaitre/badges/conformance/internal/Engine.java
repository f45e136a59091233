package org.reconnaitre.badges.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.conformance.ConformanceReport;
import org.reconnaitre.badges.conformance.ConformanceRules;
import org.reconnaitre.badges.conformance.Violation;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.IdentityHash;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.Severity;
import org.reconnaitre.badges.model.ValidationReport;
import org.reconnaitre.badges.model.Validator;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.VerificationMethod;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.did.DidWeb;
import org.reconnaitre.badges.signing.internal.id.Identifier;

/** Runs the conformance rules. Immutable and thread-safe once built. */
public final class Engine {
    private static final String PROOF = "proof";
    private static final String RECIPIENT = "recipient";
    /** The kit judges credentials an issuer emits: anything else is a DOCUMENT-KIND error. */
    private static final Validator VALIDATOR = Validator.builder().kinds(Validator.DocumentKind.OPEN_BADGE_CREDENTIAL,
            Validator.DocumentKind.ENDORSEMENT_CREDENTIAL, Validator.DocumentKind.CLR_CREDENTIAL).build();

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{2,30}");

    private final Fetcher fetcher;
    private final KeyResolver resolver;
    private final @Nullable String expectedRecipient;
    /** The expected recipient as the verifier takes it, or null when none is expected or its kind is unknown. */
    private final @Nullable ExpectedRecipient typedRecipient;
    private final @Nullable String expectedSuite;
    private final boolean robustness;
    private final Verifier verifier;

    /** Builds the engine from the kit's settings. */
    public Engine(Clock clock, Fetcher fetcher, @Nullable KeyResolver keyResolver, @Nullable VerificationKey expectedKey,
            @Nullable String expectedRecipient, @Nullable String expectedSuite, boolean robustness, boolean trustEmbeddedJwk, boolean allowUnboundFragmentKeys,
            Verifier.@Nullable StatusCheck statusCheck, @Nullable Duration timeout) {
        this.fetcher = fetcher;
        KeyResolver base = keyResolver != null ? keyResolver : KeyResolver.builder().fetcher(fetcher).build();
        this.resolver = expectedKey == null ? base : pinned(base, expectedKey);
        this.expectedRecipient = expectedRecipient;
        this.typedRecipient = expectedRecipient == null ? null : typed(expectedRecipient);
        this.expectedSuite = expectedSuite;
        this.robustness = robustness;
        Verifier.Builder vb = Verifier.builder().clock(clock).fetcher(fetcher).keyResolver(resolver).trustEmbeddedJwk(trustEmbeddedJwk)
                .allowUnboundFragmentKeys(allowUnboundFragmentKeys);
        if (statusCheck != null) {
            vb.statusCheck(statusCheck);
        }
        if (timeout != null) {
            vb.canonicalizationTimeout(timeout);
        }
        this.verifier = vb.build();
    }

    private static KeyResolver pinned(KeyResolver base, VerificationKey expected) {
        return url -> {
            VerificationMethod vm = base.resolve(url);
            if (!vm.key().equals(expected)) {
                throw new BadgeException(BadgeException.Code.INVALID_KEY,
                        "the verification method " + url + " resolves to a key other than the expected one");
            }
            return vm;
        };
    }

    /** Checks one credential; never throws for bad input. */
    public ConformanceReport check(@Nullable String subject, String credential) {
        List<Violation> out = new ArrayList<>();
        Set<String> checked = new LinkedHashSet<>();
        String trimmed = credential.strip();
        boolean json = trimmed.startsWith("{");
        @Nullable JsonNode doc = null;
        if (json) {
            ValidationReport vr = VALIDATOR.validate(credential);
            Rule.all().forEach(r -> checked.add(r.id()));
            for (Finding f : vr.findings()) {
                out.add(new Violation(f.rule().id(), f.severity(), f.path(), f.message()));
            }
            try {
                doc = Json.parse(credential);
            } catch (BadgeException e) {
                doc = null; // JSON-PARSE already reported by the validator
            }
        }
        VerificationReport report = (typedRecipient != null ? verifier.forRecipient(typedRecipient) : verifier).verify(credential);
        for (CheckResult c : report.checks()) {
            String id = ConformanceRules.forCheck(c.id());
            if (c.outcome() != CheckOutcome.SKIPPED) {
                checked.add(id);
            }
            String path = doc == null ? "" : c.id().equals(PROOF) && doc.has(PROOF) ? "/proof"
                    : c.id().equals(RECIPIENT) && doc.has("credentialSubject") ? "/credentialSubject"
                    : c.id().equals(RECIPIENT) && doc.has(RECIPIENT) ? "/recipient" : "";
            if (c.outcome() == CheckOutcome.FAILED) {
                out.add(new Violation(id, Severity.ERROR, path, c.message()));
            } else if (c.outcome() == CheckOutcome.WARNING) {
                out.add(new Violation(id, Severity.WARNING, path, c.message()));
            }
        }
        if (expectedSuite != null) {
            checked.add(ConformanceRules.SIGNED_WITH);
            signedWith(trimmed, doc, expectedSuite, out);
        }
        if (doc != null && doc.isObject()) {
            issuerChecks(doc, out, checked);
            if (expectedRecipient != null && !ran(report, RECIPIENT)) {
                // RECIPIENT-MATCH defers to the verifier's recipient check: only one of them compares
                checked.add(ConformanceRules.RECIPIENT_MATCH);
                recipient(doc, expectedRecipient, out);
            }
            if (robustness && doc.has(PROOF) && passed(report, PROOF)) {
                robustness(doc, out, checked);
            }
        }
        String name = subject != null ? subject
                : doc != null && doc.path("id").isTextual() ? doc.path("id").asText() : report.credentialId().orElse("credential");
        return new ConformanceReport(name, out, checked);
    }

    /** @return whether the verifier ran this check (reported it with an outcome other than skipped) */
    private static boolean ran(VerificationReport r, String checkId) {
        return r.check(checkId).map(c -> c.outcome() != CheckOutcome.SKIPPED).orElse(false);
    }

    private static boolean passed(VerificationReport r, String checkId) {
        return r.check(checkId).map(c -> c.outcome().isAcceptable() && c.outcome() != CheckOutcome.SKIPPED).orElse(false);
    }

    // ---- SIGNED-WITH -------------------------------------------------------------------------

    /** @return the cryptosuites / proof types of a JSON credential, or the JWS alg of a compact JWT */
    public static List<String> suites(String trimmed, @Nullable JsonNode doc) {
        List<String> found = new ArrayList<>();
        if (doc != null) {
            for (JsonNode p : proofs(doc)) {
                String suite = p.path("cryptosuite").asText("");
                found.add(suite.isEmpty() ? p.path("type").asText("") : suite);
            }
        } else if (trimmed.chars().filter(ch -> ch == '.').count() == 2) {
            try {
                String header = new String(Base64.getUrlDecoder().decode(trimmed.substring(0, trimmed.indexOf('.'))),
                        StandardCharsets.UTF_8);
                found.add(Json.parse(header).path("alg").asText(""));
            } catch (IllegalArgumentException | BadgeException e) {
                // not a readable JWS header: nothing found
            }
        }
        return found;
    }

    private static void signedWith(String trimmed, @Nullable JsonNode doc, String expected, List<Violation> out) {
        List<String> found = suites(trimmed, doc);
        if (!found.contains(expected)) {
            out.add(new Violation(ConformanceRules.SIGNED_WITH, Severity.ERROR, doc != null ? "/proof" : "",
                    "Expected the credential to be secured with " + expected + " but found "
                            + (found.isEmpty() ? "no proof" : String.join(", ", found)) + "."));
        }
    }

    private static List<JsonNode> proofs(JsonNode doc) {
        JsonNode p = doc.path(PROOF);
        List<JsonNode> list = new ArrayList<>();
        if (p.isArray()) {
            p.forEach(list::add);
        } else if (p.isObject()) {
            list.add(p);
        }
        return list;
    }

    // ---- issuer profile ----------------------------------------------------------------------

    private void issuerChecks(JsonNode doc, List<Violation> out, Set<String> checked) {
        JsonNode issuer = doc.path("issuer");
        String issuerId = issuer.isTextual() ? issuer.asText() : issuer.path("id").asText("");
        if (issuerId.isEmpty()) {
            return; // VC-ISSUER reports it
        }
        checked.add(ConformanceRules.ISSUER_RESOLVABLE);
        resolvable(issuerId, out);
        List<JsonNode> proofs = proofs(doc);
        if (proofs.isEmpty()) {
            return;
        }
        checked.add(ConformanceRules.ISSUER_KEY);
        // the issuer profile embedded in the credential is written by the signer: it never vouches for a key
        KeyResolver r = resolver;
        for (int i = 0; i < proofs.size(); i++) {
            String path = doc.path(PROOF).isArray() ? "/proof/" + i + "/verificationMethod" : "/proof/verificationMethod";
            String vmUrl = proofs.get(i).path("verificationMethod").asText("");
            if (vmUrl.isEmpty()) {
                out.add(new Violation(ConformanceRules.ISSUER_KEY, Severity.ERROR, path, "The proof names no verificationMethod."));
                continue;
            }
            try {
                VerificationMethod vm = r.resolve(vmUrl);
                Optional<Identifier> issuerParsed = Identifier.tryParse(issuerId);
                Optional<Identifier> controller = Identifier.tryParse(vm.controller());
                if (issuerParsed.isEmpty()) {
                    out.add(new Violation(ConformanceRules.ISSUER_KEY, Severity.ERROR, path, "The issuer id " + issuerId
                            + " is not a valid identifier, so no key can be tied to it."));
                } else if (vm.source() == KeySource.URL_FRAGMENT && issuerParsed.equals(controller)) {
                    out.add(new Violation(ConformanceRules.ISSUER_KEY, Severity.WARNING, path, "The key " + vmUrl
                            + " was read from the URL fragment: no issuer document lists it, so verifiers (this one by default)"
                            + " do not bind it to the issuer; publish the issuer's document with the key under assertionMethod."));
                } else if (!issuerParsed.equals(controller)) {
                    boolean resolvable = issuerParsed.get().kind() != Identifier.Kind.OTHER;
                    out.add(new Violation(ConformanceRules.ISSUER_KEY, Severity.ERROR, path,
                            "The key " + vmUrl + " is controlled by " + vm.controller() + ", not by the issuer " + issuerId
                                    + (resolvable ? "." : ", and the issuer id cannot be resolved to a document that lists it.")));
                } else if (!vm.isAssertionMethod()) {
                    out.add(new Violation(ConformanceRules.ISSUER_KEY, Severity.ERROR, path, "The issuer's document lists the key "
                            + vmUrl + " but not under assertionMethod, so it may not sign credentials."));
                }
            } catch (BadgeException e) {
                Severity s = e.code() == BadgeException.Code.FETCH_REFUSED ? Severity.WARNING : Severity.ERROR;
                out.add(new Violation(ConformanceRules.ISSUER_KEY, s, path, "The key " + vmUrl + " cannot be resolved: "
                        + e.getMessage() + (s == Severity.WARNING ? " (configure a Fetcher to check it)" : "")));
            }
        }
    }

    private void resolvable(String issuerId, List<Violation> out) {
        String path = "/issuer";
        Identifier issuer;
        try {
            issuer = Identifier.parse(issuerId);
        } catch (IllegalArgumentException e) {
            out.add(new Violation(ConformanceRules.ISSUER_RESOLVABLE, Severity.ERROR, path, "The issuer id is not a valid"
                    + " identifier: " + e.getMessage() + "."));
            return;
        }
        if (issuer.isDid("key")) {
            try {
                DidKey.resolve(issuerId);
            } catch (BadgeException | RuntimeException e) {
                out.add(new Violation(ConformanceRules.ISSUER_RESOLVABLE, Severity.ERROR, path,
                        "The issuer " + issuerId + " is not a resolvable did:key: " + e.getMessage()));
            }
            return;
        }
        String url;
        if (issuer.isDid("web")) {
            try {
                url = didWebUrl(issuerId);
            } catch (BadgeException e) {
                out.add(new Violation(ConformanceRules.ISSUER_RESOLVABLE, Severity.ERROR, path, e.getMessage() + "."));
                return;
            }
        } else if (issuer.isHttp()) {
            url = issuer.resource();
        } else {
            out.add(new Violation(ConformanceRules.ISSUER_RESOLVABLE, Severity.WARNING, path, "The issuer " + issuerId
                    + " is neither a did:key, a did:web nor an http(s) URL: no verifier can resolve it, so no key can be"
                    + " tied to it."));
            return;
        }
        try {
            Fetcher.Response resp = fetcher.fetch(URI.create(url));
            if (!resp.ok()) {
                out.add(new Violation(ConformanceRules.ISSUER_RESOLVABLE, Severity.ERROR, path,
                        "Fetching the issuer document " + url + " answered HTTP " + resp.status() + "."));
                return;
            }
            JsonNode profile = Json.parse(resp.body());
            String id = profile.path("id").asText("");
            if (!Identifier.same(id, issuerId)) {
                out.add(new Violation(ConformanceRules.ISSUER_RESOLVABLE, Severity.ERROR, path, "The document at " + url
                        + " has id '" + id + "', not the issuer id " + issuerId + "."));
            }
        } catch (BadgeException e) {
            Severity s = e.code() == BadgeException.Code.FETCH_REFUSED ? Severity.WARNING : Severity.ERROR;
            out.add(new Violation(ConformanceRules.ISSUER_RESOLVABLE, s, path, "The issuer document " + url
                    + " could not be read: " + e.getMessage() + (s == Severity.WARNING ? " (configure a Fetcher to check it)" : "")));
        } catch (IllegalArgumentException e) {
            out.add(new Violation(ConformanceRules.ISSUER_RESOLVABLE, Severity.ERROR, path, "The issuer id " + issuerId
                    + " is not a valid URL: " + e.getMessage()));
        }
    }

    /**
     * @return the HTTPS URL of a did:web DID document, as the did:web method specifies (the
     *     verifier's own resolution, so the kit and verifiers never disagree on it)
     * @throws BadgeException {@code INVALID_KEY} for a malformed did:web
     */
    public static String didWebUrl(String did) throws BadgeException {
        Identifier id;
        try {
            id = Identifier.parse(did);
        } catch (IllegalArgumentException e) {
            throw new BadgeException(BadgeException.Code.INVALID_KEY, "Malformed did:web: " + e.getMessage());
        }
        return DidWeb.documentUrl(id.withoutFragment()).toString();
    }

    // ---- recipient ---------------------------------------------------------------------------

    /**
     * The kit's expected recipient as the verifier takes it: {@code mailto:} or a bare address is an
     * email, {@code tel:} or digits a telephone, {@code did:} a DID, HTTP(S) a URL, any other absolute
     * identifier an id.
     *
     * @return the typed recipient, or null when the identity fits none of these (the kit then
     *     compares it itself, as RECIPIENT-MATCH)
     */
    public static @Nullable ExpectedRecipient typed(String identity) {
        String v = identity.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("mailto:")) {
                return ExpectedRecipient.email(v.substring("mailto:".length()));
            }
            if (lower.startsWith("tel:")) {
                return ExpectedRecipient.telephone(v.substring("tel:".length()));
            }
            Optional<Identifier> parsed = Identifier.tryParse(v);
            if (parsed.isPresent() && parsed.get().isDid()) {
                return ExpectedRecipient.did(v);
            }
            if (parsed.isPresent() && parsed.get().isHttp()) {
                return ExpectedRecipient.url(v);
            }
            if (v.indexOf('@') > 0 && v.indexOf(':') < 0) {
                return ExpectedRecipient.email(v);
            }
            if (PHONE.matcher(v).matches()) {
                return ExpectedRecipient.telephone(v);
            }
            return ExpectedRecipient.id(v);
        } catch (BadgeException e) {
            return null; // not a usable identity of any kind the verifier knows
        }
    }

    private static void recipient(JsonNode doc, String expected, List<Violation> out) {
        JsonNode subject = doc.path("credentialSubject");
        if (subject.isArray() && subject.size() > 0) {
            subject = subject.get(0);
        }
        if (subject.path("id").asText("").equals(expected)) {
            return;
        }
        JsonNode ids = subject.path("identifier");
        List<JsonNode> list = new ArrayList<>();
        if (ids.isArray()) {
            ids.forEach(list::add);
        } else if (ids.isObject()) {
            list.add(ids);
        }
        for (JsonNode idObj : list) {
            String value = idObj.path("identityHash").asText("");
            String salt = idObj.path("salt").asText("");
            boolean email = idObj.path("identityType").asText("").equals("emailAddress");
            if (idObj.path("hashed").asBoolean(false)) {
                var hash = IdentityHash.parse(value);
                if (hash.isPresent() && (email ? hash.get().matchesEmail(expected, salt) : hash.get().matches(expected, salt))) {
                    return;
                }
            } else if (value.equals(expected)) {
                return;
            }
        }
        out.add(new Violation(ConformanceRules.RECIPIENT_MATCH, Severity.ERROR, "/credentialSubject",
                list.isEmpty() ? "The subject has no identifier and its id is not the expected recipient."
                        : "None of the subject's " + list.size() + " identifier(s) matches the expected recipient (hash, salt and type checked)."));
    }

    // ---- robustness --------------------------------------------------------------------------

    private void robustness(JsonNode doc, List<Violation> out, Set<String> checked) {
        checked.add(ConformanceRules.ROBUST_ROUND_TRIP);
        VerificationReport rt = verifier.verify(Json.write(doc));
        if (!passed(rt, PROOF)) {
            out.add(new Violation(ConformanceRules.ROBUST_ROUND_TRIP, Severity.ERROR, "/proof",
                    "The proof no longer verifies after the JSON is parsed and written again: " + message(rt)));
        }
        checked.add(ConformanceRules.ROBUST_KEY_ORDER);
        VerificationReport ko = verifier.verify(Json.write(reordered(doc)));
        if (!passed(ko, PROOF)) {
            out.add(new Violation(ConformanceRules.ROBUST_KEY_ORDER, Severity.ERROR, "/proof",
                    "The proof no longer verifies after the object keys are reordered: " + message(ko)));
        }
        ObjectNode tampered = (ObjectNode) doc.deepCopy();
        String field = tamper(tampered);
        if (field != null) {
            checked.add(ConformanceRules.ROBUST_TAMPER);
            VerificationReport t = verifier.verify(Json.write(tampered));
            if (t.check(PROOF).map(c -> c.outcome() != CheckOutcome.FAILED).orElse(true)) {
                out.add(new Violation(ConformanceRules.ROBUST_TAMPER, Severity.ERROR, field,
                        "After changing " + field + " the proof still verifies: the signature does not protect that field."));
            }
        }
    }

    private static String message(VerificationReport r) {
        return r.check(PROOF).map(CheckResult::message).orElse("no proof check ran.");
    }

    /** @return a copy with every object's keys in reverse order */
    public static JsonNode reordered(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            node.fields().forEachRemaining(entries::add);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (int i = entries.size() - 1; i >= 0; i--) {
                copy.set(entries.get(i).getKey(), reordered(entries.get(i).getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                copy.add(reordered(it.next()));
            }
            return copy;
        }
        return node;
    }

    /** Changes one meaningful field in place; @return its JSON Pointer, or null when none was found. */
    static @Nullable String tamper(ObjectNode doc) {
        for (String date : List.of("validFrom", "issuanceDate")) {
            JsonNode v = doc.get(date);
            if (v != null && v.isTextual()) {
                try {
                    doc.set(date, new TextNode(OffsetDateTime.parse(v.asText()).minusDays(1).toString()));
                } catch (RuntimeException e) {
                    doc.set(date, new TextNode("2000-01-01T00:00:00Z"));
                }
                return "/" + date;
            }
        }
        JsonNode name = doc.get("name");
        if (name != null && name.isTextual()) {
            doc.set("name", new TextNode(name.asText() + " (changed)"));
            return "/name";
        }
        return null;
    }
}
