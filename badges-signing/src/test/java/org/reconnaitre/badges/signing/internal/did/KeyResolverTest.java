package org.reconnaitre.badges.signing.internal.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationMethod;

class KeyResolverTest {

    @Test
    void didWebUrls() throws Exception {
        assertThat(DidWeb.documentUrl("did:web:example.com").toString()).isEqualTo("https://example.com/.well-known/did.json");
        assertThat(DidWeb.documentUrl("did:web:example.com%3A8443:users:alice").toString())
                .isEqualTo("https://example.com:8443/users/alice/did.json");
        assertThat(DidWeb.documentUrl("did:web:digitalcredentials.github.io:dcc-did-web:multikey").toString())
                .isEqualTo("https://digitalcredentials.github.io/dcc-did-web/multikey/did.json");
        // the host is a DNS name: its case does not matter; the path's does
        assertThat(DidWeb.documentUrl("did:web:Example.COM:Users").toString()).isEqualTo("https://example.com/Users/did.json");
        for (String bad : List.of("did:web:", "did:web:exa mple.com", "did:web:example.com:..", "did:web:example.com:a%2Fb",
                "did:web:user@example.com", "did:key:z6Mk", "did:WEB:example.com", "DID:web:example.com",
                "did:web:example.com.", "did:web:example..com", "did:web:example.com::a", "did:web:example.com%3A0",
                "did:web:example.com:%2e%2e", "did:web:example.com#key-1", "did:web:example.com/path")) {
            assertThatThrownBy(() -> DidWeb.documentUrl(bad)).as(bad).isInstanceOf(BadgeException.class);
        }
    }

    @Test
    void didWebWithAMalformedPercentEscapeIsAnInvalidKey() {
        // Found by badges-fuzz (DataIntegrityFuzzTest): URLDecoder's IllegalArgumentException escaped
        // DataIntegrity.verify, documented never to throw for bad input.
        for (String bad : List.of("did:web:%zz", "did:web:example.com:a%", "did:web:example.com:%G1")) {
            assertThatThrownBy(() -> DidWeb.documentUrl(bad)).as(bad)
                    .isInstanceOf(BadgeException.class)
                    .hasMessageContaining("malformed percent-encoding")
                    .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.INVALID_KEY));
        }
    }

    @Test
    void didWebThroughTheCallersFetcherOnly(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        SigningKey p256 = SigningKey.generate(KeyType.P256);
        String did = "did:web:issuer.example:org:42";
        Files.createDirectories(dir.resolve("org/42"));
        Files.writeString(dir.resolve("org/42/did.json"), "{\"@context\":[\"https://www.w3.org/ns/did/v1\"],"
                + "\"id\":\"" + did + "\",\"verificationMethod\":["
                + "{\"id\":\"#key-1\",\"type\":\"Multikey\",\"controller\":\"" + did + "\",\"publicKeyMultibase\":\""
                + key.publicKey().toMultibase() + "\"},"
                + "{\"id\":\"" + did + "#key-2\",\"type\":\"JsonWebKey2020\",\"controller\":\"" + did + "\",\"publicKeyJwk\":"
                + p256.publicKey().toJwk() + "},"
                + "{\"id\":\"" + did + "#leak\",\"type\":\"JsonWebKey2020\",\"controller\":\"" + did + "\",\"publicKeyJwk\":"
                + key.toPrivateJwk() + "}],"
                + "\"assertionMethod\":[\"#key-1\"]}");
        AtomicInteger fetches = new AtomicInteger();
        Fetcher local = Fetcher.offline(Map.of("https://issuer.example/", dir));
        Fetcher counting = url -> {
            fetches.incrementAndGet();
            return local.fetch(url);
        };
        KeyResolver resolver = KeyResolver.builder().fetcher(counting).build();

        VerificationMethod vm = resolver.resolve(did + "#key-1");
        assertThat(vm.key()).isEqualTo(key.publicKey());
        assertThat(vm.source()).isEqualTo(KeySource.DID_WEB);
        assertThat(vm.controller()).isEqualTo(did);
        assertThat(vm.relationships()).containsExactly("assertionMethod");
        assertThat(resolver.resolve(did + "#key-2").key()).isEqualTo(p256.publicKey());
        assertThat(resolver.resolve(did + "#key-2").isAssertionMethod()).isFalse();
        assertThat(resolver.resolve(did + "#key-1").key()).isEqualTo(key.publicKey());
        assertThat(fetches.get()).isEqualTo(2); // the second key-1 came from the cache

        assertThatThrownBy(() -> resolver.resolve(did + "#leak")).hasMessageContaining("private key");
        assertThatThrownBy(() -> resolver.resolve(did + "#missing"))
                .isInstanceOfSatisfying(BadgeException.class, e -> assertThat(e.code()).isEqualTo(BadgeException.Code.INVALID_DOCUMENT));
        // a fetched DID document that lacks the key is not overridden by a key in the fragment
        assertThatThrownBy(() -> resolver.resolve(did + "#" + key.publicKey().toMultibase()))
                .isInstanceOf(BadgeException.class);
        // by default nothing is fetched
        assertThatThrownBy(() -> KeyResolver.builder().fragmentKeys(false).build().resolve(did + "#key-1"))
                .isInstanceOfSatisfying(BadgeException.class, e -> assertThat(e.code()).isEqualTo(BadgeException.Code.FETCH_REFUSED));
    }

    @Test
    void didDocumentMustBeAboutTheDid(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        Files.createDirectories(dir.resolve(".well-known"));
        Files.writeString(dir.resolve(".well-known/did.json"), "{\"id\":\"did:web:other.example\",\"verificationMethod\":"
                + "[{\"id\":\"did:web:other.example#k\",\"type\":\"Multikey\",\"publicKeyMultibase\":\""
                + key.publicKey().toMultibase() + "\"}]}");
        KeyResolver resolver = KeyResolver.builder().fetcher(Fetcher.offline(Map.of("https://issuer.example/", dir))).build();
        assertThatThrownBy(() -> resolver.resolve("did:web:issuer.example#k")).hasMessageContaining("not about");
    }

    @Test
    void theControllerIsTheDocumentNeverTheValueAMethodClaims(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        Files.createDirectories(dir.resolve(".well-known"));
        Files.writeString(dir.resolve(".well-known/did.json"), "{\"id\":\"did:web:attacker.example\","
                + "\"verificationMethod\":[{\"id\":\"did:web:attacker.example#k\",\"type\":\"Multikey\","
                + "\"controller\":\"did:web:victim.example\",\"publicKeyMultibase\":\"" + key.publicKey().toMultibase() + "\"}],"
                + "\"assertionMethod\":[\"did:web:attacker.example#k\"]}");
        KeyResolver resolver = KeyResolver.builder().fetcher(Fetcher.offline(Map.of("https://attacker.example/", dir))).build();
        VerificationMethod vm = resolver.resolve("did:web:attacker.example#k");
        assertThat(vm.controller()).isEqualTo("did:web:attacker.example");
        // a method that names another controller is given no relationship, even in its own document
        assertThat(vm.relationships()).isEmpty();
    }

    @Test
    void aMethodIsFoundOnlyInTheDocumentItsIdBelongsTo() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        // a supplied document about A that lists a method with B's id does not speak for B
        String doc = "{\"id\":\"https://a.example/issuer\",\"verificationMethod\":[{\"id\":\"https://b.example/issuer#k\","
                + "\"type\":\"Multikey\",\"publicKeyMultibase\":\"" + key.publicKey().toMultibase() + "\"}],"
                + "\"assertionMethod\":[\"https://b.example/issuer#k\"]}";
        KeyResolver resolver = KeyResolver.builder().fragmentKeys(false).controllerDocument(doc).build();
        assertThatThrownBy(() -> resolver.resolve("https://b.example/issuer#k")).isInstanceOf(BadgeException.class);
        // identifiers are compared parsed: case of scheme and host, default port, encoded unreserved characters
        String ok = "{\"id\":\"https://a.example/issuer\",\"verificationMethod\":[{\"id\":\"#k\","
                + "\"type\":\"Multikey\",\"controller\":\"HTTPS://A.example:443/%69ssuer\",\"publicKeyMultibase\":\""
                + key.publicKey().toMultibase() + "\"}],\"assertionMethod\":[\"https://a.example/issuer#k\"]}";
        KeyResolver parsed = KeyResolver.builder().fragmentKeys(false).controllerDocument(ok).build();
        VerificationMethod vm = parsed.resolve("https://A.EXAMPLE/issuer#k");
        assertThat(vm.controller()).isEqualTo("https://a.example/issuer");
        assertThat(vm.isAssertionMethod()).isTrue();
        assertThatThrownBy(() -> parsed.resolve("https://a.example/Issuer#k")).isInstanceOf(BadgeException.class);
    }

    @Test
    void aFetchedHttpsDocumentMustBeAboutTheUrlThatWasResolved(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        Files.writeString(dir.resolve("issuer"), "{\"id\":\"https://attacker.example/issuer\",\"verificationMethod\":"
                + "[{\"id\":\"https://victim.example/issuer#k\",\"type\":\"Multikey\",\"publicKeyMultibase\":\""
                + key.publicKey().toMultibase() + "\"}],\"assertionMethod\":[\"https://victim.example/issuer#k\"]}");
        KeyResolver resolver = KeyResolver.builder().fetcher(Fetcher.offline(Map.of("https://victim.example/", dir))).build();
        assertThatThrownBy(() -> resolver.resolve("https://victim.example/issuer#k"))
                .isInstanceOfSatisfying(BadgeException.class, e -> assertThat(e.code()).isEqualTo(BadgeException.Code.INVALID_DOCUMENT))
                .hasMessageContaining("not about https://victim.example/issuer");
    }

    @Test
    void didKeyIsImplicitlyAnAssertionMethod() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        VerificationMethod vm = KeyResolver.offline().resolve(org.reconnaitre.badges.signing.DidKey.verificationMethodId(key.publicKey()));
        assertThat(vm.isAssertionMethod()).isTrue();
        assertThat(vm.relationships()).doesNotContain("keyAgreement");
        assertThatThrownBy(() -> KeyResolver.offline().resolve("did:KEY:" + key.publicKey().toMultibase()))
                .isInstanceOf(BadgeException.class);
    }

    @Test
    void issuerProfileAndControllerDocuments() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String profile = "{\"id\":\"https://issuer.example/profile\",\"type\":\"Profile\",\"name\":\"Issuer\","
                + "\"verificationMethod\":[{\"id\":\"https://issuer.example/profile#key-1\","
                + "\"type\":\"Ed25519VerificationKey2020\",\"publicKeyMultibase\":\"" + key.publicKey().toMultibase() + "\"}]}";
        KeyResolver base = KeyResolver.builder().fragmentKeys(false).build();
        KeyResolver withProfile = base.withControllerDocuments(List.of(profile));
        VerificationMethod vm = withProfile.resolve("https://issuer.example/profile#key-1");
        assertThat(vm.source()).isEqualTo(KeySource.CONTROLLER_DOCUMENT);
        assertThat(vm.controller()).isEqualTo("https://issuer.example/profile");
        assertThat(vm.type()).isEqualTo("Ed25519VerificationKey2020");
        assertThat(KeyResolver.builder().controllerDocument(profile).build()
                .resolve("https://issuer.example/profile#key-1").key()).isEqualTo(key.publicKey());
        assertThatThrownBy(() -> base.resolve("https://issuer.example/profile#key-1")).isInstanceOf(BadgeException.class);
    }

    @Test
    void fragmentKeysAreACompatibilityModeThatCanBeTurnedOff() throws Exception {
        String url = "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
        VerificationMethod vm = KeyResolver.offline().resolve(url);
        assertThat(vm.source()).isEqualTo(KeySource.URL_FRAGMENT);
        assertThat(vm.controller()).isEqualTo("https://example.edu/issuers/565049");
        assertThatThrownBy(() -> KeyResolver.builder().fragmentKeys(false).build().resolve(url))
                .isInstanceOfSatisfying(BadgeException.class, e -> assertThat(e.code()).isEqualTo(BadgeException.Code.FETCH_REFUSED));
        for (String bad : List.of("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
                "xxx:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
                "did:example:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
                "https://example.edu/issuers/565049#key-1", "", "https://a b")) {
            assertThatThrownBy(() -> KeyResolver.offline().resolve(bad)).as(bad).isInstanceOf(BadgeException.class);
        }
    }
}
