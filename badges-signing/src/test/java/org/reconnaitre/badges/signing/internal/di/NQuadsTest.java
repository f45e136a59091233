package org.reconnaitre.badges.signing.internal.di;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.ProofOutcome;
import org.reconnaitre.badges.signing.ProofResult;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Issue #22 §4: the canonical N-Quads an RDFC proof signs are injective. Property: for every
 * document we canonicalize (own fixtures, the shared Open Badges fixtures when
 * {@code reconnaitre.shared} is set, and generated variants with hostile strings), parsing the
 * canonical text back with the strict {@link NQuads} parser gives exactly the canonicalized dataset;
 * an IRI, language tag or label the grammar cannot carry is refused at signing and at verification.
 */
class NQuadsTest {
    private static final SigningKey KEY;

    static {
        try {
            KEY = SigningKey.fromEd25519Secret(new byte[32]);
        } catch (BadgeException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Budget budget() {
        return Budget.of(20_000, Duration.ofSeconds(60), BundledContexts.loader());
    }

    /** @return true when the document canonicalized (and round-tripped), false when it was refused */
    private static boolean roundTrips(JsonNode doc) {
        return refusal(doc) == null;
    }

    /** @return null when the document canonicalized and round-tripped, else why it was refused */
    private static String refusal(JsonNode doc) {
        Canonicalizer.Canonical c;
        try {
            c = Canonicalizer.canonical(Canonicalizer.expand(doc, budget()), budget(), null);
        } catch (ProofFailure f) {
            return f.getMessage();
        }
        List<NQuads.Quad> parsed = NQuads.parse(c.nquads());
        assertThat(new HashSet<>(parsed)).as(c.nquads()).isEqualTo(c.dataset().canonicalDataset());
        assertThat(parsed).as("one line per quad, no duplicates").doesNotHaveDuplicates();
        assertThat(c.nquads().chars().filter(ch -> ch == '\n').count()).isEqualTo(parsed.size());
        return null;
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of(NQuadsTest.class.getResource("/di").toURI()));
        roots.add(Path.of(NQuadsTest.class.getResource("/w3c-vc-di-eddsa").toURI()));
        Optional<Path> shared = SharedData.find();
        shared.map(p -> p.resolve("openbadges")).filter(Files::isDirectory).ifPresent(roots::add);
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("manifest.json"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyFixtureAndItsProofConfigurationsRoundTrip() throws Exception {
        int checked = 0;
        int refused = 0;
        List<String> unfaithful = new ArrayList<>();
        for (Path file : fixtures()) {
            JsonNode doc;
            try {
                doc = Json.parse(Files.readString(file));
            } catch (BadgeException | IOException e) {
                continue;
            }
            if (!(doc instanceof ObjectNode obj) || !obj.has("@context")) {
                continue;
            }
            ObjectNode unsecured = obj.deepCopy();
            JsonNode proofs = unsecured.remove("proof");
            String why = refusal(unsecured);
            if (why == null) {
                checked++;
            } else {
                refused++;
                if (why.contains("canonicalized faithfully")) {
                    unfaithful.add(file.getFileName() + ": " + why);
                }
            }
            for (JsonNode p : proofs == null ? List.<JsonNode>of() : Json.elements(proofs)) {
                if (p instanceof ObjectNode proof) {
                    ObjectNode config = proof.deepCopy();
                    config.remove("proofValue");
                    if (!config.has("@context")) {
                        config.set("@context", obj.get("@context"));
                    }
                    if (roundTrips(config)) {
                        checked++;
                    }
                }
            }
        }
        System.out.printf("[nquads] fixtures: %d datasets round-tripped, %d documents refused (%d by the N-Quads"
                + " term checks: %s)%n", checked, refused, unfaithful.size(), unfaithful);
        assertThat(checked).isGreaterThan(5);
    }

    private static final List<String> HOSTILE_STRINGS = List.of("a\"b", "back\\slash", "line\nfeed", "car\rriage",
            "tab\t", "nul\u0000", "del\u007f", "bell\u0007", "vt\u000b", "ls\u2028ps\u2029", "nel\u0085", "emoji \uD83C\uDF93",
            "\" .\n<urn:x> <urn:p> \"y", "\\u0022", "\\n", "^^<http://www.w3.org/2001/XMLSchema#string>", "@en");

    private static final List<String> HOSTILE_IRIS = List.of("urn:x> <https://p.example/p> <urn:o> .\n<urn:y",
            "https://a.example/a b", "https://a.example/\"", "https://a.example/{x}", "https://a.example/%zz",
            "https://a.example/a\\b", "https://a.example/^", "https://a.example/`", "https://a.example/|",
            "https://a.example/\u0000", "https://a.example/<", "urn:x\tz", "https://a.example/\uD800");

    private static ObjectNode base() throws Exception {
        return (ObjectNode) Json.parse(new String(NQuadsTest.class.getResourceAsStream("/di/ob3-unsigned.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void hostileStringsAreEscapedAndReadBackAsTheSameLiteral() throws Exception {
        int n = 0;
        for (String s : HOSTILE_STRINGS) {
            ObjectNode doc = base();
            doc.put("name", s);
            ((ObjectNode) doc.at("/credentialSubject/achievement")).put("description", s + s);
            ((ObjectNode) doc.at("/credentialSubject/achievement")).putObject("name").put("@value", s).put("@language", "fr-CA");
            assertThat(refusal(doc)).as(s).isNull();
            n++;
            // and signs and verifies
            String signed = DataIntegrity.sign(Json.write(doc), KEY, ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).build());
            assertThat(DataIntegrity.verify(signed, KeyResolver.offline()).valid()).as(s).isTrue();
        }
        System.out.printf("[nquads] hostile literals round-tripped: %d%n", n);
    }

    @Test
    void iriTheGrammarCannotCarryAreRefusedAtSigningAndVerification() throws Exception {
        int n = 0;
        for (String iri : HOSTILE_IRIS) {
            for (String pointer : List.of("/id", "/credentialSubject/id", "/issuer/id", "/credentialSubject/achievement/id")) {
                ObjectNode doc = base();
                ((ObjectNode) doc.at(pointer.substring(0, pointer.lastIndexOf('/')).isEmpty() ? ""
                        : pointer.substring(0, pointer.lastIndexOf('/')))).put("id", iri);
                assertThat(roundTrips(doc)).as(iri + " at " + pointer).isFalse();
                // (an unpaired surrogate does not even get through the JSON parser: not Unicode text)
                boolean surrogate = iri.chars().anyMatch(c -> Character.isSurrogate((char) c));
                assertThatThrownBy(() -> DataIntegrity.sign(Json.write(doc), KEY,
                        ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).build())).as(iri)
                        .isInstanceOfSatisfying(BadgeException.class, e -> assertThat(e.code()).isEqualTo(
                                surrogate ? BadgeException.Code.MALFORMED_JSON : BadgeException.Code.INVALID_DOCUMENT));
                // a proof made elsewhere over such a document is not checked against a collision
                ObjectNode proof = doc.putObject("proof");
                proof.put("type", "DataIntegrityProof");
                proof.put("cryptosuite", "eddsa-rdfc-2022");
                proof.put("verificationMethod", DidKey.verificationMethodId(KEY.publicKey()));
                proof.put("proofPurpose", "assertionMethod");
                proof.put("created", "2024-01-01T00:00:00Z");
                proof.put("proofValue", "z" + "2".repeat(80));
                ProofResult r = DataIntegrity.verify(Json.write(doc), KeyResolver.offline());
                assertThat(r.valid()).isFalse();
                if (surrogate) {
                    assertThat(r.problem()).as(iri).isNotEmpty();
                } else {
                    assertThat(r.proofs().get(0).status()).as(iri + ": " + r.summary())
                            .isEqualTo(ProofOutcome.Status.INVALID_DOCUMENT);
                }
                n++;
            }
        }
        System.out.printf("[nquads] hostile IRIs refused: %d%n", n);
    }

    @Test
    void anIdThatSpellsStatementsCannotStandForThem() throws Exception {
        // without the IRI check, this id would serialise as an extra validUntil statement
        ObjectNode doc = base();
        doc.put("id", "urn:uuid:x> <https://www.w3.org/2018/credentials#validUntil> \"2099-01-01T00:00:00Z\"^^"
                + "<http://www.w3.org/2001/XMLSchema#dateTime> .\n<urn:uuid:x");
        assertThatThrownBy(() -> DataIntegrity.sign(Json.write(doc), KEY,
                ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).build()))
                .isInstanceOf(BadgeException.class).hasMessageContaining("not a well-formed absolute IRI");
    }

    @Test
    void writerAndParserAgreeOnEveryTermKind() {
        String text = NQuads.quad("_:c14n0", "https://p.example/p", "v\"\n\u0001", NQuads.XSD_STRING, null, null, null)
                + NQuads.quad("https://s.example/s", "https://p.example/p", "x", NQuads.RDF_LANG_STRING, "en-GB", null,
                        "_:c14n1")
                + NQuads.quad("https://s.example/s", "https://p.example/p", "1", "http://www.w3.org/2001/XMLSchema#integer",
                        null, null, "https://g.example/g")
                + NQuads.quad("https://s.example/s", "https://p.example/p", "https://o.example/%C3%A9", null, null, null, null);
        assertThat(text).contains("\"v\\\"\\n\\u0001\"").contains("\"x\"@en-GB").contains("^^<http://www.w3.org/2001/XMLSchema#integer>");
        assertThat(NQuads.parse(text)).containsExactly(
                new NQuads.Quad("_:c14n0", "https://p.example/p", "v\"\n\u0001", NQuads.XSD_STRING, null, null),
                new NQuads.Quad("https://s.example/s", "https://p.example/p", "x", NQuads.RDF_LANG_STRING, "en-GB", "_:c14n1"),
                new NQuads.Quad("https://s.example/s", "https://p.example/p", "1",
                        "http://www.w3.org/2001/XMLSchema#integer", null, "https://g.example/g"),
                new NQuads.Quad("https://s.example/s", "https://p.example/p", "https://o.example/%C3%A9", null, null, null));
        for (String bad : List.of("en US", "en-", "", "e\nn")) {
            assertThatThrownBy(() -> NQuads.quad("_:a", "https://p.example/p", "x", null, bad, null, null))
                    .isInstanceOf(NQuads.Malformed.class);
        }
        assertThatThrownBy(() -> NQuads.quad("_:a b", "https://p.example/p", "x", NQuads.XSD_STRING, null, null, null))
                .isInstanceOf(NQuads.Malformed.class);
        assertThatThrownBy(() -> NQuads.parse("<urn:a> <urn:p> <urn:o>  .\n")).isInstanceOf(NQuads.Malformed.class);
        assertThatThrownBy(() -> NQuads.parse("<urn:a> <urn:p> \"x\\q\" .\n")).isInstanceOf(NQuads.Malformed.class);
    }
}
