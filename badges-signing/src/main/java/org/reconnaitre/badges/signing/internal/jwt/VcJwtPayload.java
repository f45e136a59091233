package org.reconnaitre.badges.signing.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * The credential carried by a VC-JWT, in one of three shapes, and the consistency of the JWT
 * claims with it:
 * <ul>
 *   <li>Open Badges 3.0 "JSON Web Token Proof Format": the payload is the credential itself plus
 *       {@code iss} (= issuer id), {@code nbf} (= validFrom), {@code exp} (= validUntil),
 *       {@code jti} (= id) and {@code sub} (= credentialSubject.id);</li>
 *   <li>VC-JOSE for VC 2.0 ({@code typ}/{@code cty} {@code vc+jwt}): the payload is the credential;</li>
 *   <li>VC-JWT 1.1: the credential is the {@code vc} claim, and beside it the payload holds JWT
 *       claims only (a credential member there too would make two credentials); missing credential members are restored
 *       from the claims ({@code iss} → issuer, {@code nbf} → issuanceDate, {@code exp} →
 *       expirationDate, {@code jti} → id, {@code sub} → credentialSubject.id).</li>
 * </ul>
 * A claim and its credential member, when both are present, must agree (dates to the second).
 * Immutable. Internal.
 *
 * @param shape the payload shape
 * @param credential the credential, JWT registered claims removed (a fresh tree, safe to read)
 * @param iss the {@code iss} claim
 * @param notBefore the {@code nbf} claim
 * @param expires the {@code exp} claim
 * @param mismatches one sentence per claim that contradicts the credential (empty when consistent)
 */
public record VcJwtPayload(Shape shape, ObjectNode credential, @Nullable String iss, @Nullable Instant notBefore,
        @Nullable Instant expires, List<String> mismatches) {

    /** The payload shapes. */
    public enum Shape {
        /** The Open Badges 3.0 shape (payload = credential + claims). */
        OPEN_BADGES,
        /** VC-JOSE (VC 2.0): typ or cty is vc+jwt; payload = credential. */
        VC_JOSE,
        /** VC-JWT 1.1: the credential is in the {@code vc} claim. */
        VC_CLAIM
    }

    private static final List<String> REGISTERED = List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    /**
     * The members a payload may carry beside a {@code vc} claim: JWT claims about the token (RFC 7519
     * §4.1 and the IANA "JSON Web Token Claims" registry entries for audiences, nonces, key
     * confirmation and authentication context), never a member of a credential.
     */
    private static final Set<String> BESIDE_VC = Set.of("vc", "iss", "sub", "aud", "exp", "nbf", "iat", "jti",
            "nonce", "cnf", "azp", "auth_time", "acr", "amr", "sid", "txn", "client_id", "scope", "act", "may_act");

    /**
     * Decodes the payload of a JWS whose header passed {@link JwsHeaderPolicy}.
     *
     * @param parsedPayload {@code jws.payload()} already parsed by the caller (not shared with anyone
     *     who mutates it), or null to parse it here
     * @throws JwtException with check id {@code parse} when the payload is not a credential
     */
    public static VcJwtPayload decode(CompactJws jws, @Nullable JsonNode parsedPayload) throws JwtException {
        JsonNode payload;
        try {
            payload = parsedPayload != null ? parsedPayload : Json.parse(jws.payload());
        } catch (BadgeException e) {
            throw new JwtException("parse", "The JWT payload is not valid JSON: " + e.getMessage());
        }
        if (!(payload instanceof ObjectNode claims)) {
            throw new JwtException("parse", "The JWT payload is not a JSON object.");
        }
        List<String> mismatches = new ArrayList<>();
        String iss = text(claims, "iss", mismatches);
        String sub = text(claims, "sub", mismatches);
        String jti = text(claims, "jti", mismatches);
        Instant nbf = numericDate(claims, "nbf", mismatches);
        Instant exp = numericDate(claims, "exp", mismatches);

        JsonNode vc = claims.get("vc");
        Shape shape;
        ObjectNode credential;
        if (vc != null) {
            if (!(vc instanceof ObjectNode vcObj)) {
                throw new JwtException("parse", "The JWT \"vc\" claim is not a JSON object.");
            }
            requireOnlyClaimsBesideVc(claims);
            shape = Shape.VC_CLAIM;
            credential = vcObj.deepCopy();
            restore(credential, iss, sub, jti, nbf, exp);
        } else if (claims.has("@context")) {
            String typ = lower(jws.headerText("typ"));
            String cty = lower(jws.headerText("cty"));
            shape = typ.endsWith("vc+jwt") || cty.endsWith("vc") || cty.endsWith("vc+ld+json")
                    ? Shape.VC_JOSE : Shape.OPEN_BADGES;
            credential = claims.deepCopy();
            REGISTERED.forEach(credential::remove);
        } else {
            throw new JwtException("parse", "The JWT payload is not a credential: it has neither \"@context\" nor a \"vc\" claim.");
        }

        compare("iss", iss, issuerId(credential), "issuer id", mismatches);
        compare("jti", jti, textOf(credential.get("id")), "credential id", mismatches);
        compareSubject(sub, credential.get("credentialSubject"), mismatches);
        compareDate("nbf", nbf, first(credential, "validFrom", "issuanceDate"), mismatches);
        compareDate("exp", exp, first(credential, "validUntil", "expirationDate"), mismatches);
        return new VcJwtPayload(shape, credential, iss, nbf, exp, List.copyOf(mismatches));
    }

    /**
     * A payload with a {@code vc} claim holds the credential there and only there. Any other member
     * beside the JWT claims ({@code @context}, {@code issuer}, {@code validUntil}, {@code
     * credentialStatus}, a private claim...) is ambiguous: a tool that reads the payload as the
     * credential (the Open Badges 3.0 and VC-JOSE shapes) would see another issuer, other dates or
     * another status than a tool that reads {@code vc}. Which members a credential may have is open
     * (any context defines terms), so everything that is not a token claim is refused.
     */
    private static void requireOnlyClaimsBesideVc(ObjectNode claims) throws JwtException {
        List<String> extra = new ArrayList<>();
        claims.fieldNames().forEachRemaining(name -> {
            if (!BESIDE_VC.contains(name)) {
                extra.add(name);
            }
        });
        if (extra.isEmpty()) {
            return;
        }
        String names = extra.stream().limit(5).map(n -> "\"" + n + "\"").collect(Collectors.joining(", "))
                + (extra.size() > 5 ? " and " + (extra.size() - 5) + " more" : "");
        throw new JwtException("jwt-claims", "The JWT payload is ambiguous: it carries the credential in its \"vc\" claim"
                + " and also the top-level member" + (extra.size() == 1 ? " " : "s ") + names
                + ", so two tools may read two different credentials (issuer, dates, status). Beside \"vc\" only JWT"
                + " claims (iss, sub, aud, exp, nbf, iat, jti, nonce, ...) are accepted; the issuer must put the"
                + " credential in one place.");
    }

    /**
     * The credential a nested document carries (an endorsement, a status list): the JSON object
     * itself, or the credential of a compact VC-JWT. Nothing is verified here.
     *
     * @param text a JSON credential or a compact JWS
     * @return the credential
     * @throws BadgeException when the JSON is malformed
     * @throws JwtException when the JWT cannot be read as a VC-JWT
     */
    public static JsonNode credentialOf(String text) throws BadgeException, JwtException {
        if (CompactJws.looksLikeCompactJws(text)) {
            return decode(CompactJws.parse(text), null).credential();
        }
        return Json.parse(text);
    }

    /** @return the issuer id of a credential (string issuer or issuer.id), or null */
    public static @Nullable String issuerId(JsonNode credential) {
        JsonNode issuer = credential.get("issuer");
        if (issuer == null) {
            return null;
        }
        return issuer.isTextual() ? issuer.asText() : textOf(issuer.get("id"));
    }

    private static void restore(ObjectNode vc, @Nullable String iss, @Nullable String sub, @Nullable String jti,
            @Nullable Instant nbf, @Nullable Instant exp) {
        if (iss != null && !vc.has("issuer")) {
            vc.put("issuer", iss);
        }
        if (jti != null && !vc.has("id")) {
            vc.put("id", jti);
        }
        if (nbf != null && !vc.has("issuanceDate") && !vc.has("validFrom")) {
            vc.put("issuanceDate", nbf.toString());
        }
        if (exp != null && !vc.has("expirationDate") && !vc.has("validUntil")) {
            vc.put("expirationDate", exp.toString());
        }
        JsonNode subject = vc.get("credentialSubject");
        if (sub != null && subject instanceof ObjectNode s && !s.has("id")) {
            s.put("id", sub);
        }
    }

    private static void compare(String claim, @Nullable String value, @Nullable String member, String what,
            List<String> mismatches) {
        if (value != null && member != null && !value.equals(member)) {
            mismatches.add("The JWT \"" + claim + "\" claim (" + value + ") differs from the " + what + " (" + member + ").");
        }
    }

    private static void compareSubject(@Nullable String sub, @Nullable JsonNode subject, List<String> mismatches) {
        if (sub == null || subject == null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        if (subject.isArray()) {
            subject.forEach(s -> {
                String id = textOf(s.get("id"));
                if (id != null) {
                    ids.add(id);
                }
            });
        } else {
            String id = textOf(subject.get("id"));
            if (id != null) {
                ids.add(id);
            }
        }
        if (!ids.isEmpty() && !ids.contains(sub)) {
            mismatches.add("The JWT \"sub\" claim (" + sub + ") differs from the credentialSubject id (" + String.join(", ", ids) + ").");
        }
    }

    private static void compareDate(String claim, @Nullable Instant value, @Nullable String member, List<String> mismatches) {
        if (value == null || member == null) {
            return;
        }
        Instant m;
        try {
            m = OffsetDateTime.parse(member).toInstant();
        } catch (DateTimeParseException e) {
            return; // the validity-period check reports unparseable dates
        }
        if (m.getEpochSecond() != value.getEpochSecond()) {
            mismatches.add("The JWT \"" + claim + "\" claim (" + value + ") differs from the credential date (" + member + ").");
        }
    }

    private static @Nullable String first(JsonNode credential, String a, String b) {
        String v = textOf(credential.get(a));
        return v != null ? v : textOf(credential.get(b));
    }

    private static @Nullable String text(ObjectNode claims, String name, List<String> problems) {
        JsonNode n = claims.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            problems.add("The JWT \"" + name + "\" claim is not a string.");
            return null;
        }
        return n.asText();
    }

    private static @Nullable Instant numericDate(ObjectNode claims, String name, List<String> problems) {
        JsonNode n = claims.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || !n.canConvertToLong()) {
            problems.add("The JWT \"" + name + "\" claim is not a NumericDate (seconds since 1970).");
            return null;
        }
        long seconds = n.asLong();
        if (seconds < 0 || seconds > 253402300799L) {
            problems.add("The JWT \"" + name + "\" claim is out of range.");
            return null;
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static @Nullable String textOf(@Nullable JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static String lower(@Nullable String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** Validates. */
    public VcJwtPayload {
        Objects.requireNonNull(shape);
        Objects.requireNonNull(credential);
        mismatches = List.copyOf(mismatches);
    }
}
