package org.reconnaitre.badges.signing.internal.ob2;

import static org.reconnaitre.badges.signing.internal.JsonNodes.strings;
import static org.reconnaitre.badges.signing.internal.JsonNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;
import org.reconnaitre.badges.model.internal.ob2.LegacyUpgrade;
import org.reconnaitre.badges.model.internal.ob2.Ob2Extensions;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.internal.crypto.RsaOps;
import org.reconnaitre.badges.signing.internal.jwt.CompactJws;
import org.reconnaitre.badges.signing.internal.jwt.JwtException;

/**
 * Verifies an Open Badges 2.0 document: a hosted or signed (compact JWS, RS256) Assertion, or a
 * BadgeClass, Issuer or other OB 2.0 node given directly. Linked documents (BadgeClass, Issuer,
 * CryptographicKey, RevocationList) are fetched only through the caller's fetcher. Checks, in order:
 * {@code parse}, {@code context-and-type}, {@code ob2-fetch}, {@code ob2-verification},
 * {@code proof}, {@code key-binding}, {@code recipient}, {@code revocation},
 * {@code validity-period}, {@code ob2-extensions} (extension nodes against their extension's JSON
 * Schema), {@code endorsements}; an OB 0.5 / 1.0 / 1.1 document is upgraded to 2.0 first and gets an
 * {@code ob2-upgrade} warning after {@code parse} saying what changed. Never throws for bad input. Stateless and thread-safe. Internal.
 */
public final class Ob2Verifier {

    static final String PARSE = "parse";
    static final String CONTEXT = "context-and-type";
    static final String SCHEMA = "schema";
    static final String FETCH = "ob2-fetch";
    static final String VERIFICATION = "ob2-verification";
    static final String PROOF = "proof";
    static final String KEY_BINDING = "key-binding";
    static final String RECIPIENT = "recipient";
    static final String REVOCATION = "revocation";
    static final String VALIDITY = "validity-period";
    static final String EXTENSIONS = "ob2-extensions";
    static final String UPGRADE = "ob2-upgrade";

    private static final String OB2_VOCAB = "https://w3id.org/openbadges#";
    /** Class terms of the OB 2.0 context (a type must be one of these or an absolute IRI). */
    private static final Set<String> CLASSES = Set.of("AlignmentObject", "CryptographicKey", "Endorsement",
            "Assertion", "BadgeClass", "Criteria", "Evidence", "Extension", "FrameValidation", "IdentityObject",
            "Image", "HostedBadge", "hosted", "Issuer", "Profile", "RevocationList", "SignedBadge", "signed",
            "TypeValidation", "VerificationObject", "EndorsementClaim", "id", "email", "url", "telephone");

    /** Most documents fetched for one badge (assertion, badge class, issuer, key, revocation list). */
    static final int MAX_FETCHES = 8;
    static final String ENDORSEMENTS = "endorsements";

    private Ob2Verifier() {}

    /**
     * What {@link #sniff} read of an input: whether it is an Open Badges 2.0 (or older) document,
     * and the compact JWS and JSON it parsed on the way (the JWS payload for a JWT), so that the
     * pipeline does not parse them again. Internal.
     *
     * @param ob2 an Open Badges 2.0 (or older) document, a JWS whose payload is one, or a hosted URL
     * @param jws the parsed compact JWS, when the text is one
     * @param json the parsed document (the payload for a JWS), when it is JSON
     */
    public record Sniff(boolean ob2, @Nullable CompactJws jws, @Nullable JsonNode json) {}

    /** Reads just enough of the input to tell an Open Badges 2.0 document; never throws. */
    public static Sniff sniff(String text) {
        CompactJws jws = null;
        try {
            String t = text.strip();
            if (isHttp(t) && t.length() < 2048 && t.chars().noneMatch(Character::isWhitespace)) {
                return new Sniff(true, null, null); // a hosted assertion URL baked into an image
            }
            JsonNode node;
            if (t.startsWith("eyJ")) { // a compact JWS: parse checks its length and shape, or throws
                jws = CompactJws.parse(t);
                node = Json.parse(jws.payload());
            } else if (t.startsWith("{")) {
                node = Json.parse(t);
            } else {
                return new Sniff(false, null, null);
            }
            boolean ob2 = node instanceof ObjectNode obj
                    && (isOb2Context(obj.get("@context")) || LegacyUpgrade.version(obj, null) != null);
            return new Sniff(ob2, jws, node);
        } catch (BadgeException | JwtException | RuntimeException e) {
            return new Sniff(false, jws, null);
        }
    }

    private static boolean isOb2Context(@Nullable JsonNode ctx) {
        if (ctx == null) {
            return false;
        }
        if (ctx.isTextual()) {
            String u = ctx.asText();
            return u.startsWith("https://w3id.org/openbadges") || u.startsWith("https://openbadgespec.org/");
        }
        if (ctx.isArray()) {
            JsonNode first = ctx.size() > 0 ? ctx.get(0) : null;
            if (first != null && first.isTextual() && first.asText().startsWith("https://www.w3.org/")) {
                return false; // a verifiable credential that merely uses OB terms
            }
            for (JsonNode e : ctx) {
                if (isOb2Context(e)) {
                    return true;
                }
            }
            return false;
        }
        if (ctx.isObject()) {
            JsonNode obi = ctx.get("obi");
            return obi != null && OB2_VOCAB.equals(obi.asText());
        }
        return false;
    }

    /**
     * Verifies an OB 2.0 document and adds its checks to {@code report}.
     *
     * @param report the report builder (already holding the {@code format} check)
     * @param text the JSON document or compact JWS
     * @param fetcher the caller's fetcher (may refuse everything)
     * @param now the instant of verification
     * @param skew tolerance on dates
     * @return the built report
     */
    public static VerificationReport verify(VerificationReport.Builder report, String text, Fetcher fetcher,
            Instant now, Duration skew) {
        return verify(report, text, fetcher, now, skew, null);
    }

    /**
     * As {@link #verify(VerificationReport.Builder, String, Fetcher, Instant, Duration)}, comparing the
     * recipient with an expected identity.
     *
     * @param expectedRecipient the identity the badge must be awarded to,
     *     or null to skip the {@code recipient} check
     * @return the built report
     */
    public static VerificationReport verify(VerificationReport.Builder report, String text, Fetcher fetcher,
            Instant now, Duration skew, @Nullable ExpectedRecipient expectedRecipient) {
        return verify(report, text, fetcher, now, skew, expectedRecipient, 0, 2);
    }

    /**
     * As above, at an endorsement depth: the badge's Open Badges 2.0 endorsements are verified in
     * turn while {@code depth < maxDepth}.
     *
     * @param depth how deep this document is (0 for what the caller gave)
     * @param maxDepth how many levels of endorsements are verified
     * @return the built report
     */
    public static VerificationReport verify(VerificationReport.Builder report, String text, Fetcher fetcher,
            Instant now, Duration skew, @Nullable ExpectedRecipient expectedRecipient, int depth, int maxDepth) {
        Run run = new Run(report, fetcher, now, skew, depth, maxDepth, new Budget());
        run.expectedRecipient = expectedRecipient;
        return run.execute(text);
    }

    /** What verifying one endorsement gave. */
    private record Nested(VerificationReport report, boolean unreachable, boolean endorsement,
            @Nullable String claimId) {}

    /** The fetches left for a badge and all its endorsements. Confined to the calling thread. */
    private static final class Budget {
        int fetches;
    }

    /** Most documents fetched for a badge and all its endorsements together. */
    static final int MAX_TOTAL_FETCHES = 64;
    /** Most endorsements verified per badge (assertion, badge class and issuer together). */
    static final int MAX_ENDORSEMENTS = 16;

    /** The state of one verification. Confined to the calling thread. */
    private static final class Run {
        final VerificationReport.Builder report;
        final Fetcher fetcher;
        final Instant now;
        final Duration skew;
        final int depth;
        final int maxDepth;
        final Budget budget;
        String currentCheck = PARSE;
        @Nullable ExpectedRecipient expectedRecipient;
        int fetches;
        final List<String> fetchNotes = new ArrayList<>();
        @Nullable String fetchProblem;
        /** The input was a URL that could not be fetched. */
        boolean unreachable;
        /** The input URL and what it served (reused when the document's id is that URL). */
        @Nullable String inputUrl;
        Fetcher.@Nullable Response inputResponse;
        /** The version the input was upgraded from (0.5, 1.0, 1.1), or null. */
        @Nullable String legacyVersion;
        /** Set when the document is an Endorsement. */
        boolean isEndorsement;
        @Nullable String claimId;

        Run(VerificationReport.Builder report, Fetcher fetcher, Instant now, Duration skew, int depth, int maxDepth,
                Budget budget) {
            this.report = report;
            this.fetcher = fetcher;
            this.now = now;
            this.skew = skew;
            this.depth = depth;
            this.maxDepth = maxDepth;
            this.budget = budget;
        }

        VerificationReport execute(String text) {
            try {
                verify(text.strip());
            } catch (RuntimeException e) {
                fail(currentCheck, "The check could not be completed (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + "); the badge is not considered verified.");
            }
            return report.build();
        }

        void add(CheckResult r) {
            report.add(r);
        }

        void fail(String id, String message) {
            add(CheckResult.failed(id, message));
        }

        void pass(String id, String message) {
            add(CheckResult.passed(id, message));
        }

        void warn(String id, String message) {
            add(CheckResult.warning(id, message));
        }

        void skip(String id, String message) {
            add(CheckResult.skipped(id, message));
        }

        void skipRest(String reason, String... ids) {
            for (String id : ids) {
                skip(id, reason);
            }
        }

        void verify(String input) {
            String text = input;
            if (isHttp(text) && !text.startsWith("{")) {
                Fetcher.@Nullable Response r = tryFetch(text);
                if (r == null || !r.ok()) {
                    unreachable = true;
                    fail(PARSE, "The hosted " + (depth > 0 ? "endorsement" : "assertion") + " at " + text
                            + " cannot be fetched: " + (r == null ? fetchProblem : "HTTP " + r.status()));
                    return;
                }
                inputUrl = text;
                inputResponse = r;
                text = utf8(r.body()).strip();
            }
            ObjectNode doc;
            @Nullable CompactJws jws = null;
            try {
                if (CompactJws.looksLikeCompactJws(text)) {
                    jws = CompactJws.parse(text);
                    JsonNode p = Json.parse(jws.payload());
                    if (!(p instanceof ObjectNode o)) {
                        fail(PARSE, "The JWS payload is not a JSON object, so it cannot be an Open Badges 2.0 assertion.");
                        return;
                    }
                    doc = o;
                    pass(PARSE, "The input is a signed Open Badges 2.0 assertion (compact JWS).");
                } else {
                    JsonNode n = Json.parse(text);
                    if (!(n instanceof ObjectNode o)) {
                        fail(PARSE, "The input is JSON but not an object.");
                        return;
                    }
                    doc = o;
                    pass(PARSE, "The input is an Open Badges 2.0 JSON document.");
                }
            } catch (BadgeException | JwtException e) {
                fail(PARSE, "The input cannot be read: " + e.getMessage());
                return;
            }
            currentCheck = UPGRADE;
            java.util.Optional<LegacyUpgrade.Upgraded> upgraded = LegacyUpgrade.upgrade(doc, null, inputUrl);
            if (upgraded.isPresent()) {
                doc = upgraded.get().document();
                legacyVersion = upgraded.get().version();
                warn(UPGRADE, upgraded.get().summary() + ("0.5".equals(legacyVersion)
                        ? " It cannot be verified: Open Badges 0.5 has neither hosted nor signed verification." : ""));
            }
            String id = text(doc.get("id"));
            report.credentialId(id);
            currentCheck = CONTEXT;
            List<String> types = strings(doc.get("type"));
            if (!contextAndType(doc, types)) {
                skipRest("Not checked: the document is not a well-formed Open Badges 2.0 node.", SCHEMA, FETCH,
                        VERIFICATION, PROOF, KEY_BINDING, RECIPIENT, REVOCATION, VALIDITY);
                return;
            }
            currentCheck = SCHEMA;
            isEndorsement = types.contains("Endorsement");
            if (isEndorsement && doc.get("claim") != null) {
                claimId = text(doc.get("claim").get("id"));
            }
            String problem = types.contains("Assertion") ? assertionProblem(doc)
                    : isEndorsement ? endorsementProblem(doc) : null;
            if (problem != null) {
                fail(SCHEMA, problem);
                skipRest("Not checked: the assertion is malformed.", FETCH, VERIFICATION, PROOF, KEY_BINDING,
                        RECIPIENT, REVOCATION, VALIDITY);
                return;
            }
            if (types.contains("Assertion")) {
                pass(SCHEMA, "The assertion has its required properties (recipient, badge, verification, issuedOn).");
            } else if (isEndorsement) {
                pass(SCHEMA, "The endorsement has its required properties (claim with an id, issuer, verification,"
                        + " issuedOn).");
            } else {
                skip(SCHEMA, "Only an Assertion's required properties are checked.");
            }
            if (types.contains("Assertion") || isEndorsement) {
                assertion(doc, jws);
            } else {
                node(doc, types);
            }
        }

        /** The context and type rules. */
        boolean contextAndType(ObjectNode doc, List<String> types) {
            JsonNode ctx = doc.get("@context");
            List<JsonNode> entries = new ArrayList<>();
            if (ctx != null && ctx.isArray()) {
                ctx.forEach(entries::add);
            } else if (ctx != null) {
                entries.add(ctx);
            }
            for (JsonNode e : entries) {
                if (e.isTextual() && !BundledContexts.isBundled(e.asText())) {
                    fail(CONTEXT, "The @context " + e.asText() + " is not a known Open Badges 2.0 context, so the"
                            + " document's terms cannot be interpreted.");
                    return false;
                }
                if (!e.isTextual() && !e.isObject()) {
                    fail(CONTEXT, "The @context contains a value that is neither a URL nor an object.");
                    return false;
                }
            }
            JsonNode typeNode = doc.get("type");
            if (typeNode == null || types.isEmpty() || (typeNode.isArray() && types.size() != typeNode.size())) {
                fail(CONTEXT, "The document has no usable type (a non-empty string or array of strings is required).");
                return false;
            }
            for (String t : types) {
                if (!CLASSES.contains(t) && !isAbsoluteIri(t)) {
                    fail(CONTEXT, "The type \"" + t + "\" is not an Open Badges 2.0 class nor an absolute IRI.");
                    return false;
                }
            }
            pass(CONTEXT, "The document is an Open Badges 2.0 " + String.join(", ", types) + ".");
            return true;
        }

        /** @return why the assertion lacks a required property or has a forbidden value, or null */
        @Nullable String assertionProblem(ObjectNode a) {
            List<String> requiredProps = "0.5".equals(legacyVersion) ? List.of("recipient", "badge", "issuedOn")
                    : List.of("recipient", "badge", "verification", "issuedOn");
            for (String required : requiredProps) {
                JsonNode v = a.get(required);
                if (v == null || v.isNull()) {
                    return "The assertion lacks the required property " + required + ".";
                }
            }
            JsonNode r = a.get("recipient");
            if (!r.isObject() || text(r.get("identity")) == null || text(r.get("type")) == null) {
                return "The assertion's recipient must be an IdentityObject with a type and an identity.";
            }
            JsonNode image = a.get("image");
            String imageUrl = image == null ? null : image.isTextual() ? image.asText() : text(image.get("id"));
            if (imageUrl != null && imageUrl.regionMatches(true, 0, "data:", 0, 5)) {
                return "The Assertion's image is a data: URI; Open Badges 2.0 requires the Assertion image to be a URL"
                        + " (only a BadgeClass image may be a data URI).";
            }
            return null;
        }

        /** @return why the endorsement lacks a required property, or null */
        @Nullable String endorsementProblem(ObjectNode e) {
            for (String required : List.of("claim", "issuer", "verification", "issuedOn")) {
                JsonNode v = e.get(required);
                if (v == null || v.isNull()) {
                    return "The endorsement lacks the required property " + required + ".";
                }
            }
            if (!e.get("claim").isObject() || claimId == null) {
                return "The endorsement's claim must be an object with the id of the endorsed badge, issuer or assertion.";
            }
            return null;
        }

        /** A BadgeClass, Issuer or other node given directly: no signature; linked issuer is checked. */
        void node(ObjectNode doc, List<String> types) {
            currentCheck = FETCH;
            if (types.contains("BadgeClass")) {
                ObjectNode issuer = resolve(doc.get("issuer"), "issuer");
                if (issuer == null) {
                    fail(FETCH, "The BadgeClass's issuer cannot be obtained: " + fetchProblem);
                } else if (!isProfile(issuer)) {
                    fail(FETCH, "The BadgeClass's issuer " + text(issuer.get("id")) + " has type "
                            + strings(issuer.get("type")) + ", not Issuer or Profile.");
                } else {
                    report.issuerId(text(issuer.get("id")));
                    passOrWarnFetch("The BadgeClass's issuer profile was obtained.");
                }
            } else {
                skip(FETCH, "Nothing to fetch for an OB 2.0 " + String.join(", ", types) + ".");
            }
            String reason = "Not applicable: only an Assertion is verified, this document is an OB 2.0 "
                    + String.join(", ", types) + ".";
            skipRest(reason, VERIFICATION, PROOF, KEY_BINDING, RECIPIENT, REVOCATION, VALIDITY);
            currentCheck = EXTENSIONS;
            extensions(List.of(doc), List.of(String.join(", ", types)));
            currentCheck = ENDORSEMENTS;
            endorsements(List.of(doc), List.of(String.join(", ", types)));
        }

        /**
         * Validates the extension nodes of the given documents against their extension JSON Schemas:
         * failed when one does not validate, warning when one could not be checked.
         */
        void extensions(List<ObjectNode> docs, List<String> names) {
            List<String> failed = new ArrayList<>();
            List<String> unchecked = new ArrayList<>();
            List<String> passed = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                for (Ob2Extensions.Result r : Ob2Extensions.validate(docs.get(i), fetcher)) {
                    String m = "In the " + names.get(i) + ": " + r.message();
                    switch (r.outcome()) {
                        case PASSED -> passed.add(m);
                        case FAILED -> failed.add(m);
                        case UNCHECKED -> unchecked.add(m);
                    }
                }
            }
            if (!failed.isEmpty()) {
                fail(EXTENSIONS, String.join(" ", failed) + (unchecked.isEmpty() ? "" : " " + String.join(" ", unchecked)));
            } else if (!unchecked.isEmpty()) {
                warn(EXTENSIONS, String.join(" ", unchecked) + (passed.isEmpty() ? "" : " " + String.join(" ", passed)));
            } else if (!passed.isEmpty()) {
                pass(EXTENSIONS, String.join(" ", passed));
            } else {
                skip(EXTENSIONS, "The badge carries no Open Badges 2.0 extension nodes.");
            }
        }

        void passOrWarnFetch(String message) {
            if (fetchNotes.isEmpty()) {
                pass(FETCH, message);
            } else {
                warn(FETCH, message + " " + String.join(" ", fetchNotes));
            }
        }

        void assertion(ObjectNode a, @Nullable CompactJws jws) {
            currentCheck = FETCH;
            String id = text(a.get("id"));
            JsonNode verification = a.get("verification");
            String vtype = verification == null ? null
                    : verification.isTextual() ? verification.asText() : text(verification.get("type"));
            boolean signed = jws != null || "signed".equalsIgnoreCase(vtype) || "SignedBadge".equals(vtype);
            Fetcher.@Nullable Response hostedCopy = null;
            if (!signed && id != null && isHttp(id)) {
                hostedCopy = tryFetch(id);
            }
            String what = isEndorsement ? "endorsement" : "assertion";
            ObjectNode badge = isEndorsement ? a : resolve(a.get("badge"), "badge (BadgeClass)");
            ObjectNode issuer = null;
            if (isEndorsement) {
                issuer = resolve(a.get("issuer"), "issuer");
            } else if (badge != null) {
                if (!strings(badge.get("type")).contains("BadgeClass")) {
                    fail(FETCH, "The assertion's badge " + text(badge.get("id")) + " is not a BadgeClass (type "
                            + strings(badge.get("type")) + ").");
                    skipRest("Not checked: the badge class is invalid.", VERIFICATION, PROOF, KEY_BINDING, RECIPIENT,
                            REVOCATION, VALIDITY);
                    return;
                }
                issuer = resolve(badge.get("issuer"), "issuer");
            }
            if (badge == null || issuer == null) {
                fail(FETCH, "The " + what + "'s " + (badge == null ? "BadgeClass" : "issuer") + " cannot be obtained: "
                        + fetchProblem);
                skipRest("Not checked: the badge class or issuer is missing.", VERIFICATION, PROOF, KEY_BINDING,
                        RECIPIENT, REVOCATION, VALIDITY);
                return;
            }
            if (!isProfile(issuer)) {
                fail(FETCH, "The issuer " + text(issuer.get("id")) + " has type " + strings(issuer.get("type"))
                        + ", not Issuer or Profile.");
                skipRest("Not checked: the issuer is invalid.", VERIFICATION, PROOF, KEY_BINDING, RECIPIENT,
                        REVOCATION, VALIDITY);
                return;
            }
            String issuerId = text(issuer.get("id"));
            report.issuerId(issuerId);
            if (issuerId == null || !isHttp(issuerId)) {
                fetchNotes.add("The issuer id (" + issuerId + ") is not an HTTP(S) URL, so it cannot be checked"
                        + " against where the issuer profile is published.");
            }
            boolean revokedByServer = false;
            boolean confirmedByServer = false;
            if (hostedCopy != null) {
                if (hostedCopy.status() == 410) {
                    revokedByServer = true;
                } else if (hostedCopy.ok()) {
                    ObjectNode served = parseObject(hostedCopy);
                    if (served != null && legacyVersion != null) {
                        served = LegacyUpgrade.upgrade(served, null, id).map(LegacyUpgrade.Upgraded::document).orElse(served);
                    }
                    if (served == null || !id.equals(text(served.get("id")))) {
                        fail(FETCH, "The document served at the " + what + "'s id " + id + " is not this " + what + ".");
                        skipRest("Not checked: the hosted copy differs.", VERIFICATION, PROOF, KEY_BINDING, RECIPIENT,
                                REVOCATION, VALIDITY);
                        return;
                    }
                    if (served.path("revoked").asBoolean(false)) {
                        revokedByServer = true;
                    }
                    confirmedByServer = true;
                } else {
                    fetchNotes.add("The " + what + " could not be fetched at its own id " + id + " (HTTP "
                            + hostedCopy.status() + "); the copy supplied was checked instead.");
                }
            } else if (!signed && !"0.5".equals(legacyVersion)) {
                fetchNotes.add("The " + what + " was not fetched at its own id " + id + " (" + fetchProblem
                        + "); the copy supplied was checked instead.");
            }
            passOrWarnFetch(isEndorsement ? "The endorsement's issuer profile was obtained."
                    : "The BadgeClass and the issuer profile were obtained.");

            currentCheck = VERIFICATION;
            if ("0.5".equals(legacyVersion)) {
                fail(VERIFICATION, "An Open Badges 0.5 assertion has no verification method: it can be neither"
                        + " confirmed by its issuer (hosted) nor checked against a signature, so it cannot be"
                        + " authenticated.");
                skipRest("Not possible for an Open Badges 0.5 assertion (no hosted or signed verification).", PROOF,
                        KEY_BINDING);
            } else if (signed) {
                signed(a, jws, issuer, issuerId);
            } else {
                hosted(a, id, issuer, confirmedByServer || revokedByServer);
            }
            currentCheck = RECIPIENT;
            if (isEndorsement) {
                skip(RECIPIENT, "An endorsement has no recipient: what it endorses is checked by the badge it is attached to.");
            } else {
                add(Ob2Recipient.check(a.get("recipient"), expectedRecipient));
            }
            currentCheck = REVOCATION;
            revocation(a, id, issuer, signed, revokedByServer);
            currentCheck = VALIDITY;
            validity(a);
            currentCheck = EXTENSIONS;
            List<ObjectNode> parts = isEndorsement ? List.of(a, issuer) : List.of(a, badge, issuer);
            List<String> names = isEndorsement ? List.of("endorsement", "issuer") : List.of("assertion", "badge class", "issuer");
            extensions(parts, names);
            currentCheck = ENDORSEMENTS;
            endorsements(parts, names);
        }

        /** An endorsement reference (URL, embedded object or JWS) and where it is attached. */
        private record Found(JsonNode endorsement, @Nullable String target, String where) {}

        /**
         * Verifies the Open Badges 2.0 endorsements of the given parts (hosted or signed like an
         * assertion, fetched through the fetcher), one nested report each, up to the depth limit.
         * Each must verify and its {@code claim.id} must name the object it is attached to (a claim
         * on another part of the same badge is accepted with a warning, as the 1EdTech validator's
         * fixtures attach badge-class endorsements to the assertion). One that cannot be fetched is
         * a warning; one that does not verify, or endorses something else, fails the check.
         */
        void endorsements(List<ObjectNode> parts, List<String> names) {
            List<Found> found = new ArrayList<>();
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            for (int i = 0; i < parts.size(); i++) {
                ObjectNode part = parts.get(i);
                String target = text(part.get("id"));
                if (target != null) {
                    ids.add(target);
                }
                JsonNode e = part.get("endorsement");
                if (e != null && e.isArray()) {
                    for (JsonNode x : e) {
                        found.add(new Found(x, target, names.get(i)));
                    }
                } else if (e != null && !e.isNull()) {
                    found.add(new Found(e, target, names.get(i)));
                }
            }
            if (found.isEmpty()) {
                skip(ENDORSEMENTS, "The " + (isEndorsement ? "endorsement" : "badge") + " carries no endorsements.");
                return;
            }
            if (depth >= maxDepth) {
                skip(ENDORSEMENTS, "Not checked: " + found.size() + " endorsement(s) lie deeper than the configured limit of "
                        + maxDepth + " level(s).");
                return;
            }
            int checked = Math.min(found.size(), MAX_ENDORSEMENTS);
            int invalid = 0;
            int unverifiable = 0;
            List<String> reasons = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < checked; i++) {
                Found f = found.get(i);
                JsonNode e = f.endorsement();
                String label = "endorsement " + (i + 1) + " of the " + f.where();
                if (!e.isTextual() && !e.isObject()) {
                    invalid++;
                    reasons.add(label + " is neither a URL nor an object");
                    continue;
                }
                Nested n = nested(e.isTextual() ? e.asText() : Json.write(e));
                report.addEndorsement(n.report());
                label += n.report().credentialId().map(x -> " (" + x + ")").orElse("");
                if (n.unreachable()) {
                    unverifiable++;
                    notes.add(label + " could not be fetched, so it was not verified");
                } else if (!n.report().isValid()) {
                    invalid++;
                    reasons.add(label + ": " + n.report().failures().get(0).message());
                } else if (!n.endorsement()) {
                    invalid++;
                    reasons.add(label + " is not an Open Badges 2.0 Endorsement");
                } else if (f.target() != null && f.target().equals(n.claimId())) {
                    continue;
                } else if (n.claimId() != null && ids.contains(n.claimId())) {
                    notes.add(label + " endorses " + n.claimId() + ", another part of this badge, not the " + f.where()
                            + " it is attached to");
                } else {
                    invalid++;
                    reasons.add(label + " endorses " + n.claimId() + ", which is not part of this badge (it is attached to "
                            + f.target() + ")");
                }
            }
            String more = found.size() > checked ? " Only the first " + checked + " of " + found.size() + " were verified." : "";
            String extra = notes.isEmpty() ? "" : " Note: " + String.join("; ", notes) + ".";
            if (invalid > 0) {
                fail(ENDORSEMENTS, invalid + " of " + checked + " endorsement(s) do not verify: " + String.join("; ", reasons)
                        + "." + extra + more);
            } else if (unverifiable > 0 || !notes.isEmpty() || !more.isEmpty()) {
                warn(ENDORSEMENTS, "The " + (checked - unverifiable) + " endorsement(s) checked verify." + extra + more);
            } else {
                pass(ENDORSEMENTS, "All " + checked + " Open Badges 2.0 endorsement(s) verify and endorse what they are"
                        + " attached to.");
            }
        }

        /** Verifies one endorsement one level deeper, sharing this badge's fetch budget. */
        Nested nested(String text) {
            String t = text.strip();
            VerificationReport.Format format = CompactJws.looksLikeCompactJws(t) ? VerificationReport.Format.JWT
                    : VerificationReport.Format.JSON;
            VerificationReport.Builder b = VerificationReport.builder(format);
            b.add(CheckResult.passed("format", isHttp(t) && !t.startsWith("{")
                    ? "An Open Badges 2.0 endorsement referenced by URL." : "An embedded Open Badges 2.0 endorsement ("
                    + format.jsonName() + ")."));
            Run run = new Run(b, fetcher, now, skew, depth + 1, maxDepth, budget);
            VerificationReport r = run.execute(t);
            return new Nested(r, run.unreachable, run.isEndorsement, run.claimId);
        }

        void hosted(ObjectNode a, @Nullable String id, ObjectNode issuer, boolean confirmed) {
            if (id == null || !isHttp(id)) {
                fail(VERIFICATION, "A hosted assertion must have an HTTP(S) id, found " + id + ".");
            } else {
                JsonNode v = issuer.get("verification");
                List<String> starts = v == null ? List.of() : strings(v.get("startsWith"));
                List<String> origins = v == null ? List.of() : strings(v.get("allowedOrigins"));
                String host = URI.create(id).getHost();
                if (!starts.isEmpty()) {
                    if (starts.stream().anyMatch(id::startsWith)) {
                        pass(VERIFICATION, "Hosted assertion; its id " + id + " starts with one of the issuer's"
                                + " allowed prefixes " + starts + ".");
                    } else {
                        fail(VERIFICATION, "Hosted assertion whose id " + id + " starts with none of the issuer's"
                                + " allowed prefixes " + starts + ".");
                    }
                } else if (!origins.isEmpty()) {
                    if (host != null && origins.stream().anyMatch(o -> o.equalsIgnoreCase(host))) {
                        pass(VERIFICATION, "Hosted assertion; its host " + host + " is one of the issuer's allowed"
                                + " origins " + origins + ".");
                    } else {
                        fail(VERIFICATION, "Hosted assertion whose host " + host + " is not one of the issuer's"
                                + " allowed origins " + origins + ".");
                    }
                } else {
                    String issuerId = text(issuer.get("id"));
                    String issuerHost = issuerId != null && isHttp(issuerId) ? URI.create(issuerId).getHost() : null;
                    if (issuerHost == null) {
                        warn(VERIFICATION, "Hosted assertion; the issuer id is not an HTTP(S) URL and declares no"
                                + " verification scope, so the host " + host + " could not be checked.");
                    } else if (issuerHost.equalsIgnoreCase(host)) {
                        pass(VERIFICATION, "Hosted assertion on the issuer's own host " + host + ".");
                    } else {
                        fail(VERIFICATION, "Hosted assertion on host " + host + ", which is not the issuer's host "
                                + issuerHost + " and the issuer allows no other origin.");
                    }
                }
            }
            if (confirmed) {
                pass(PROOF, "Hosted assertion: the issuer's server answers for it at its id " + id + ".");
            } else {
                warn(PROOF, "Hosted assertion NOT confirmed by the issuer's server (it could not be fetched at its id "
                        + id + "): the copy supplied is not authenticated, only checked for consistency.");
            }
            skip(KEY_BINDING, "Hosted assertion: there is no signing key.");
        }

        void signed(ObjectNode a, @Nullable CompactJws jws, ObjectNode issuer, @Nullable String issuerId) {
            if (jws == null) {
                fail(VERIFICATION, "The assertion declares signed verification but was not given as a JWS, so its"
                        + " signature cannot be checked.");
                skipRest("Not checked: no signature.", PROOF, KEY_BINDING);
                return;
            }
            pass(VERIFICATION, "Signed assertion (compact JWS).");
            currentCheck = PROOF;
            String alg = jws.headerText("alg");
            if (!"RS256".equals(alg)) {
                fail(PROOF, "The JWS algorithm is " + alg + "; Open Badges 2.0 signed assertions use RS256.");
                skip(KEY_BINDING, "Not checked: the signature was not verified.");
                return;
            }
            JsonNode v = a.get("verification");
            String creator = v != null && v.isObject() ? text(v.get("creator")) : null;
            List<String> issuerKeys = strings(issuer.get("publicKey"));
            JsonNode pk = issuer.get("publicKey");
            if (pk != null && pk.isObject()) {
                issuerKeys = new ArrayList<>(issuerKeys);
                String kid = text(pk.get("id"));
                if (kid != null) {
                    issuerKeys.add(kid);
                }
            }
            String keyRef = creator != null ? creator : issuerKeys.isEmpty() ? null : issuerKeys.get(0);
            if (keyRef == null) {
                fail(PROOF, "Neither verification.creator nor the issuer's publicKey names a key to check the signature.");
                skip(KEY_BINDING, "Not checked: no key.");
                return;
            }
            ObjectNode key = pk != null && pk.isObject() && keyRef.equals(text(pk.get("id"))) ? (ObjectNode) pk
                    : resolve(com.fasterxml.jackson.databind.node.TextNode.valueOf(keyRef), "key");
            boolean legacyPem = false;
            if (key == null && legacyVersion != null) {
                key = legacyPemKey(keyRef);
                legacyPem = key != null;
            }
            if (key == null) {
                fail(PROOF, "The signing key " + keyRef + " cannot be obtained: " + fetchProblem);
                skip(KEY_BINDING, "Not checked: no key.");
                return;
            }
            RSAPublicKey rsa = rsaKey(text(key.get("publicKeyPem")));
            if (rsa == null) {
                fail(PROOF, "The key " + keyRef + " has no usable RSA publicKeyPem.");
                skip(KEY_BINDING, "Not checked: no key.");
                return;
            }
            if (!RsaOps.verify(rsa, jws.signingInput(), jws.signature())) {
                fail(PROOF, "The JWS signature does not verify with the key " + keyRef + ".");
                skip(KEY_BINDING, "Not checked: the signature did not verify.");
                return;
            }
            pass(PROOF, "The RS256 signature verifies with the key " + keyRef + ".");
            currentCheck = KEY_BINDING;
            String owner = text(key.get("owner"));
            if (legacyPem) {
                String issuerUrl = text(issuer.get("url"));
                String issuerHost = issuerUrl != null && isHttp(issuerUrl) ? URI.create(issuerUrl).getHost()
                        : issuerId != null && isHttp(issuerId) ? URI.create(issuerId).getHost() : null;
                String keyHost = URI.create(keyRef).getHost();
                if (issuerHost != null && issuerHost.equalsIgnoreCase(keyHost)) {
                    pass(KEY_BINDING, "Open Badges " + legacyVersion + " signed assertion: the PEM key " + keyRef
                            + " is published on the issuer's origin " + issuerHost + ".");
                } else {
                    fail(KEY_BINDING, "Open Badges " + legacyVersion + " signed assertion: the PEM key " + keyRef
                            + " is not published on the issuer's origin (" + issuerHost + ").");
                }
            } else if (owner == null || !owner.equals(issuerId)) {
                fail(KEY_BINDING, "The key " + keyRef + " belongs to " + owner + ", not to the issuer " + issuerId + ".");
            } else if (!issuerKeys.contains(keyRef)) {
                fail(KEY_BINDING, "The issuer " + issuerId + " does not list the key " + keyRef + " in its publicKey.");
            } else {
                pass(KEY_BINDING, "The key " + keyRef + " is owned by the issuer " + issuerId + ", which lists it.");
            }
        }

        void revocation(ObjectNode a, @Nullable String id, ObjectNode issuer, boolean signed, boolean revokedByServer) {
            if (revokedByServer || a.path("revoked").asBoolean(false)) {
                String reason = text(a.get("revocationReason"));
                fail(REVOCATION, "The assertion has been revoked by its issuer"
                        + (reason == null ? "." : ": " + reason + "."));
                return;
            }
            if ("0.5".equals(legacyVersion)) {
                skip(REVOCATION, "Open Badges 0.5 has no revocation mechanism.");
                return;
            }
            if (!signed) {
                pass(REVOCATION, "The hosted assertion is not marked revoked.");
                return;
            }
            JsonNode rl = issuer.get("revocationList");
            if (rl == null) {
                pass(REVOCATION, "The issuer publishes no revocation list.");
                return;
            }
            ObjectNode list = resolve(rl, "revocation list");
            if (list == null) {
                fail(REVOCATION, "The issuer's revocation list cannot be obtained (" + fetchProblem
                        + "), so the assertion cannot be shown not to be revoked.");
                return;
            }
            if (!strings(list.get("type")).contains("RevocationList")) {
                fail(REVOCATION, "The issuer's revocation list document is not a RevocationList.");
                return;
            }
            String uid = text(a.get("uid"));
            JsonNode revoked = list.get("revokedAssertions");
            if (revoked != null && revoked.isArray()) {
                for (JsonNode e : revoked) {
                    String rid = e.isTextual() ? e.asText() : text(e.get("id"));
                    String ruid = e.isObject() ? text(e.get("uid")) : null;
                    if ((rid != null && rid.equals(id)) || (ruid != null && ruid.equals(uid))
                            || (rid != null && rid.equals(uid))) {
                        String reason = e.isObject() ? text(e.get("revocationReason")) : null;
                        fail(REVOCATION, "The assertion is listed in the issuer's revocation list"
                                + (reason == null ? "." : ": " + reason + "."));
                        return;
                    }
                }
            }
            pass(REVOCATION, "The assertion is not in the issuer's revocation list.");
        }

        void validity(ObjectNode a) {
            Instant issued;
            Instant expires;
            try {
                issued = date(a.get("issuedOn"), "issuedOn");
                expires = date(a.get("expires"), "expires");
            } catch (IllegalArgumentException e) {
                fail(VALIDITY, e.getMessage());
                return;
            }
            if (issued == null) {
                fail(VALIDITY, "The assertion has no issuedOn date.");
                return;
            }
            if (expires != null && expires.isBefore(issued)) {
                fail(VALIDITY, "The assertion expires (" + expires + ") before it was issued (" + issued + ").");
                return;
            }
            if (issued.isAfter(now.plus(skew))) {
                fail(VALIDITY, "The assertion is issued in the future: issuedOn is " + issued + ", and it is now " + now + ".");
                return;
            }
            if (expires != null && expires.isBefore(now.minus(skew))) {
                fail(VALIDITY, "The assertion has expired: expires was " + expires + ", and it is now " + now + ".");
                return;
            }
            pass(VALIDITY, "Issued on " + issued + (expires == null ? ", no expiry." : ", expires " + expires + "."));
        }

        /** An Open Badges 1.x key: a PEM document at the URL (not JSON); null when it is not one. */
        @Nullable ObjectNode legacyPemKey(String url) {
            if (!isHttp(url)) {
                return null;
            }
            Fetcher.Response r = tryFetch(url);
            if (r == null || !r.ok() || r.body().length > 16_384) {
                return null;
            }
            String pem = utf8(r.body()).strip();
            if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")) {
                return null;
            }
            ObjectNode key = Json.mapper().createObjectNode();
            key.put("id", url);
            key.put("publicKeyPem", pem);
            return key;
        }

        /** An embedded node, or the document fetched at a URL; null (with {@link #fetchProblem}) when neither. */
        @Nullable ObjectNode resolve(@Nullable JsonNode ref, String what) {
            if (ref == null || ref.isNull()) {
                fetchProblem = "the " + what + " is missing.";
                return null;
            }
            if (ref.isObject()) {
                return (ObjectNode) ref;
            }
            if (!ref.isTextual()) {
                fetchProblem = "the " + what + " is neither a URL nor an object.";
                return null;
            }
            String url = ref.asText();
            if (!isHttp(url)) {
                fetchProblem = "the " + what + " reference " + url + " is not an HTTP(S) URL.";
                return null;
            }
            Fetcher.Response r = tryFetch(url);
            if (r == null) {
                return null;
            }
            if (!r.ok()) {
                fetchProblem = "fetching the " + what + " at " + url + " gave HTTP " + r.status() + ".";
                return null;
            }
            ObjectNode o = parseObject(r);
            if (o == null) {
                fetchProblem = "the " + what + " at " + url + " is not a JSON object.";
                return null;
            }
            LegacyUpgrade.Kind kind = what.startsWith("badge") ? LegacyUpgrade.Kind.BADGE_CLASS
                    : what.equals("issuer") ? LegacyUpgrade.Kind.ISSUER
                    : what.equals("revocation list") ? LegacyUpgrade.Kind.REVOCATION_LIST : null;
            if (kind != null) {
                java.util.Optional<LegacyUpgrade.Upgraded> up = LegacyUpgrade.upgrade(o, kind, url);
                if (up.isPresent()) {
                    o = up.get().document();
                    fetchNotes.add("The " + what + " at " + url + " is an " + up.get().summary());
                }
            }
            String served = text(o.get("id"));
            if (served != null && !served.equals(url)) {
                fetchNotes.add("The " + what + " fetched at " + url + " declares a different id (" + served + ").");
            }
            return o;
        }

        Fetcher.@Nullable Response tryFetch(String url) {
            if (url.equals(inputUrl) && inputResponse != null) {
                return inputResponse; // the document given by URL, asked again at its own id
            }
            if (++budget.fetches > MAX_TOTAL_FETCHES) {
                fetchProblem = "more than " + MAX_TOTAL_FETCHES + " documents would be fetched for one badge and its"
                        + " endorsements; " + url + " was not fetched.";
                return null;
            }
            if (++fetches > MAX_FETCHES) {
                fetchProblem = "more than " + MAX_FETCHES + " documents would be fetched for one badge; " + url
                        + " was not fetched.";
                return null;
            }
            try {
                return fetcher.fetch(URI.create(url));
            } catch (BadgeException e) {
                fetchProblem = e.code() == BadgeException.Code.FETCH_REFUSED
                        ? "fetching " + url + " is not allowed (no fetcher configured for it)."
                        : "fetching " + url + " failed: " + e.getMessage();
                return null;
            } catch (IllegalArgumentException e) {
                fetchProblem = url + " is not a valid URL.";
                return null;
            }
        }
    }

    static @Nullable ObjectNode parseObject(Fetcher.Response r) {
        try {
            return Json.parse(r.body()) instanceof ObjectNode o ? o : null;
        } catch (BadgeException e) {
            return null;
        }
    }

    static boolean isProfile(ObjectNode issuer) {
        List<String> t = strings(issuer.get("type"));
        return t.contains("Issuer") || t.contains("Profile");
    }

    /** Parses an RSA public key from PEM (SubjectPublicKeyInfo); null when it is not one. */
    static @Nullable RSAPublicKey rsaKey(@Nullable String pem) {
        if (pem == null || pem.length() > 16_384) {
            return null;
        }
        String b64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(b64);
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)) instanceof RSAPublicKey k
                    ? k : null;
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable Instant date(@Nullable JsonNode n, String name) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("The " + name + " date is not a string.");
        }
        String s = n.asText().toUpperCase(Locale.ROOT);
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("The " + name + " date \"" + n.asText() + "\" is not an ISO 8601 date-time.");
            }
        }
    }

    static boolean isHttp(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("https://") || l.startsWith("http://");
    }

    static boolean isAbsoluteIri(String s) {
        int colon = s.indexOf(':');
        return colon > 0 && s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*") && !s.contains(" ");
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
