package org.reconnaitre.badges.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.reconnaitre.badges.model.internal.mapping.Lexical;

/**
 * Converts an Open Badges 2.0 assertion, with its badge class and issuer, to an unsigned Open
 * Badges 3.0 {@link AchievementCredential} in the VC 2.0 shape, following the migration guidance
 * of the OB 3.0 specification:
 *
 * <ul>
 *   <li>the assertion {@code id} becomes the credential {@code id}; {@code issuedOn} becomes
 *       {@code validFrom} and {@code expires} {@code validUntil};
 *   <li>the issuer Profile becomes the credential {@code issuer} and the achievement
 *       {@code creator} ({@code telephone} becomes {@code phone});
 *   <li>the {@code recipient} becomes a {@code credentialSubject.identifier} IdentityObject (the
 *       {@code sha256$} hash and salt are kept; {@code email} becomes {@code emailAddress},
 *       {@code url} / {@code telephone} become {@code ext:url} / {@code ext:telephone});
 *   <li>the BadgeClass becomes the {@code credentialSubject.achievement}: name, description,
 *       image, criteria (URL and/or narrative), alignments (typed {@code Alignment}), tags;
 *   <li>{@code evidence} (URLs or objects) becomes typed {@code Evidence}; {@code narrative} and
 *       the baked {@code image} of the assertion go to the credential subject.
 * </ul>
 *
 * <p>Identifiers that are not absolute URIs (OB 2.0 blank nodes such as {@code _:b1}) are dropped.
 * The 2.0 {@code verification} has no 3.0 counterpart: the result is unsigned; sign it with the
 * signing module. Extension properties of the 2.0 documents are not carried over.
 *
 * <pre>{@code
 * Assertion a = OpenBadges.read(assertionJson, Assertion.class);
 * BadgeClass b = OpenBadges.read(badgeJson, BadgeClass.class);
 * IssuerProfile i = OpenBadges.read(issuerJson, IssuerProfile.class);
 * AchievementCredential c = OpenBadges2Converter.toOpenBadges3(a, b, i);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class OpenBadges2Converter {

    private OpenBadges2Converter() {}

    /**
     * Converts an assertion whose badge and issuer are embedded objects.
     *
     * @param assertion the assertion
     * @return the unsigned OB 3.0 credential
     * @throws BadgeException {@code INVALID_DOCUMENT} when the badge or its issuer is only a URL,
     *     or as {@link #toOpenBadges3(Assertion, BadgeClass, IssuerProfile)}
     */
    public static AchievementCredential toOpenBadges3(Assertion assertion) throws BadgeException {
        if (!assertion.badgeEmbedded()) {
            throw invalid("the assertion's badge is a URL; fetch the BadgeClass and call toOpenBadges3(assertion, badge, issuer)");
        }
        BadgeClass badge = assertion.badge().orElseThrow();
        if (!badge.property("issuer").map(v -> v instanceof JsonValue.ObjectValue).orElse(false)) {
            throw invalid("the badge's issuer is a URL; fetch the issuer Profile and call toOpenBadges3(assertion, badge, issuer)");
        }
        return toOpenBadges3(assertion, badge, badge.issuer().orElseThrow());
    }

    /**
     * Converts an assertion with its badge class and issuer profile.
     *
     * @param assertion the assertion
     * @param badge the assertion's BadgeClass (fetched from the assertion's {@code badge} URL; its
     *     own {@code id} is used, which may differ from that URL after a redirect)
     * @param issuer the badge class's issuer Profile (likewise, its own {@code id} is used)
     * @return the unsigned OB 3.0 credential
     * @throws BadgeException {@code INVALID_DOCUMENT} when a property the 3.0 credential needs is
     *     missing or malformed (assertion id, issuedOn, recipient, badge or issuer id), or when
     *     {@code expires} is before {@code issuedOn}
     */
    public static AchievementCredential toOpenBadges3(Assertion assertion, BadgeClass badge, IssuerProfile issuer)
            throws BadgeException {
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(issuer, "issuer");
        URI id = assertion.id().orElseThrow(() -> invalid("the assertion has no id that is an absolute URI"));
        URI badgeId = badge.id().orElseThrow(() -> invalid("the BadgeClass has no id that is an absolute URI"));
        URI issuerId = issuer.id().orElseThrow(() -> invalid("the issuer Profile has no id that is an absolute URI"));
        String validFrom = date(assertion, "issuedOn")
                .orElseThrow(() -> invalid("the assertion has no issuedOn date (ISO 8601 or Unix timestamp)"));
        Optional<String> validUntil = date(assertion, "expires");
        if (assertion.property("expires").isPresent() && validUntil.isEmpty()) {
            throw invalid("the assertion's expires is not a date");
        }
        try {
            Profile profile = profile(issuer, issuerId);
            AchievementSubject.Builder subject = AchievementSubject.builder()
                    .identifier(List.of(identity(assertion)))
                    .achievement(achievement(badge, badgeId, profile));
            assertion.narrative().ifPresent(subject::narrative);
            assertion.image().flatMap(OpenBadges2Converter::image).ifPresent(subject::image);

            AchievementCredential.Builder credential = AchievementCredential.builder()
                    .id(id)
                    .issuer(profile);
            credential.property("validFrom", JsonValue.of(validFrom));
            validUntil.ifPresent(v -> credential.property("validUntil", JsonValue.of(v)));
            badge.name().ifPresent(n -> credential.name(n.defaultValue()));
            credential.credentialSubject(subject.build());
            List<Evidence> evidence = new ArrayList<>();
            for (JsonValue e : assertion.property("evidence").map(JsonValue::asList).orElse(List.of())) {
                evidence(e).ifPresent(evidence::add);
            }
            credential.evidence(evidence);
            return credential.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid(e.getMessage());
        }
    }

    private static Profile profile(IssuerProfile issuer, URI issuerId) {
        Profile.Builder p = Profile.builder().id(issuerId);
        issuer.name().ifPresent(p::name);
        issuer.url().ifPresent(p::url);
        issuer.email().ifPresent(p::email);
        issuer.telephone().ifPresent(p::phone);
        issuer.description().ifPresent(d -> p.text("description", d.defaultValue()));
        issuer.image().flatMap(OpenBadges2Converter::image).ifPresent(p::image);
        return p.build();
    }

    private static IdentityObject identity(Assertion a) throws BadgeException {
        String value = a.recipientIdentity().orElseThrow(() -> invalid("the assertion has no recipient.identity"));
        String type = a.recipientType().orElse("email");
        String identityType = switch (type) {
            case "email" -> "emailAddress";
            case "url", "telephone", "id" -> "ext:" + type;
            default -> type.matches("[A-Za-z0-9._-]+") ? "ext:" + type : "identifier";
        };
        IdentityObject.Builder b = IdentityObject.builder()
                .identityHash(value)
                .identityType(identityType)
                .hashed(a.recipientHashed());
        a.recipientSalt().ifPresent(b::salt);
        return b.build();
    }

    private static Achievement achievement(BadgeClass badge, URI badgeId, Profile creator) {
        Achievement.Builder b = Achievement.builder().id(badgeId);
        badge.name().ifPresent(n -> b.name(n.defaultValue()));
        badge.description().ifPresent(d -> b.description(d.defaultValue()));
        badge.criteria().ifPresent(c -> {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            c.property("id").ifPresent(v -> copyUri(v, "id", m));
            c.property("narrative").ifPresent(v -> m.put("narrative", v));
            if (!m.isEmpty()) {
                b.criteria(Criteria.of(new JsonValue.ObjectValue(m)));
            }
        });
        badge.image().flatMap(OpenBadges2Converter::image).ifPresent(b::image);
        List<Alignment> alignments = new ArrayList<>();
        for (Alignment a : badge.alignment()) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            m.put("type", new JsonValue.ArrayValue(List.of(JsonValue.of("Alignment"))));
            for (String k : List.of("targetName", "targetUrl", "targetDescription", "targetFramework", "targetCode")) {
                a.property(k).ifPresent(v -> m.put(k, v));
            }
            alignments.add(Alignment.of(new JsonValue.ObjectValue(m)));
        }
        b.alignment(alignments);
        b.tag(badge.tags());
        b.creator(creator);
        return b.build();
    }

    private static Optional<Image> image(Image source) {
        Optional<String> id = source.idText();
        if (id.isEmpty() || !Lexical.isAbsoluteUri(id.get())) {
            return Optional.empty();
        }
        return Optional.of(Image.of(URI.create(id.get()), source.caption().orElse(null)));
    }

    private static Optional<Evidence> evidence(JsonValue e) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("type", new JsonValue.ArrayValue(List.of(JsonValue.of("Evidence"))));
        if (e instanceof JsonValue.StringValue s) {
            copyUri(s, "id", m);
        } else if (e instanceof JsonValue.ObjectValue o) {
            o.get("id").ifPresent(v -> copyUri(v, "id", m));
            for (String k : List.of("narrative", "name", "description", "genre", "audience")) {
                o.get(k).ifPresent(v -> m.put(k, v));
            }
        }
        return m.size() > 1 ? Optional.of(Evidence.of(new JsonValue.ObjectValue(m))) : Optional.empty();
    }

    /** Copies an id only when it is an absolute URI: OB 2.0 blank-node ids ({@code _:b1}) mean nothing in 3.0. */
    private static void copyUri(JsonValue v, String name, Map<String, JsonValue> into) {
        if (v.asString().map(Lexical::isAbsoluteUri).orElse(false)) {
            into.put(name, v);
        }
    }

    /** An OB 2.0 date as RFC 3339: kept as written when it already is, else normalised (UTC). */
    private static Optional<String> date(Assertion a, String name) {
        Optional<JsonValue> v = a.property(name);
        if (v.isPresent() && v.get().asString().flatMap(Lexical::rfc3339).isPresent()) {
            return v.get().asString();
        }
        return a.ob2Date(name).map(Lexical::format);
    }

    private static BadgeException invalid(String why) {
        return new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Cannot convert the Open Badges 2.0 assertion: " + why);
    }
}
