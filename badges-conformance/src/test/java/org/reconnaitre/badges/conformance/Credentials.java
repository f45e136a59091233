package org.reconnaitre.badges.conformance;

import java.time.Instant;
import org.reconnaitre.badges.model.IdentityHash;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;

/** Builds and signs small OB 3.0 credentials for the tests. */
final class Credentials {
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    static final String RECIPIENT = "learner@example.org";
    static final String SALT = "s3cr3t-salt";

    private Credentials() {}

    static String unsigned(String issuer, String identityHash) {
        return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002\","
                + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                + "\"issuer\":{\"id\":\"" + issuer + "\",\"type\":[\"Profile\"],\"name\":\"Example Training Centre\"},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\","
                + "\"name\":\"Teamwork Badge\","
                + "\"credentialSubject\":{\"type\":[\"AchievementSubject\"],"
                + "\"identifier\":[{\"type\":\"IdentityObject\",\"identityHash\":\"" + identityHash + "\","
                + "\"identityType\":\"emailAddress\",\"hashed\":true,\"salt\":\"" + SALT + "\"}],"
                + "\"achievement\":{\"id\":\"https://example.com/achievements/teamwork\",\"type\":[\"Achievement\"],"
                + "\"criteria\":{\"narrative\":\"Works well in a team.\"},\"description\":\"Teamwork.\",\"name\":\"Teamwork\"}}}";
    }

    static String unsigned(String issuer) {
        return unsigned(issuer, IdentityHash.createEmail(RECIPIENT, SALT).toString());
    }

    /** A credential issued by the key's did:key and signed with eddsa-rdfc-2022. */
    static String signed(SigningKey key) throws Exception {
        return Issuer.with(key).build().signDataIntegrity(unsigned(DidKey.of(key.publicKey())), "eddsa-rdfc-2022",
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    static SigningKey ed25519() {
        return SigningKey.generate(KeyType.ED25519);
    }
}
