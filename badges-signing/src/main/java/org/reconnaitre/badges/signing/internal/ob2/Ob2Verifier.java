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
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.internal.jwt.CompactJws;
import org.reconnaitre.badges.signing.internal.jwt.JwtException;

/**
 * Verifies an Open Badges 2.0 credential: a hosted or signed (compact JWS, RS256) Assertion, or an
 * Endorsement. Any other OB 2.0 node (a Profile, a BadgeClass, a CryptographicKey, a RevocationList,
 * an Extension...) is refused at {@code context-and-type} as not a credential. Linked documents are
 * fetched only through the caller's fetcher. Checks, in order: {@code parse},
 * {@code context-and-type}, {@code schema}, {@code ob2-fetch}, {@code ob2-verification},
 * {@code proof}, {@code key-binding}, {@code recipient}, {@code revocation},
 * {@code validity-period}, {@code ob2-extensions} (extension nodes against their extension's JSON
 * Schema), {@code endorsements}; an OB 0.5 / 1.0 / 1.1 document is upgraded to 2.0 first and gets
 * an {@code ob2-upgrade} warning after {@code parse} saying what changed.
 *
 * <p>The trust model: the issuer's server is the source of truth.
 * <ul>
 *   <li>The issuer profile is always fetched from its id (an issuer object embedded in the badge
 *       class counts only for its id) and is trusted only when it declares that URL as its id.</li>
 *   <li>Hosted: the assertion is fetched from its id; if it cannot be (offline, refused, 404, 500,
 *       an error), it is not valid and {@code ob2-fetch} says which origin to allow. The copy given
 *       must equal the served one as parsed JSON (key order and whitespace aside). Its id must lie
 *       within the issuer's verification policy ({@code startsWith}, else {@code allowedOrigins},
 *       else the issuer id's host).</li>
 *   <li>Signed: the key is fetched from {@code verification.creator} (or a key URL the fetched
 *       profile lists), never taken from an object in the payload; the key document must declare
 *       that URL as its id and the issuer as its owner, the profile must list it, and the key URL
 *       must lie within the issuer's verification policy.</li>
 *   <li>Whatever could not be checked fails: a revocation list the issuer declares but that cannot be
 *       fetched, an extension whose schema cannot be obtained, an endorsement that cannot be fetched,
 *       lies deeper than the limit or claims another object than the one it is attached to.</li>
 * </ul>
 * So offline an OB 2.0 assertion is never valid. Never throws for bad input. Stateless and
 * thread-safe. Internal.
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
        /** The document as given (or as served at the input URL), before any legacy upgrade. */
        @Nullable ObjectNode rawDoc;
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
            rawDoc = doc;
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
                skipRest("Not checked: the document is not a well-formed Open Badges 2.0 credential.", SCHEMA, FETCH,
                        VERIFICATION, PROOF, KEY_BINDING, RECIPIENT, REVOCATION, VALIDITY);
                return;
            }
            isEndorsement = types.contains("Endorsement");
            currentCheck = SCHEMA;
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
            } else {
                pass(SCHEMA, "The endorsement has its required properties (claim with an id, issuer, verification,"
                        + " issuedOn).");
            }
            assertion(doc, jws);
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
            if (!types.contains("Assertion") && !types.contains("Endorsement")) {
                refuse(types);
                return false;
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

        /**
         * Any Open Badges 2.0 node other than an Assertion or an Endorsement (a Profile, a BadgeClass,
         * a CryptographicKey, a RevocationList, an Extension...) describes something but awards nothing:
         * it is refused as not a credential, never reported valid.
         */
        void refuse(List<String> types) {
            String kind = String.join(", ", types);
            fail(CONTEXT, "The document is an Open Badges 2.0 " + kind + ", not a credential: only an Assertion (a badge"
                    + " awarded to a recipient) or an Endorsement can be verified. Such a node describes a badge, an"
                    + " issuer or a key and proves nothing on its own; give the verifier the Assertion instead.");
        }

        /**
         * Validates the extension nodes of the given documents against their extension JSON Schemas:
         * failed when one does not validate or could not be checked (its context or schema could not
         * be obtained), since an unchecked extension is a claim nobody verified.
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
                fail(EXTENSIONS, String.join(" ", unchecked) + " An extension that could not be checked is not verified:"
                        + " allow its context and schema hosts in the fetcher to check it."
                        + (passed.isEmpty() ? "" : " " + String.join(" ", passed)));
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
            String what = isEndorsement ? "endorsement" : "assertion";
            String[] rest = {VERIFICATION, PROOF, KEY_BINDING, RECIPIENT, REVOCATION, VALIDITY};
            boolean revokedByServer = false;
            if (!signed && !"0.5".equals(legacyVersion)) {
                // hosted: the issuer's server is the source of truth; a copy it does not serve is not valid
                if (id == null || !isHttp(id)) {
                    fail(FETCH, "A hosted " + what + " must have the HTTP(S) URL at which its issuer serves it as its id;"
                            + " found " + id + ", so it cannot be confirmed by its issuer.");
                    skipRest("Not checked: the " + what + " cannot be confirmed by its issuer.", rest);
                    return;
                }
                Fetcher.@Nullable Response served = tryFetch(id);
                if (served == null) {
                    unconfirmed(what, id, fetchProblem, rest);
                    return;
                }
                if (served.status() == 410) {
                    revokedByServer = true;
                } else if (!served.ok()) {
                    unconfirmed(what, id, "the issuer's server answered HTTP " + served.status() + " for " + id
                            + ", so it does not (or no longer) vouch for it.", rest);
                    return;
                } else {
                    ObjectNode copy = parseObject(served);
                    if (copy == null) {
                        fail(FETCH, "The document served at the " + what + "'s id " + id + " is not a JSON object, so it"
                                + " is not this " + what + ".");
                        skipRest("Not checked: the " + what + " is not confirmed by its issuer.", rest);
                        return;
                    }
                    if (copy.path("revoked").asBoolean(false)) {
                        revokedByServer = true; // a revoked hosted assertion is often stripped to id and revoked
                        revocationReason = text(copy.get("revocationReason"));
                    } else if (!id.equals(text(copy.get("id"))) && !id.equals(upgradedId(copy, id))) {
                        fail(FETCH, "The document served at the " + what + "'s id " + id + " is not this " + what
                                + " (it declares the id " + text(copy.get("id")) + ").");
                        skipRest("Not checked: the " + what + " is not confirmed by its issuer.", rest);
                        return;
                    } else if (!copy.equals(rawDoc)) {
                        fail(FETCH, "The copy of the " + what + " supplied differs from the one its issuer serves at "
                                + id + " (" + firstDifference(rawDoc, copy) + "): only the issuer's copy is authentic.");
                        skipRest("Not checked: the supplied copy is not the issuer's.", rest);
                        return;
                    }
                }
            }
            ObjectNode badge = isEndorsement ? a : resolve(a.get("badge"), "badge (BadgeClass)");
            if (badge == null) {
                fail(FETCH, "The " + what + "'s BadgeClass cannot be obtained: " + fetchProblem);
                skipRest("Not checked: the badge class is missing.", rest);
                return;
            }
            if (!isEndorsement && !strings(badge.get("type")).contains("BadgeClass")) {
                fail(FETCH, "The assertion's badge " + text(badge.get("id")) + " is not a BadgeClass (type "
                        + strings(badge.get("type")) + ").");
                skipRest("Not checked: the badge class is invalid.", rest);
                return;
            }
            JsonNode issuerRef = isEndorsement ? a.get("issuer") : badge.get("issuer");
            String issuerId = issuerRef == null ? null : issuerRef.isTextual() ? issuerRef.asText()
                    : issuerRef.isObject() ? text(issuerRef.get("id")) : null;
            ObjectNode issuer = "0.5".equals(legacyVersion) && issuerRef != null && issuerRef.isObject()
                    ? (ObjectNode) issuerRef // reported only: a 0.5 assertion cannot be authenticated (failed below)
                    : issuerId == null ? null : trusted(issuerId, "issuer profile");
            if (issuer == null) {
                fail(FETCH, "The " + what + "'s issuer profile cannot be obtained from its own URL: "
                        + (issuerId == null ? "the issuer is missing or has no id." : fetchProblem)
                        + " The issuer profile is only trusted as served at its id, never as embedded in the badge.");
                skipRest("Not checked: the issuer profile is missing.", rest);
                return;
            }
            if (!isProfile(issuer)) {
                fail(FETCH, "The issuer " + issuerId + " has type " + strings(issuer.get("type"))
                        + ", not Issuer or Profile.");
                skipRest("Not checked: the issuer is invalid.", rest);
                return;
            }
            report.issuerId(issuerId);
            passOrWarnFetch(!signed && !"0.5".equals(legacyVersion)
                    ? "The " + what + " is served by its issuer at its id " + id + (revokedByServer ? " (marked revoked)"
                    : " and the copy supplied is that one") + "; the " + (isEndorsement ? "" : "BadgeClass and the ")
                    + "issuer profile were obtained from their URLs."
                    : (isEndorsement ? "The endorsement's issuer profile was obtained from its URL."
                    : "The BadgeClass and the issuer profile were obtained; the issuer profile from its own URL."));

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
                hosted(id, issuer, revokedByServer);
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

        /** The reason a revoked hosted copy gives, if any. */
        @Nullable String revocationReason;

        /** A hosted assertion its issuer's server did not confirm: fails, saying what to allow. */
        void unconfirmed(String what, String id, @Nullable String problem, String... rest) {
            fail(FETCH, "The hosted " + what + " could not be confirmed by its issuer's server at " + id + ": " + problem
                    + " A hosted " + what + " is only valid as its issuer serves it at its id: allow " + origin(id)
                    + " in the fetcher, and the issuer must serve the " + what + " there.");
            skipRest("Not checked: the " + what + " is not confirmed by its issuer.", rest);
        }

        /** The id a legacy document would have once upgraded (legacy copies declare it elsewhere), or null. */
        @Nullable String upgradedId(ObjectNode copy, String url) {
            if (legacyVersion == null) {
                return null;
            }
            return LegacyUpgrade.upgrade(copy, null, url).map(u -> text(u.document().get("id"))).orElse(null);
        }

        /** Fetches a JSON object from {@code url}, or null with {@link #fetchProblem} saying why not. */
        private @Nullable ObjectNode fetchObject(String url, String what) {
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
            }
            return o;
        }

        /**
         * A document trusted for the URL it is fetched from only: an HTTP(S) URL, fetched through the
         * fetcher, a JSON object whose declared {@code id} is that URL. Never an embedded object. Null
         * (with {@link #fetchProblem}) otherwise.
         */
        @Nullable ObjectNode trusted(String url, String what) {
            if (!isHttp(url)) {
                fetchProblem = "the " + what + " id " + url + " is not an HTTP(S) URL, so it cannot be fetched from the"
                        + " issuer.";
                return null;
            }
            ObjectNode o = fetchObject(url, what);
            if (o == null) {
                return null;
            }
            if (what.startsWith("issuer")) {
                java.util.Optional<LegacyUpgrade.Upgraded> up = LegacyUpgrade.upgrade(o, LegacyUpgrade.Kind.ISSUER, url);
                if (up.isPresent()) {
                    o = up.get().document();
                    fetchNotes.add("The issuer at " + url + " is an " + up.get().summary());
                }
            }
            String declared = text(o.get("id"));
            if (!url.equals(declared)) {
                fetchProblem = "the " + what + " served at " + url + " declares the id " + declared + "; a document is"
                        + " trusted only for the URL it is served at.";
                return null;
            }
            return o;
        }

        /** An endorsement reference (URL, embedded object or JWS) and where it is attached. */
        private record Found(JsonNode endorsement, @Nullable String target, String where) {}

        /**
         * Verifies the Open Badges 2.0 endorsements of the given parts (hosted or signed like an
         * assertion, fetched through the fetcher), one nested report each, up to the depth limit.
         * Each must verify in full and its {@code claim.id} must be the id of the object it is
         * attached to; otherwise it is reported as not endorsing it (and not listed among the
         * badge's endorsements when it verified but endorses something else). An endorsement that
         * could not be checked (unreachable, deeper than the limit, beyond the count limit) fails the
         * check: it is a claim nobody verified.
         */
        void endorsements(List<ObjectNode> parts, List<String> names) {
            List<Found> found = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                ObjectNode part = parts.get(i);
                String target = text(part.get("id"));
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
                fail(ENDORSEMENTS, "Not verified: " + found.size() + " endorsement(s) lie deeper than the configured limit"
                        + " of " + maxDepth + " level(s); raise maxEndorsementDepth to verify them.");
                return;
            }
            int checked = Math.min(found.size(), MAX_ENDORSEMENTS);
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < checked; i++) {
                Found f = found.get(i);
                JsonNode e = f.endorsement();
                String label = "endorsement " + (i + 1) + " of the " + f.where();
                if (!e.isTextual() && !e.isObject()) {
                    reasons.add(label + " is neither a URL nor an object");
                    continue;
                }
                Nested n = nested(e.isTextual() ? e.asText() : Json.write(e));
                label += n.report().credentialId().map(x -> " (" + x + ")").orElse("");
                boolean endorsesTarget = f.target() != null && f.target().equals(n.claimId());
                if (n.unreachable() || !n.endorsement() || !n.report().isValid() || endorsesTarget) {
                    report.addEndorsement(n.report());
                }
                if (n.unreachable()) {
                    reasons.add(label + " could not be fetched, so it was not verified ("
                            + n.report().failures().get(0).message() + ")");
                } else if (!n.endorsement()) {
                    reasons.add(label + " is not an Open Badges 2.0 Endorsement");
                } else if (!n.report().isValid()) {
                    reasons.add(label + ": " + n.report().failures().get(0).message());
                } else if (!endorsesTarget) {
                    reasons.add(label + " endorses " + n.claimId() + ", not the " + f.where() + " it is attached to ("
                            + f.target() + "), so it does not endorse it");
                }
            }
            String more = found.size() > checked ? " Only the first " + checked + " of " + found.size() + " were verified;"
                    + " the others were not." : "";
            if (!reasons.isEmpty() || !more.isEmpty()) {
                fail(ENDORSEMENTS, reasons.size() + " of " + checked + " endorsement(s) are not verified endorsements of"
                        + " what they are attached to" + (reasons.isEmpty() ? "." : ": " + String.join("; ", reasons) + ".")
                        + more);
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

        /** The hosted rules: the id lies within the issuer's verification policy and was served by it. */
        void hosted(@Nullable String id, ObjectNode issuer, boolean revokedByServer) {
            String problem = policyProblem(id, issuer, "hosted assertion's id");
            if (problem != null) {
                fail(VERIFICATION, "Hosted assertion: " + problem);
            } else {
                pass(VERIFICATION, "Hosted assertion; its id " + id + " lies within the issuer's verification policy ("
                        + policyText(issuer) + ").");
            }
            pass(PROOF, revokedByServer ? "Hosted assertion: the issuer's server answers for it at its id " + id
                    + " (as revoked)." : "Hosted assertion: the issuer's server serves this very assertion at its id "
                    + id + ".");
            skip(KEY_BINDING, "Hosted assertion: there is no signing key; the issuer's server vouches for it.");
        }

        /** @return why {@code url} lies outside the issuer's verification policy, or null when it lies within */
        @Nullable String policyProblem(@Nullable String url, ObjectNode issuer, String what) {
            if (url == null || !isHttp(url)) {
                return "the " + what + " " + url + " is not an HTTP(S) URL.";
            }
            JsonNode v = issuer.get("verification");
            List<String> starts = v == null ? List.of() : strings(v.get("startsWith"));
            List<String> origins = v == null ? List.of() : strings(v.get("allowedOrigins"));
            String host = host(url);
            if (!starts.isEmpty()) {
                return starts.stream().anyMatch(s -> !s.isEmpty() && url.startsWith(s)) ? null
                        : "the " + what + " " + url + " starts with none of the issuer's allowed prefixes " + starts + ".";
            }
            if (!origins.isEmpty()) {
                return host != null && origins.stream().anyMatch(o -> o.equalsIgnoreCase(host)) ? null
                        : "the " + what + " " + url + " is on host " + host + ", not one of the issuer's allowed origins "
                        + origins + ".";
            }
            String issuerHost = host(text(issuer.get("id")));
            if (issuerHost == null) {
                return "the issuer id is not an HTTP(S) URL and declares no verification policy, so the " + what + " "
                        + url + " cannot be shown to be the issuer's.";
            }
            return issuerHost.equalsIgnoreCase(host) ? null : "the " + what + " " + url + " is on host " + host
                    + ", which is not the issuer's host " + issuerHost + ", and the issuer allows no other origin.";
        }

        String policyText(ObjectNode issuer) {
            JsonNode v = issuer.get("verification");
            List<String> starts = v == null ? List.of() : strings(v.get("startsWith"));
            List<String> origins = v == null ? List.of() : strings(v.get("allowedOrigins"));
            return !starts.isEmpty() ? "startsWith " + starts : !origins.isEmpty() ? "allowedOrigins " + origins
                    : "the issuer's own host " + host(text(issuer.get("id")));
        }

        /**
         * The signed rules: RS256; the key is fetched from its own URL ({@code verification.creator},
         * else one listed by the issuer profile), never taken from the payload; the key document
         * declares that URL as its id and the issuer as its owner; the issuer profile (fetched from
         * its id) lists it; and its URL lies within the issuer's verification policy.
         */
        void signed(ObjectNode a, @Nullable CompactJws jws, ObjectNode issuer, String issuerId) {
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
            JsonNode c = v != null && v.isObject() ? v.get("creator") : null;
            String creator = c == null ? null : c.isTextual() ? c.asText() : c.isObject() ? text(c.get("id")) : null;
            List<String> issuerKeys = new ArrayList<>();
            JsonNode pk = issuer.get("publicKey");
            for (JsonNode k : pk == null ? List.<JsonNode>of() : pk.isArray() ? pk : List.of(pk)) {
                String kid = k.isTextual() ? k.asText() : k.isObject() ? text(k.get("id")) : null;
                if (kid != null) {
                    issuerKeys.add(kid);
                }
            }
            List<String> candidates = creator != null ? List.of(creator)
                    : issuerKeys.subList(0, Math.min(issuerKeys.size(), 3));
            if (candidates.isEmpty()) {
                fail(PROOF, "Neither verification.creator nor the issuer profile " + issuerId + " (publicKey) names a key"
                        + " to check the signature.");
                skip(KEY_BINDING, "Not checked: no key.");
                return;
            }
            String keyRef = null;
            ObjectNode key = null;
            boolean legacyPem = false;
            List<String> problems = new ArrayList<>();
            for (String ref : candidates) {
                ObjectNode k = keyAt(ref);
                boolean pem = false;
                if (k == null && legacyVersion != null) {
                    k = legacyPemKey(ref);
                    pem = k != null;
                }
                if (k == null) {
                    problems.add("the key " + ref + " cannot be obtained from its URL: " + fetchProblem);
                    continue;
                }
                RSAPublicKey rsa = rsaKey(text(k.get("publicKeyPem")));
                if (rsa == null) {
                    problems.add("the key served at " + ref + " has no usable RSA publicKeyPem");
                } else if (!RsaOps.verify(rsa, jws.signingInput(), jws.signature())) {
                    problems.add("the JWS signature does not verify with the key " + ref);
                } else {
                    keyRef = ref;
                    key = k;
                    legacyPem = pem;
                    break;
                }
            }
            if (key == null) {
                fail(PROOF, "The signature is not verified: " + String.join("; ", problems) + ".");
                skip(KEY_BINDING, "Not checked: the signature did not verify.");
                return;
            }
            pass(PROOF, "The RS256 signature verifies with the key fetched from " + keyRef + ".");
            currentCheck = KEY_BINDING;
            if (legacyPem) {
                String issuerUrl = text(issuer.get("url"));
                String issuerHost = issuerUrl != null && isHttp(issuerUrl) ? host(issuerUrl) : host(issuerId);
                String keyHost = host(keyRef);
                if (issuerHost != null && issuerHost.equalsIgnoreCase(keyHost)) {
                    pass(KEY_BINDING, "Open Badges " + legacyVersion + " signed assertion: the PEM key " + keyRef
                            + " is published on the issuer's origin " + issuerHost + ".");
                } else {
                    fail(KEY_BINDING, "Open Badges " + legacyVersion + " signed assertion: the PEM key " + keyRef
                            + " is not published on the issuer's origin (" + issuerHost + ").");
                }
                return;
            }
            List<String> binding = new ArrayList<>();
            String declared = text(key.get("id"));
            if (!keyRef.equals(declared)) {
                binding.add("the key document served at " + keyRef + " declares the id " + declared
                        + " (a key is trusted only for the URL it is served at)");
            }
            String owner = text(key.get("owner"));
            if (!issuerId.equals(owner)) {
                binding.add("the key " + keyRef + " belongs to " + owner + ", not to the issuer " + issuerId);
            }
            if (!issuerKeys.contains(keyRef)) {
                binding.add("the issuer profile " + issuerId + " does not list the key " + keyRef + " in its publicKey");
            }
            String outside = policyProblem(keyRef, issuer, "signing key");
            if (outside != null) {
                binding.add(outside.substring(0, outside.length() - 1));
            }
            if (binding.isEmpty()) {
                pass(KEY_BINDING, "The key " + keyRef + " is owned by the issuer " + issuerId + ", which lists it, and lies"
                        + " within the issuer's verification policy (" + policyText(issuer) + ").");
            } else {
                fail(KEY_BINDING, "The signing key is not bound to the issuer: " + String.join("; ", binding) + ".");
            }
        }

        /** The CryptographicKey document served at {@code url} (never an embedded one), or null. */
        @Nullable ObjectNode keyAt(String url) {
            if (!isHttp(url)) {
                fetchProblem = "the key id " + url + " is not an HTTP(S) URL.";
                return null;
            }
            Fetcher.Response r = tryFetch(url);
            if (r == null) {
                return null;
            }
            if (!r.ok()) {
                fetchProblem = "fetching the key at " + url + " gave HTTP " + r.status() + ".";
                return null;
            }
            ObjectNode o = parseObject(r);
            if (o == null) {
                fetchProblem = "the key at " + url + " is not a JSON object.";
            }
            return o;
        }

        void revocation(ObjectNode a, @Nullable String id, ObjectNode issuer, boolean signed, boolean revokedByServer) {
            if (revokedByServer || a.path("revoked").asBoolean(false)) {
                String reason = revocationReason != null ? revocationReason : text(a.get("revocationReason"));
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

        /**
         * An embedded node, or the document fetched at a URL; null (with {@link #fetchProblem}) when
         * neither. Only for what the trusted documents carry (the badge class of a served or signed
         * assertion, the revocation list the fetched issuer profile names): the issuer profile and
         * keys go through {@link #trusted} and {@link #keyAt}.
         */
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
            ObjectNode o = fetchObject(url, what);
            if (o == null) {
                return null;
            }
            LegacyUpgrade.Kind kind = what.startsWith("badge") ? LegacyUpgrade.Kind.BADGE_CLASS
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
                        ? "fetching " + url + " is not allowed (no fetcher configured for it): allow " + origin(url)
                        + " in the fetcher."
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

    /** The lower-case host of an HTTP(S) URL (the identifier parser's), or null when it has none or is not one. */
    static @Nullable String host(@Nullable String url) {
        return Identifier.tryParse(url).filter(Identifier::isHttp).flatMap(Identifier::host).orElse(null);
    }

    /** The scheme, host and port of a URL, as a caller allows it in a fetcher (the URL itself when unparsable). */
    static String origin(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() != null && u.getHost() != null) {
                return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
                        + (u.getPort() >= 0 ? ":" + u.getPort() : "");
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        return url;
    }

    /** A short description of where two JSON documents differ (first differing property), for a message. */
    static String firstDifference(@Nullable JsonNode given, JsonNode served) {
        if (given == null) {
            return "nothing was supplied";
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        given.fieldNames().forEachRemaining(names::add);
        served.fieldNames().forEachRemaining(names::add);
        for (String n : names) {
            JsonNode x = given.get(n);
            JsonNode y = served.get(n);
            if (x == null || y == null || !x.equals(y)) {
                String shown = n.length() > 64 ? n.substring(0, 64) + "..." : n;
                return x == null ? "the issuer's copy has \"" + shown + "\", the supplied one does not"
                        : y == null ? "the supplied copy adds \"" + shown + "\""
                        : "\"" + shown + "\" differs";
            }
        }
        return "their values differ";
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
