package org.reconnaitre.badges.signing.internal.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Identifier.same, as the status-list and endorsement checks use it: identifiers are compared parsed: equivalent spellings match, invalid ones match nothing. */
class SameIdentifierTest {
    @Test
    void equivalentUrlSpellingsNameTheSameResource() {
        assertThat(Identifier.same("https://University.Example/issuers/1", "https://university.example:443/issuers/1")).isTrue();
        assertThat(Identifier.same("HTTPS://university.example", "https://university.example/")).isTrue();
        assertThat(Identifier.same("https://university.example/%7Eissuer/1", "https://university.example/~issuer/1")).isTrue();
        assertThat(Identifier.same("https://university.example/a%2fb", "https://university.example/a%2Fb")).isTrue();
    }

    @Test
    void differentResourcesDoNotMatch() {
        assertThat(Identifier.same("https://university.example/issuers/1", "https://university.example/issuers/1/")).isFalse();
        assertThat(Identifier.same("https://university.example/issuers/1", "https://university.example/Issuers/1")).isFalse();
        assertThat(Identifier.same("https://university.example/issuers/1", "http://university.example/issuers/1")).isFalse();
        assertThat(Identifier.same("https://university.example:8443/i", "https://university.example/i")).isFalse();
        assertThat(Identifier.same("https://university.example/i#a", "https://university.example/i")).isFalse();
        assertThat(Identifier.same("https://university.example/a%2Fb", "https://university.example/a/b")).isFalse();
        assertThat(Identifier.same("did:key:z6MkA", "did:key:z6Mka")).isFalse();
        assertThat(Identifier.same("did:web:university.example", "did:web:attacker.example")).isFalse();
    }

    @Test
    void invalidIdentifiersMatchNothingNotEvenThemselves() {
        for (String bad : new String[] {"", " did:key:z6Mk", "did:KEY:z6Mk", "DID:key:z6Mk", "did:key:",
                "relative/path", "https://user@university.example/", "https://",
                "https://university.example/a b", "https://university.example/../x"}) {
            assertThat(Identifier.tryParse(bad)).as(bad).isEmpty();
            assertThat(Identifier.same(bad, bad)).as(bad).isFalse();
        }
        assertThat(Identifier.same("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")).isTrue();
        assertThat(Identifier.same("did:web:university.example%3A8443", "did:web:university.example%3a8443")).isTrue();
        assertThat(Identifier.same("urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002", "URN:uuid:91537dba-56cb-11ec-bf63-0242ac130002")).isTrue();
    }
}
