package org.reconnaitre.badges.signing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/** Shared helpers for the verifier tests: credentials, hand-made JWTs, a fixed clock. */
final class VerifierTestSupport {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private VerifierTestSupport() {}

    /** An unsigned OB 3.0 credential (VC 2.0) issued by {@code issuer}. */
    static String credential(String issuer, String validFrom, String validUntilOrNull) {
        return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002\","
                + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                + "\"issuer\":{\"id\":\"" + issuer + "\",\"type\":[\"Profile\"],\"name\":\"Example University\"},"
                + "\"validFrom\":\"" + validFrom + "\","
                + (validUntilOrNull == null ? "" : "\"validUntil\":\"" + validUntilOrNull + "\",")
                + "\"name\":\"Teamwork Badge\","
                + "\"credentialSubject\":{\"id\":\"did:example:ebfeb1f712ebc6f1c276e12ec21\","
                + "\"type\":[\"AchievementSubject\"],"
                + "\"achievement\":{\"id\":\"https://example.com/achievements/teamwork\",\"type\":[\"Achievement\"],"
                + "\"criteria\":{\"narrative\":\"Works well in a team.\"},\"description\":\"Teamwork.\",\"name\":\"Teamwork\"}}}";
    }

    static String credential(String issuer) {
        return credential(issuer, "2024-01-01T00:00:00Z", null);
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A compact JWS over the given header and payload, signed with {@code key} (null: no signature). */
    static String jws(String header, String payload, SigningKey key) {
        String input = b64(header) + "." + b64(payload);
        String sig = key == null ? ""
                : Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
        return input + "." + sig;
    }

    static Verifier verifier() {
        return Verifier.builder().clock(CLOCK).build();
    }
}
