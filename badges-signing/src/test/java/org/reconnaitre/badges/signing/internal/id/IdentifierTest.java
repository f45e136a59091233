package org.reconnaitre.badges.signing.internal.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The identifier parser: DID Core 1.0 examples, RFC 3986 normalisation, and what is refused. */
class IdentifierTest {

    @Test
    void didCoreExamplesParse() {
        Identifier did = Identifier.parse("did:example:123456789abcdefghi");
        assertThat(did.kind()).isEqualTo(Identifier.Kind.DID);
        assertThat(did.method()).contains("example");
        assertThat(did.isBareDid()).isTrue();
        assertThat(did.toString()).isEqualTo("did:example:123456789abcdefghi");

        Identifier path = Identifier.parse("did:example:123456/path");
        assertThat(path.did()).contains("did:example:123456");
        assertThat(path.resource()).isEqualTo("did:example:123456/path");
        assertThat(path.isBareDid()).isFalse();

        Identifier query = Identifier.parse("did:example:123456?versionId=1");
        assertThat(query.resource()).isEqualTo("did:example:123456?versionId=1");

        Identifier key = Identifier.parse("did:example:123#public-key-0");
        assertThat(key.fragment()).contains("public-key-0");
        assertThat(key.resource()).isEqualTo("did:example:123");
        assertThat(key.withoutFragment().isBareDid()).isTrue();

        Identifier service = Identifier.parse("did:example:123?service=agent&relativeRef=/credentials#degree");
        assertThat(service.fragment()).contains("degree");
        // colons and empty segments inside the method-specific id are allowed by the ABNF
        assertThat(Identifier.parse("did:example:a::b").did()).contains("did:example:a::b");
        assertThat(Identifier.parse("did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi").isDid("key")).isTrue();
    }

    @Test
    void invalidDidsAreRefusedNotGuessed() {
        for (String bad : List.of("did:WEB:example.com", "DID:web:example.com", "Did:key:z6Mk", "did:web:", "did::x",
                "did:example:", "did:example:abc:", "did:example:a b", "did:example:ab%2", "did:example:ab%zz",
                "did:example:é", "did:example:a~b", "did:example:a@b", "did:example", "did:", "did:example:x\u0000",
                "did:example:x#a b", "did:example:x/p q")) {
            assertThatThrownBy(() -> Identifier.parse(bad)).as(bad).isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Test
    void didPercentEncodingIsNormalisedButCaseOfTheIdIsNot() {
        // hex digits upper-cased, encoded unreserved characters decoded (RFC 3986 §6.2.2)
        assertThat(Identifier.parse("did:example:a%2db").toString()).isEqualTo("did:example:a-b");
        assertThat(Identifier.parse("did:example:a%3ab").toString()).isEqualTo("did:example:a%3Ab");
        assertThat(Identifier.parse("did:example:x#k%7e1").toString()).isEqualTo("did:example:x#k~1");
        // the method-specific id is case-sensitive (did:key is base58)
        assertThat(Identifier.same("did:example:ABC", "did:example:abc")).isFalse();
        assertThat(Identifier.same("did:key:z6MkA", "did:key:z6Mka")).isFalse();
    }

    @Test
    void didWebHostsAreDnsNames() {
        assertThat(Identifier.parse("did:web:Example.COM").toString()).isEqualTo("did:web:example.com");
        assertThat(Identifier.parse("did:web:example.com%3a8443:Users:Alice").toString())
                .isEqualTo("did:web:example.com%3A8443:Users:Alice"); // the path keeps its case
        assertThat(Identifier.same("did:web:example.com:a", "did:web:example.com:A")).isFalse();
        for (String bad : List.of("did:web:example.com.", "did:web:example..com", "did:web:-example.com",
                "did:web:example.com%3A", "did:web:example.com%3A99999", "did:web:example.com%3Ax",
                "did:web:exa%6Dple.com%3A1:%2E%2E", "did:web:example.com::a", "did:web:example.com:a%2Fb",
                "did:web:127.1", "did:web:0x7f.0.0.1", "did:web:ex%41mple.com%25")) {
            assertThatThrownBy(() -> Identifier.parse(bad)).as(bad).isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Test
    void httpUrlsAreNormalisedPerRfc3986() {
        Identifier u = Identifier.parse("HTTPS://Issuer.Example:443/issuers/%7e1#key-1");
        assertThat(u.kind()).isEqualTo(Identifier.Kind.HTTP);
        assertThat(u.toString()).isEqualTo("https://issuer.example/issuers/~1#key-1");
        assertThat(u.resource()).isEqualTo("https://issuer.example/issuers/~1");
        assertThat(u.host()).contains("issuer.example");
        assertThat(Identifier.parse("https://issuer.example").toString()).isEqualTo("https://issuer.example/");
        assertThat(Identifier.parse("http://issuer.example:80/a").toString()).isEqualTo("http://issuer.example/a");
        assertThat(Identifier.parse("http://issuer.example:443/a").toString()).isEqualTo("http://issuer.example:443/a");
        assertThat(Identifier.parse("https://issuer.example:8443/a").toString()).isEqualTo("https://issuer.example:8443/a");
        assertThat(Identifier.parse("https://issuer.example:/a").toString()).isEqualTo("https://issuer.example/a");
        assertThat(Identifier.parse("https://issuer.example/a%2fb").toString()).isEqualTo("https://issuer.example/a%2Fb");
        assertThat(Identifier.parse("https://issuer.example/a?x=%41#f%2d1").toString())
                .isEqualTo("https://issuer.example/a?x=A#f-1");
        assertThat(Identifier.parse("https://[2001:DB8::1]:8443/a").toString()).isEqualTo("https://[2001:db8::1]:8443/a");
        assertThat(Identifier.parse("https://192.0.2.1/a").host()).contains("192.0.2.1");

        assertThat(Identifier.same("https://issuer.example/Issuers/1", "https://issuer.example/issuers/1")).isFalse();
        assertThat(Identifier.same("https://issuer.example/a", "https://issuer.example/a/")).isFalse();
        assertThat(Identifier.same("http://issuer.example/a", "https://issuer.example/a")).isFalse();
        assertThat(Identifier.same("https://issuer.example/a#k", "https://issuer.example/a")).isFalse();
        assertThat(Identifier.parse("https://issuer.example/a#k").sameResource(Identifier.parse("https://ISSUER.example/a")))
                .isTrue();
    }

    @Test
    void ambiguousUrlsAreRefused() {
        for (String bad : List.of("https://issuer.example./a", "https://user@issuer.example/a",
                "https://victim.example@attacker.example/", "https://issuer..example/", "https:///a", "https:issuer.example/a",
                "https://issuer.example:99999/", "https://issuer.example:-1/", "https://issuer.example/a/../b",
                "https://issuer.example/a/%2e%2E/b", "https://issuer.example/./a", "https://iss%75er.example/",
                "https://127.1/", "https://0x7f.0.0.1/", "https://2130706433/", "https://192.168.001.1/",
                "https://[fe80::1%25eth0]/", "https://[::1/", "https://issuer.example/a b", "https://issuer.example/é",
                "https://issuer.example/a\\b", "https://issuer.example/a|b", "https://issuer.example/%", "https://éx.example/")) {
            assertThatThrownBy(() -> Identifier.parse(bad)).as(bad).isInstanceOf(InvalidIdentifierException.class);
        }
    }

    @Test
    void otherUrisAreComparedNotResolved() {
        Identifier urn = Identifier.parse("URN:uuid:6f2e33e5-7a29-4155-840a-59483ba10164");
        assertThat(urn.kind()).isEqualTo(Identifier.Kind.OTHER);
        assertThat(urn.toString()).isEqualTo("urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164");
        assertThat(urn.isDid()).isFalse();
        assertThat(urn.isHttp()).isFalse();
        for (String bad : List.of("", "no-scheme", "1urn:x", "urn:", "urn:a b", ":x", "/relative", "#frag")) {
            assertThatThrownBy(() -> Identifier.parse(bad)).as(bad).isInstanceOf(InvalidIdentifierException.class);
        }
        assertThat(Identifier.tryParse(null)).isEmpty();
        assertThat(Identifier.tryParse("did:WEB:x")).isEmpty();
    }

    @Test
    void referencesResolveAgainstTheirDocument() {
        Identifier did = Identifier.parse("did:web:issuer.example");
        assertThat(Identifier.resolve("#key-1", did).toString()).isEqualTo("did:web:issuer.example#key-1");
        assertThat(Identifier.resolve("did:web:other.example#k", did).toString()).isEqualTo("did:web:other.example#k");
        Identifier url = Identifier.parse("https://issuer.example/issuers/1");
        assertThat(Identifier.resolve("#k", url).toString()).isEqualTo("https://issuer.example/issuers/1#k");
        assertThat(Identifier.resolve("keys/2", url).toString()).isEqualTo("https://issuer.example/issuers/keys/2");
    }

    @Test
    void errorMessagesDoNotEchoControlCharacters() {
        assertThatThrownBy(() -> Identifier.parse("did:example:\u001b[2Jx"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }
}
