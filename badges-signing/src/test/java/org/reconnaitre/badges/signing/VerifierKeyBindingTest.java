package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;
import static org.reconnaitre.badges.signing.VerifierTestSupport.jws;
import static org.reconnaitre.badges.signing.VerifierTestSupport.verifier;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * Who may sign for an issuer: the key-binding check. A key is the issuer's only when the issuer's
 * own document (the one resolved from the issuer id) lists it under assertionMethod; identifiers
 * are compared parsed (case, percent-encoding, default ports), never as strings.
 */
class VerifierKeyBindingTest {
    private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
    private static final String VICTIM = "did:web:victim.example";
    private static final String ATTACKER = "did:web:attacker.example";
    private static final String HTTPS_ISSUER = "https://university.example/issuers/1";

    private static String sign(String issuerId, String verificationMethod) throws Exception {
        return Issuer.with(KEY).verificationMethod(verificationMethod).build()
                .signDataIntegrity(credential(issuerId), "eddsa-rdfc-2022", CREATED);
    }

    private static VerificationReport signAndVerify(String issuerId, String verificationMethod) throws Exception {
        return verifier().verify(sign(issuerId, verificationMethod));
    }

    private static Verifier online(Fetcher fetcher) {
        return Verifier.builder().clock(CLOCK).fetcher(fetcher).build();
    }

    private static CheckResult binding(VerificationReport r) {
        return r.check("key-binding").orElseThrow();
    }

    /** A DID / controller document with one Multikey method (its own {@code controller} given) and relationships. */
    static String document(String id, String vmId, String controller, String relationships) {
        return "{\"@context\":[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"],"
                + "\"id\":\"" + id + "\",\"verificationMethod\":[{\"id\":\"" + vmId + "\",\"type\":\"Multikey\","
                + "\"controller\":\"" + controller + "\",\"publicKeyMultibase\":\"" + KEY.publicKey().toMultibase() + "\"}]"
                + (relationships.isEmpty() ? "" : "," + relationships) + "}";
    }

    // ---- did:key ------------------------------------------------------------------------------

    @Test
    void theIssuersOwnDidKeyBinds() throws Exception {
        VerificationReport r = signAndVerify(DidKey.of(KEY.publicKey()), DidKey.verificationMethodId(KEY.publicKey()));
        assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(r).message()).contains("listed for assertionMethod by the issuer's own did:key");
        assertThat(r.isValid()).isTrue();
    }

    @Test
    void anotherDidKeyDoesNotBind() throws Exception {
        String other = DidKey.of(SigningKey.generate(KeyType.ED25519).publicKey());
        VerificationReport r = signAndVerify(other, DidKey.verificationMethodId(KEY.publicKey()));
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(r).message()).contains("not from the issuer's own document (" + other + ")");
        assertThat(r.isValid()).isFalse();
    }

    // ---- the controller is the document the method was resolved from ---------------------------

    @Test
    void aMethodInTheAttackersDidDocumentClaimingTheVictimAsControllerIsNotTheVictimsKey() throws Exception {
        HostileFetcher fetcher = HostileFetcher.builder()
                .json("https://attacker.example/.well-known/did.json",
                        document(ATTACKER, ATTACKER + "#key-1", VICTIM, "\"assertionMethod\":[\"" + ATTACKER + "#key-1\"]"))
                .build();
        VerificationReport r = online(fetcher).verify(sign(VICTIM, ATTACKER + "#key-1"));
        assertThat(fetcher.requested("https://attacker.example/.well-known/did.json")).isTrue();
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(r).message()).contains("read from the document of " + ATTACKER).contains(VICTIM);
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void aMethodInTheAttackersHttpsControllerDocumentClaimingTheVictimIsNotTheVictimsKey() throws Exception {
        String attackerDoc = "https://attacker.example/keys";
        HostileFetcher fetcher = HostileFetcher.builder()
                .json(attackerDoc, document(attackerDoc, attackerDoc + "#k", HTTPS_ISSUER,
                        "\"assertionMethod\":[\"" + attackerDoc + "#k\"]"))
                .build();
        VerificationReport r = online(fetcher).verify(sign(HTTPS_ISSUER, attackerDoc + "#k"));
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void aMethodNamingAnotherControllerAuthorisesNothingEvenInItsOwnDocument() throws Exception {
        // the attacker issues in its own name, with a key its document says the victim controls
        HostileFetcher fetcher = HostileFetcher.builder()
                .json("https://attacker.example/.well-known/did.json",
                        document(ATTACKER, ATTACKER + "#key-1", VICTIM, "\"assertionMethod\":[\"" + ATTACKER + "#key-1\"]"))
                .build();
        VerificationReport r = online(fetcher).verify(sign(ATTACKER, ATTACKER + "#key-1"));
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(r).message()).contains("assertionMethod");
    }

    @Test
    void aDocumentServedForTheVictimButAboutAnotherIdIsRefused() throws Exception {
        // whatever the victim's URL serves, a document whose id is not the victim's DID speaks for no one
        HostileFetcher fetcher = HostileFetcher.builder()
                .json("https://victim.example/.well-known/did.json",
                        document(ATTACKER, VICTIM + "#key-1", VICTIM, "\"assertionMethod\":[\"" + VICTIM + "#key-1\"]"))
                .build();
        VerificationReport r = online(fetcher).verify(sign(VICTIM, VICTIM + "#key-1"));
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.check("proof").orElseThrow().message()).contains("not about " + VICTIM);
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void theVictimsOwnDocumentListingTheKeyForAssertionsBinds() throws Exception {
        HostileFetcher fetcher = HostileFetcher.builder()
                .json("https://victim.example/.well-known/did.json",
                        document(VICTIM, "#key-1", VICTIM, "\"assertionMethod\":[\"#key-1\"]"))
                .build();
        VerificationReport r = online(fetcher).verify(sign(VICTIM, VICTIM + "#key-1"));
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(r).message()).contains("did:web document");
    }

    // ---- assertionMethod only -----------------------------------------------------------------

    @Test
    void aKeyListedOnlyForOtherRelationshipsCannotIssueCredentials() throws Exception {
        for (String rel : new String[] {"authentication", "capabilityInvocation", "capabilityDelegation", "keyAgreement"}) {
            HostileFetcher fetcher = HostileFetcher.builder()
                    .json("https://victim.example/.well-known/did.json",
                            document(VICTIM, VICTIM + "#key-1", VICTIM, "\"" + rel + "\":[\"" + VICTIM + "#key-1\"]"))
                    .build();
            VerificationReport r = online(fetcher).verify(sign(VICTIM, VICTIM + "#key-1"));
            assertThat(r.check("proof").orElseThrow().outcome()).as(rel).isEqualTo(CheckOutcome.PASSED);
            assertThat(binding(r).outcome()).as(rel + ": " + r).isEqualTo(CheckOutcome.FAILED);
            assertThat(binding(r).message()).as(rel).contains("not under assertionMethod");
            assertThat(r.isValid()).as(rel).isFalse();
        }
        // listed under verificationMethod alone: not authorised either
        HostileFetcher none = HostileFetcher.builder()
                .json("https://victim.example/.well-known/did.json", document(VICTIM, VICTIM + "#key-1", VICTIM, ""))
                .build();
        assertThat(binding(online(none).verify(sign(VICTIM, VICTIM + "#key-1"))).outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void anEmbeddedAssertionMethodBinds() throws Exception {
        String doc = "{\"id\":\"" + VICTIM + "\",\"assertionMethod\":[{\"id\":\"" + VICTIM + "#key-1\",\"type\":\"Multikey\","
                + "\"controller\":\"" + VICTIM + "\",\"publicKeyMultibase\":\"" + KEY.publicKey().toMultibase() + "\"}]}";
        HostileFetcher fetcher = HostileFetcher.builder().json("https://victim.example/.well-known/did.json", doc).build();
        VerificationReport r = online(fetcher).verify(sign(VICTIM, VICTIM + "#key-1"));
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
    }

    // ---- fragment keys (the 1EdTech convention) ------------------------------------------------

    @Test
    void aFragmentKeyUnderTheIssuersUrlFailsByDefault() throws Exception {
        VerificationReport r = signAndVerify(HTTPS_ISSUER, HTTPS_ISSUER + "#" + KEY.publicKey().toMultibase());
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(r).message()).contains("fragment").contains("allowUnboundFragmentKeys")
                .contains("university.example");
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void aFragmentKeyFailsWhenTheIssuersDocumentCannotBeFetched() throws Exception {
        HostileFetcher fetcher = HostileFetcher.builder().status(HTTPS_ISSUER, 404).build();
        VerificationReport r = online(fetcher).verify(sign(HTTPS_ISSUER, HTTPS_ISSUER + "#" + KEY.publicKey().toMultibase()));
        assertThat(fetcher.requested(HTTPS_ISSUER)).isTrue();
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void theOneEdTechFragmentConventionIsAWarningOnlyWhenExplicitlyAllowed() throws Exception {
        String signed = sign(HTTPS_ISSUER, HTTPS_ISSUER + "#" + KEY.publicKey().toMultibase());
        VerificationReport r = Verifier.builder().clock(CLOCK).allowUnboundFragmentKeys(true).build().verify(signed);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.WARNING);
        assertThat(binding(r).message()).contains("1EdTech convention").contains("no document")
                .contains("allowUnboundFragmentKeys");
    }

    @Test
    void aFragmentKeyListedForAssertionsByTheIssuersFetchedDocumentBinds() throws Exception {
        String vm = HTTPS_ISSUER + "#" + KEY.publicKey().toMultibase();
        HostileFetcher fetcher = HostileFetcher.builder()
                .json(HTTPS_ISSUER, document(HTTPS_ISSUER, vm, HTTPS_ISSUER, "\"assertionMethod\":[\"" + vm + "\"]"))
                .build();
        VerificationReport r = online(fetcher).verify(sign(HTTPS_ISSUER, vm));
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(r).message()).contains("controller document");
    }

    @Test
    void aFragmentKeyUnderAnotherUrlDoesNotBindEvenWhenAllowed() throws Exception {
        String signed = sign(HTTPS_ISSUER, "https://attacker.example/issuers/1#" + KEY.publicKey().toMultibase());
        for (boolean allow : new boolean[] {false, true}) {
            VerificationReport r = Verifier.builder().clock(CLOCK).allowUnboundFragmentKeys(allow).build().verify(signed);
            assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(binding(r).message()).contains("https://attacker.example/issuers/1");
        }
    }

    @Test
    void aDidWebKeyReadOnlyFromItsFragmentDoesNotBindEvenWhenAllowed() throws Exception {
        String signed = sign(VICTIM, VICTIM + "#" + KEY.publicKey().toMultibase());
        for (boolean allow : new boolean[] {false, true}) {
            VerificationReport r = Verifier.builder().clock(CLOCK).allowUnboundFragmentKeys(allow).build().verify(signed);
            assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
            assertThat(binding(r).message()).contains("DID document");
        }
    }

    @Test
    void aJwtKidThatIsAFragmentOfTheHttpsIssuerFailsByDefault() {
        String kid = "#" + KEY.publicKey().toMultibase();
        String token = jws("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}", credential(HTTPS_ISSUER), KEY);
        VerificationReport strict = verifier().verify(token);
        assertThat(strict.check("proof").orElseThrow().outcome()).as(strict.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(strict).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(strict.isValid()).isFalse();

        VerificationReport lenient = Verifier.builder().clock(CLOCK).allowUnboundFragmentKeys(true).build().verify(token);
        assertThat(binding(lenient).outcome()).as(lenient.toString()).isEqualTo(CheckOutcome.WARNING);
        assertThat(lenient.isValid()).isTrue();
    }

    // ---- issuers that cannot be resolved -------------------------------------------------------

    @Test
    void anUnresolvableIssuerIdCannotBeBoundToAnyKey() throws Exception {
        VerificationReport r = signAndVerify("urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164",
                DidKey.verificationMethodId(KEY.publicKey()));
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(r).message()).contains("cannot be resolved");
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void aJwtWithAUrnIssuerAndOnlyItsOwnJwkFailsByDefault() {
        String token = jws("{\"alg\":\"EdDSA\",\"jwk\":" + KEY.publicKey().toJwk() + "}",
                credential("urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164"), KEY);
        VerificationReport strict = verifier().verify(token);
        assertThat(strict.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(binding(strict).outcome()).as(strict.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(strict).message()).contains("self-asserted").contains("cannot be resolved");
        assertThat(strict.isValid()).isFalse();

        VerificationReport lenient = Verifier.builder().clock(CLOCK).trustEmbeddedJwk(true).build().verify(token);
        assertThat(binding(lenient).outcome()).isEqualTo(CheckOutcome.WARNING);
    }

    // ---- identifiers are parsed, not string-matched --------------------------------------------

    private static HostileFetcher universityDocument() {
        String vm = HTTPS_ISSUER + "#key-1";
        return HostileFetcher.builder()
                .json(HTTPS_ISSUER, document(HTTPS_ISSUER, vm, HTTPS_ISSUER, "\"assertionMethod\":[\"" + vm + "\"]"))
                .build();
    }

    @Test
    void issuerIdsTheSpecCallsEqualBind() throws Exception {
        // RFC 3986 §6.2.2: scheme and host case, the default port and encoded unreserved characters do not matter
        for (String issuer : new String[] {"HTTPS://University.Example:443/issuers/1", "https://university.example/issuers/%31",
                "https://UNIVERSITY.example/%69ssuers/1"}) {
            VerificationReport r = online(universityDocument()).verify(sign(issuer, HTTPS_ISSUER + "#key-1"));
            assertThat(binding(r).outcome()).as(issuer + ": " + r).isEqualTo(CheckOutcome.PASSED);
        }
        HostileFetcher didDoc = HostileFetcher.builder()
                .json("https://victim.example/.well-known/did.json",
                        document(VICTIM, VICTIM + "#key-1", VICTIM, "\"assertionMethod\":[\"" + VICTIM + "#key-1\"]"))
                .build();
        VerificationReport r = online(didDoc).verify(sign("did:web:Victim.Example", VICTIM + "#key-1"));
        assertThat(binding(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void issuerIdVariantsTheSpecCallsDifferentOrInvalidDoNotBind() throws Exception {
        for (String issuer : new String[] {"https://university.example/Issuers/1", "https://university.example/issuers/1/",
                "https://university.example/issuers%2F1", "http://university.example/issuers/1",
                "https://university.example:8443/issuers/1", "https://university.example./issuers/1",
                "https://user@university.example/issuers/1", "https://university.example/issuers/1#me",
                "did:WEB:university.example", "https://university.example/x/../issuers/1"}) {
            VerificationReport r = online(universityDocument()).verify(sign(issuer, HTTPS_ISSUER + "#key-1"));
            assertThat(binding(r).outcome()).as(issuer + ": " + r).isEqualTo(CheckOutcome.FAILED);
            assertThat(r.isValid()).as(issuer).isFalse();
        }
    }

    @Test
    void aDidWithAnUpperCaseMethodIsNotADid() throws Exception {
        VerificationReport r = signAndVerify("did:KEY:" + KEY.publicKey().toMultibase(), DidKey.verificationMethodId(KEY.publicKey()));
        assertThat(binding(r).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(binding(r).message()).contains("not a valid identifier");
    }
}
