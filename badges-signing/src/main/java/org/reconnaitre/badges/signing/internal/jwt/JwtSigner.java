package org.reconnaitre.badges.signing.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.Validator;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.JwtOptions;
import org.reconnaitre.badges.signing.SigningKey;

/**
 * Signs a credential as a VC-JWT. Nimbus builds the JOSE header and the compact serialisation; the
 * signature itself comes from the SDK's {@link SigningKey} (BouncyCastle for Ed25519 and P-256,
 * the JDK for RSA), through a small {@link JWSSigner} adapter, so no JCA provider is registered
 * and Tink is not needed. A credential using terms its contexts do not define (JSON-LD expansion
 * would drop them) is refused, as for Data Integrity signing. Stateless and thread-safe. Internal.
 */
public final class JwtSigner {
    /** JSON-LD checks only: a term the contexts do not define must not be signed. */
    private static final Validator JSON_LD = Validator.builder().schemaChecks(false).openBadgesRules(false).build();

    private JwtSigner() {}

    /**
     * @param credentialJson the credential, as the caller wrote it
     * @param key the signing key
     * @param kid the {@code kid} header, or null for none
     * @param options shape and header options
     * @return the compact JWS
     * @throws BadgeException {@code MALFORMED_JSON} / {@code INVALID_DOCUMENT} for a credential that
     *     cannot be signed, {@code SIGNING_FAILED} when signing fails
     */
    public static String sign(String credentialJson, SigningKey key, @Nullable String kid, JwtOptions options)
            throws BadgeException {
        JsonNode parsed = Json.parse(credentialJson);
        if (!(parsed instanceof ObjectNode credential) || !credential.has("@context")) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Only a JSON credential object with an @context can be signed as a JWT.");
        }
        List<Finding> undefined = JSON_LD.validate(credentialJson).errors().stream()
                .filter(f -> f.rule().scope() == Rule.Scope.JSON_LD).toList();
        if (!undefined.isEmpty()) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "The credential cannot be signed: "
                    + undefined.stream().limit(3).map(f -> f.ruleId() + (f.path().isEmpty() ? "" : " at " + f.path())
                            + ": " + f.message()).collect(Collectors.joining("; ")));
        }
        String issuer = VcJwtPayload.issuerId(credential);
        if (issuer == null) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "The credential has no issuer id; a VC-JWT needs one for its \"iss\" claim.");
        }
        ObjectNode payload = credential.deepCopy();
        JWSHeader.Builder header = new JWSHeader.Builder(new JWSAlgorithm(key.type().jwsAlgorithm()));
        if (options.shape() == JwtOptions.Shape.OPEN_BADGES) {
            header.type(JOSEObjectType.JWT);
            payload.put("iss", issuer);
            JsonNode id = credential.get("id");
            if (id != null && id.isTextual()) {
                payload.put("jti", id.asText());
            }
            JsonNode subject = credential.get("credentialSubject");
            if (subject != null && subject.isObject() && subject.has("id") && subject.get("id").isTextual()) {
                payload.put("sub", subject.get("id").asText());
            }
            Long nbf = epoch(credential, "validFrom", "issuanceDate");
            if (nbf != null) {
                payload.put("nbf", nbf);
            }
            Long exp = epoch(credential, "validUntil", "expirationDate");
            if (exp != null) {
                payload.put("exp", exp);
            }
        } else {
            header.type(new JOSEObjectType("vc+jwt")).contentType("vc");
        }
        if (kid != null) {
            header.keyID(kid);
        }
        if (options.embedJwk()) {
            try {
                header.jwk(JWK.parse(key.publicKey().toJwk()));
            } catch (ParseException e) {
                throw new BadgeException(BadgeException.Code.SIGNING_FAILED, "Cannot write the public JWK: " + e.getMessage(), e);
            }
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(Json.write(payload).getBytes(StandardCharsets.UTF_8)));
        try {
            jws.sign(new KeySigner(key));
        } catch (JOSEException e) {
            throw new BadgeException(BadgeException.Code.SIGNING_FAILED, "Signing the JWT failed: " + e.getMessage(), e);
        }
        return jws.serialize();
    }

    private static @Nullable Long epoch(JsonNode credential, String a, String b) throws BadgeException {
        JsonNode n = credential.has(a) ? credential.get(a) : credential.get(b);
        if (n == null || !n.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(n.asText()).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "The date \"" + n.asText() + "\" is not RFC 3339.");
        }
    }

    /** Adapts a {@link SigningKey} to Nimbus. */
    private static final class KeySigner implements JWSSigner {
        private final SigningKey key;
        private final JCAContext jca = new JCAContext();

        KeySigner(SigningKey key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!header.getAlgorithm().getName().equals(key.type().jwsAlgorithm())) {
                throw new JOSEException("algorithm " + header.getAlgorithm() + " does not match the " + key.type() + " key");
            }
            return Base64URL.encode(key.sign(signingInput));
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(new JWSAlgorithm(key.type().jwsAlgorithm()));
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
