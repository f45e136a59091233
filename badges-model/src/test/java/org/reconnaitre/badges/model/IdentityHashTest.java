package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Known answers computed with {@code printf '%s' 'alice@example.orgdeadsea' | sha256sum}. */
class IdentityHashTest {
    private static final String ALICE_DEADSEA = "c934fdacc6242be0277a284970416aa9bfa583241fb85094bc96c504ee0abd4e";
    private static final String ALICE_NO_SALT = "7a64adf28737ea90719cbdf0b1a87a5effff3753b79c91d717f4f4153ead0498";
    private static final String ALICE_DEADSEA_MD5 = "d7e7e38b014cb2425985186a74477dd1";

    @Test
    void createsKnownAnswers() {
        assertThat(IdentityHash.create("alice@example.org", "deadsea").toString()).isEqualTo("sha256$" + ALICE_DEADSEA);
        assertThat(IdentityHash.create("alice@example.org", "").hex()).isEqualTo(ALICE_NO_SALT);
        assertThat(IdentityHash.createEmail("  Alice@Example.ORG ", "deadsea").hex()).isEqualTo(ALICE_DEADSEA);
    }

    @Test
    void parsesAndMatches() {
        IdentityHash h = IdentityHash.parse("SHA256$" + ALICE_DEADSEA.toUpperCase()).orElseThrow();
        assertThat(h.algorithm()).isEqualTo("sha256");
        assertThat(h.matches("alice@example.org", "deadsea")).isTrue();
        assertThat(h.matches("alice@example.org", "other")).isFalse();
        assertThat(h.matches("Alice@example.org", "deadsea")).isFalse();
        assertThat(h.matchesEmail("Alice@example.org", "deadsea")).isTrue();
        assertThat(h.matchesEmail("bob@example.org", "deadsea")).isFalse();
        IdentityHash md5 = IdentityHash.parse("md5$" + ALICE_DEADSEA_MD5).orElseThrow();
        assertThat(md5.matches("alice@example.org", "deadsea")).isTrue();
    }

    @Test
    void refusesWhatIsNotAHash() {
        assertThat(IdentityHash.parse("alice@example.org")).isEmpty();
        assertThat(IdentityHash.parse("sha256$abc")).isEmpty();
        assertThat(IdentityHash.parse("sha1$" + ALICE_DEADSEA)).isEmpty();
        assertThat(IdentityHash.parse("sha256$" + "zz" + ALICE_DEADSEA.substring(2))).isEmpty();
    }

    @Test
    void randomSaltsDiffer() {
        String a = IdentityHash.randomSalt();
        assertThat(a).hasSize(32).matches("[0-9a-f]+");
        assertThat(IdentityHash.randomSalt()).isNotEqualTo(a);
    }

    @Test
    void identityObjectsMatchHashedAndPlainIdentities() {
        IdentityObject hashed = IdentityObject.hashedEmail("alice@example.org", "deadsea");
        assertThat(hashed.toJson()).isEqualTo("{\"type\":\"IdentityObject\",\"identityHash\":\"sha256$"
                + ALICE_DEADSEA + "\",\"identityType\":\"emailAddress\",\"hashed\":true,\"salt\":\"deadsea\"}");
        assertThat(hashed.matches("ALICE@example.org")).isTrue();
        assertThat(hashed.matches("mallory@example.org")).isFalse();
        IdentityObject plain = IdentityObject.builder().identityType("sourcedId").hashed(false).identityHash("S-42").build();
        assertThat(plain.matches("S-42")).isTrue();
        assertThat(plain.matches("s-42")).isFalse();
    }

    @Test
    void ob2RecipientsMatch() throws Exception {
        String json = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"urn:uuid:1\","
                + "\"recipient\":{\"type\":\"email\",\"hashed\":true,\"salt\":\"deadsea\",\"identity\":\"sha256$" + ALICE_DEADSEA + "\"}}";
        Assertion a = OpenBadges.read(json, Assertion.class);
        assertThat(a.recipientMatches("alice@example.org")).isTrue();
        assertThat(a.recipientMatches("Alice@Example.org")).isTrue();
        assertThat(a.recipientMatches("bob@example.org")).isFalse();
    }
}
