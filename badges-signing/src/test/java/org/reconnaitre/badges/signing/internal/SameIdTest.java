package org.reconnaitre.badges.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Identifiers are compared parsed: equivalent spellings match, invalid ones match nothing. */
class SameIdTest {
    @Test
    void equivalentUrlSpellingsNameTheSameResource() {
        assertThat(SameId.same("https://University.Example/issuers/1", "https://university.example:443/issuers/1")).isTrue();
        assertThat(SameId.same("HTTPS://university.example", "https://university.example/")).isTrue();
        assertThat(SameId.same("https://university.example/%7Eissuer/a/../1", "https://university.example/~issuer/1")).isTrue();
        assertThat(SameId.same("https://university.example/a%2fb", "https://university.example/a%2Fb")).isTrue();
    }

    @Test
    void differentResourcesDoNotMatch() {
        assertThat(SameId.same("https://university.example/issuers/1", "https://university.example/issuers/1/")).isFalse();
        assertThat(SameId.same("https://university.example/issuers/1", "https://university.example/Issuers/1")).isFalse();
        assertThat(SameId.same("https://university.example/issuers/1", "http://university.example/issuers/1")).isFalse();
        assertThat(SameId.same("https://university.example:8443/i", "https://university.example/i")).isFalse();
        assertThat(SameId.same("https://university.example/i#a", "https://university.example/i")).isFalse();
        assertThat(SameId.same("https://university.example/a%2Fb", "https://university.example/a/b")).isFalse();
        assertThat(SameId.same("did:key:z6MkA", "did:key:z6Mka")).isFalse();
        assertThat(SameId.same("did:web:university.example", "did:web:attacker.example")).isFalse();
    }

    @Test
    void invalidIdentifiersMatchNothingNotEvenThemselves() {
        for (String bad : new String[] {"", " did:key:z6Mk", "did:KEY:z6Mk", "DID:key:z6Mk", "did:key:", "did:key:z6Mk#key-1",
                "did:web:example.com/path", "relative/path", "https://user@university.example/", "https://",
                "https://university.example/a b", "https://university.example/../x"}) {
            assertThat(SameId.canonical(bad)).as(bad).isEmpty();
            assertThat(SameId.same(bad, bad)).as(bad).isFalse();
        }
        assertThat(SameId.same("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")).isTrue();
        assertThat(SameId.same("did:web:university.example%3A8443", "did:web:university.example%3a8443")).isTrue();
        assertThat(SameId.same("urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002", "URN:uuid:91537dba-56cb-11ec-bf63-0242ac130002")).isTrue();
    }
}
