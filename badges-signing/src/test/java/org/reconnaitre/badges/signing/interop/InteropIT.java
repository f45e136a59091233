package org.reconnaitre.badges.signing.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.DidDocument;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.JwtOptions;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.ProofOutcome;
import org.reconnaitre.badges.signing.ProofResult;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationMethod;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

/**
 * Interoperability with the digitalbazaar JS stack (../interop; VC-JWT through {@code jose}):
 * what the JS side signs, we verify; what we sign, the JS side verifies; what we tamper with, the
 * JS side rejects — for Data Integrity (eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022; JS-signed
 * Ed25519Signature2020 too) and VC-JWT (EdDSA, ES256). Selective disclosure (ecdsa-sd-2023): base
 * proofs from either side, disclosures derived by either side from either side's base proofs (the
 * same bytes), each accepted by the other side, tampered copies rejected. Runs only in the {@code interop} Maven
 * profile, which installs the Node project first: {@code ./mvnw -B -Pinterop verify -pl badges-signing -am}.
 */
@Tag("interop")
class InteropIT {
    /** The suites sign.mjs uses (one file per credential and suite). */
    static final List<String> JS_SUITES = List.of("eddsa-rdfc-2022", "ecdsa-rdfc-2019", "eddsa-jcs-2022",
            "Ed25519Signature2020", "vc-jwt-EdDSA", "vc-jwt-ES256");

    /** Every suite but ecdsa-sd-2023, whose base proofs are for holders (see the selective disclosure tests). */
    static final List<Cryptosuite> PLAIN_SUITES = java.util.Arrays.stream(Cryptosuite.values())
            .filter(s -> s != Cryptosuite.ECDSA_SD_2023).toList();
    /** The pointers of interop/lib/suites.mjs (SD_MANDATORY_POINTERS, SD_SELECTIVE_POINTERS). */
    static final List<String> SD_MANDATORY = List.of("/issuer", "/validFrom");
    static final List<String> SD_SELECTIVE = List.of("/name", "/credentialSubject/achievement");

    /** The proof date both sides use (sign.mjs default). */
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    /** After every validFrom of credentials/, before every validUntil. */
    static final Verifier VERIFIER =
            Verifier.builder().clock(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC)).build();

    static final NodeHarness NODE = new NodeHarness();
    static final Path WORK = Path.of("target", "interop").toAbsolutePath();
    static List<Path> jsSigned;
    /** Our signatures: file -> suite, one file per (credential, suite we can create). */
    static Map<Path, Cryptosuite> javaSigned;
    /** Our VC-JWTs: EdDSA and ES256, Open Badges and VC-JOSE shapes. */
    static List<Path> javaJwts;

    @BeforeAll
    static void signOnBothSides() throws Exception {
        NODE.assertInstalled();
        Path out = WORK.resolve("js-signed");
        deleteTree(out);
        Files.createDirectories(out);
        jsSigned = NODE.sign(out);
        javaSigned = signWithJava(WORK.resolve("java-signed"), javaEd25519(), javaP256());
        javaJwts = signJwtsWithJava(WORK.resolve("java-jwt"), javaEd25519(), javaP256());
    }

    /** Signs every credential as a VC-JWT with our Issuer: EdDSA and ES256, both payload shapes. */
    static List<Path> signJwtsWithJava(Path out, SigningKey ed25519, SigningKey p256) throws Exception {
        deleteTree(out);
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (Path credential : credentialFiles()) {
            String name = credential.getFileName().toString().replaceFirst("\\.json$", "");
            for (SigningKey key : List.of(ed25519, p256)) {
                for (JwtOptions.Shape shape : JwtOptions.Shape.values()) {
                    Issuer issuer = Issuer.with(key).jwtOptions(JwtOptions.builder().shape(shape).build()).build();
                    String jwt = issuer.signJwt(withIssuer(credential, key));
                    Path target = out.resolve(name + "." + key.type().jwsAlgorithm() + "-" + shape + ".jwt");
                    Files.writeString(target, jwt, StandardCharsets.UTF_8);
                    written.add(target);
                }
            }
        }
        return written;
    }

    static String withIssuer(Path credential, SigningKey key) throws IOException {
        ObjectNode json = (ObjectNode) NodeHarness.readJson(credential);
        ((ObjectNode) json.get("issuer")).put("id", DidKey.of(key.publicKey()));
        return NodeHarness.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
    }

    static boolean isJwt(Path file) {
        return file.toString().endsWith(".jwt");
    }

    /** Applies a change to the payload of a compact JWS and keeps the original signature. */
    static String tamperJwt(String compact, Consumer<ObjectNode> tamper) throws IOException {
        String[] parts = compact.trim().split("\\.");
        ObjectNode payload = (ObjectNode) NodeHarness.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        ObjectNode credential = payload.has("vc") ? (ObjectNode) payload.get("vc") : payload;
        tamper.accept(credential);
        String changed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(NodeHarness.mapper().writeValueAsBytes(payload));
        return parts[0] + "." + changed + "." + parts[2];
    }

    /** Our own issuer keys, distinct from the JS ones. */
    static SigningKey javaEd25519() throws BadgeException {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) (0x20 + i);
        }
        return SigningKey.fromEd25519Secret(seed);
    }

    static SigningKey javaP256() throws Exception {
        return SigningKey.fromP256Secret(sha256("reconnaitre java interop P-256 issuer key"));
    }

    /** The JS side's keys (interop/lib/keys.mjs), for byte-for-byte comparisons. */
    static SigningKey jsEd25519() throws BadgeException {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
        }
        return SigningKey.fromEd25519Secret(seed);
    }

    static SigningKey jsP256() throws Exception {
        return SigningKey.fromP256Secret(sha256("reconnaitre interop P-256 issuer key"));
    }

    /** Signs every credential of interop/credentials with every suite we create, as sign.mjs does. */
    static Map<Path, Cryptosuite> signWithJava(Path out, SigningKey ed25519, SigningKey p256) throws Exception {
        deleteTree(out);
        Files.createDirectories(out);
        Map<Path, Cryptosuite> written = new LinkedHashMap<>();
        for (Path credential : credentialFiles()) {
            String name = credential.getFileName().toString().replaceFirst("\\.json$", "");
            for (Cryptosuite suite : PLAIN_SUITES) {
                SigningKey key = suite.keyType() == KeyType.P256 ? p256 : ed25519;
                Path target = out.resolve(name + "." + suite.id() + ".json");
                Files.writeString(target, signWithJava(credential, suite, key), StandardCharsets.UTF_8);
                written.put(target, suite);
            }
        }
        return written;
    }

    /** Sets the issuer id to the key's did:key (as sign.mjs does), then signs with our DataIntegrity. */
    static String signWithJava(Path credential, Cryptosuite suite, SigningKey key) throws Exception {
        return DataIntegrity.sign(withIssuer(credential, key), key, ProofOptions.builder(suite).created(CREATED).build());
    }

    static List<Path> credentialFiles() throws IOException {
        try (var files = Files.list(NODE.credentialsDir())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    // ---- (a) the JS side signs, we verify -------------------------------------------------------

    @Test
    void ourVerifierAcceptsEverythingTheJsSideSigned() throws Exception {
        TreeSet<String> suitesSeen = new TreeSet<>();
        for (Path file : jsSigned) {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            VerificationReport report = VERIFIER.verify(json);
            assertThat(report.isValid()).as("%s: %s", file.getFileName(), report.failures()).isTrue();
            assertThat(report.check("proof")).as(file.getFileName().toString())
                    .hasValueSatisfying(c -> assertThat(c.outcome()).isEqualTo(CheckOutcome.PASSED));
            if (isJwt(file)) {
                assertThat(report.format()).isEqualTo(VerificationReport.Format.JWT);
                String name = file.getFileName().toString();
                suitesSeen.add(name.substring(name.indexOf('.') + 1, name.lastIndexOf('.')));
                continue;
            }

            ProofResult proofs = DataIntegrity.verify(json, KeyResolver.offline());
            assertThat(proofs.valid()).as("%s: %s", file.getFileName(), proofs.summary()).isTrue();
            assertThat(proofs.proofs()).hasSize(1);
            ProofOutcome proof = proofs.proofs().get(0);
            assertThat(proof.status()).isEqualTo(ProofOutcome.Status.VALID);
            suitesSeen.add(proof.cryptosuite().isEmpty() ? proof.type() : proof.cryptosuite());
        }
        assertThat(suitesSeen).containsExactlyInAnyOrderElementsOf(JS_SUITES);
    }

    @Test
    void ourVerifierRejectsWhatTheJsSideSignedOnceTampered() throws Exception {
        for (Path file : jsSigned) {
            for (Map.Entry<String, Consumer<ObjectNode>> tamper : tampers().entrySet()) {
                String changed;
                if (isJwt(file)) {
                    changed = tamperJwt(Files.readString(file, StandardCharsets.UTF_8), tamper.getValue());
                } else {
                    ObjectNode json = (ObjectNode) NodeHarness.readJson(file);
                    tamper.getValue().accept(json);
                    changed = NodeHarness.mapper().writeValueAsString(json);
                }
                VerificationReport report = VERIFIER.verify(changed);
                assertThat(report.isValid()).as("%s %s", file.getFileName(), tamper.getKey()).isFalse();
                assertThat(report.check("proof")).as("%s %s", file.getFileName(), tamper.getKey())
                        .hasValueSatisfying(c -> assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED));
            }
        }
    }

    // ---- (b) we sign, the JS side verifies --------------------------------------------------------

    @Test
    void theJsSideAcceptsEverythingWeSigned() throws Exception {
        assertThat(javaSigned).hasSize(credentialFiles().size() * PLAIN_SUITES.size());
        for (Path file : javaSigned.keySet()) {
            VerificationReport ours = VERIFIER.verify(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(ours.isValid()).as("our own check of %s: %s", file.getFileName(), ours.failures()).isTrue();
        }
        Map<String, NodeHarness.JsVerdict> verdicts = NODE.verify(new ArrayList<>(javaSigned.keySet()));
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file() + ": " + v.error()).isTrue());
    }

    @Test
    void theJsSideAcceptsEveryVcJwtWeSign() throws Exception {
        assertThat(javaJwts).hasSize(credentialFiles().size() * 2 * JwtOptions.Shape.values().length);
        for (Path file : javaJwts) {
            VerificationReport ours = VERIFIER.verify(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(ours.isValid()).as("our own check of %s: %s", file.getFileName(), ours.failures()).isTrue();
        }
        Map<String, NodeHarness.JsVerdict> verdicts = NODE.verify(javaJwts);
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file() + ": " + v.error()).isTrue());
    }

    @Test
    void withTheSameEd25519KeyAndDateBothSidesWriteTheSameProofValue() throws Exception {
        Map<Path, Cryptosuite> same = signWithJava(WORK.resolve("java-signed-js-keys"), jsEd25519(), jsP256());
        int compared = 0;
        for (Map.Entry<Path, Cryptosuite> e : same.entrySet()) {
            if (e.getValue().keyType() != KeyType.ED25519) {
                continue; // ECDSA signatures are randomised on both sides
            }
            Path jsFile = jsSigned.stream()
                    .filter(p -> p.getFileName().equals(e.getKey().getFileName())).findFirst().orElseThrow();
            JsonNode ours = NodeHarness.readJson(e.getKey()).get("proof");
            JsonNode theirs = NodeHarness.readJson(jsFile).get("proof");
            assertThat(ours.get("verificationMethod")).isEqualTo(theirs.get("verificationMethod"));
            assertThat(ours.get("proofValue").asText()).as(e.getKey().getFileName().toString())
                    .isEqualTo(theirs.get("proofValue").asText());
            compared++;
        }
        assertThat(compared).isEqualTo(credentialFiles().size() * 2);
    }

    // ---- (c) we sign, tamper, and the JS side rejects ---------------------------------------------

    @Test
    void theJsSideRejectsWhatWeSignedOnceTampered() throws Exception {
        Path out = WORK.resolve("java-tampered");
        deleteTree(out);
        Files.createDirectories(out);
        List<Path> tampered = new ArrayList<>();
        List<Path> controls = new ArrayList<>();
        for (Path file : javaJwts) {
            String base = file.getFileName().toString().replaceFirst("\\.jwt$", "");
            for (Map.Entry<String, Consumer<ObjectNode>> tamper : tampers().entrySet()) {
                Path target = out.resolve(base + ".tampered-" + tamper.getKey() + ".jwt");
                Files.writeString(target, tamperJwt(Files.readString(file, StandardCharsets.UTF_8), tamper.getValue()),
                        StandardCharsets.UTF_8);
                tampered.add(target);
            }
        }
        for (Path file : javaSigned.keySet()) {
            String base = file.getFileName().toString().replaceFirst("\\.json$", "");
            for (Map.Entry<String, Consumer<ObjectNode>> tamper : tampers().entrySet()) {
                ObjectNode json = (ObjectNode) NodeHarness.readJson(file);
                tamper.getValue().accept(json);
                Path target = out.resolve(base + ".tampered-" + tamper.getKey() + ".json");
                Files.writeString(target, NodeHarness.mapper().writeValueAsString(json), StandardCharsets.UTF_8);
                tampered.add(target);
            }
            // Control: the same file with its top-level keys reversed means the same; it must still verify.
            ObjectNode json = (ObjectNode) NodeHarness.readJson(file);
            ObjectNode reversed = NodeHarness.mapper().createObjectNode();
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            for (int i = names.size() - 1; i >= 0; i--) {
                reversed.set(names.get(i), json.get(names.get(i)));
            }
            Path control = out.resolve(base + ".reordered.json");
            Files.writeString(control, NodeHarness.mapper().writeValueAsString(reversed), StandardCharsets.UTF_8);
            controls.add(control);
        }
        Map<String, NodeHarness.JsVerdict> rejected = NODE.verify(tampered);
        assertThat(rejected.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file()).isFalse());
        Map<String, NodeHarness.JsVerdict> accepted = NODE.verify(controls);
        assertThat(accepted.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file() + ": " + v.error()).isTrue());
    }

    // ---- the VC 1.1 shape (credentials/v1 + OB 3.0.3, issuanceDate) -------------------------------

    @Test
    void vc11ShapedCredentialsInteroperateBothWays() throws Exception {
        Path source = NODE.dir().resolve("credentials-vc11");
        Path jsOut = WORK.resolve("js-signed-vc11");
        deleteTree(jsOut);
        Files.createDirectories(jsOut);
        List<Path> fromJs = NODE.sign(jsOut, "--credentials", source.toString());
        assertThat(fromJs).hasSize(JS_SUITES.size());
        for (Path file : fromJs) {
            VerificationReport report = VERIFIER.verify(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(report.isValid()).as("%s: %s", file.getFileName(), report.failures()).isTrue();
        }

        Path javaOut = WORK.resolve("java-signed-vc11");
        deleteTree(javaOut);
        Files.createDirectories(javaOut);
        List<Path> fromJava = new ArrayList<>();
        try (var files = Files.list(source)) {
            for (Path credential : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = credential.getFileName().toString().replaceFirst("\\.json$", "");
                for (Cryptosuite suite : PLAIN_SUITES) {
                    SigningKey key = suite.keyType() == KeyType.P256 ? javaP256() : javaEd25519();
                    // Under credentials/v1 the Data Integrity terms (cryptosuite, proofValue) come from
                    // the data-integrity context; the JS side adds it itself, ours signs the JSON as given.
                    ObjectNode json = (ObjectNode) NodeHarness.mapper().readTree(withIssuer(credential, key));
                    ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("@context"))
                            .add("https://w3id.org/security/data-integrity/v2");
                    String signed = DataIntegrity.sign(NodeHarness.mapper().writeValueAsString(json), key,
                            ProofOptions.builder(suite).created(CREATED).build());
                    Path target = javaOut.resolve(name + "." + suite.id() + ".json");
                    Files.writeString(target, signed, StandardCharsets.UTF_8);
                    fromJava.add(target);
                }
                for (SigningKey key : List.of(javaEd25519(), javaP256())) {
                    Path target = javaOut.resolve(name + "." + key.type().jwsAlgorithm() + ".jwt");
                    Files.writeString(target, Issuer.with(key).build().signJwt(withIssuer(credential, key)),
                            StandardCharsets.UTF_8);
                    fromJava.add(target);
                }
            }
        }
        assertThat(fromJava).hasSize(PLAIN_SUITES.size() + 2);
        for (Path file : fromJava) {
            VerificationReport ours = VERIFIER.verify(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(ours.isValid()).as("our own check of %s: %s", file.getFileName(), ours.failures()).isTrue();
        }
        Map<String, NodeHarness.JsVerdict> verdicts = NODE.verify(fromJava);
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file() + ": " + v.error()).isTrue());
    }

    // ---- ecdsa-sd-2023 (selective disclosure) ---------------------------------------------------

    /** JS base proofs and the disclosures JS derived from them (sign.mjs --sd), by file name. */
    static Map<String, Path> jsSelective() throws Exception {
        Path out = WORK.resolve("js-sd");
        deleteTree(out);
        Files.createDirectories(out);
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path p : NODE.sign(out, "--sd")) {
            files.put(p.getFileName().toString(), p);
        }
        return files;
    }

    @Test
    void jsDerivedDisclosuresVerifyWithUsAndTamperedCopiesDoNot() throws Exception {
        Map<String, Path> js = jsSelective();
        List<Path> derived = js.values().stream().filter(p -> p.toString().endsWith(".ecdsa-sd-2023.json")).toList();
        List<Path> bases = js.values().stream().filter(p -> p.toString().endsWith("-base.json")).toList();
        assertThat(derived).hasSizeGreaterThanOrEqualTo(3).hasSameSizeAs(bases);
        for (Path file : derived) {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            VerificationReport report = VERIFIER.verify(json);
            assertThat(report.isValid()).as("%s: %s", file.getFileName(), report.failures()).isTrue();
            ProofResult proofs = DataIntegrity.verify(json, KeyResolver.offline());
            assertThat(proofs.valid()).as("%s: %s", file.getFileName(), proofs.summary()).isTrue();
            assertThat(proofs.proofs().get(0).cryptosuite()).isEqualTo("ecdsa-sd-2023");
            // what the JS holder did not disclose is absent, what it disclosed is there
            JsonNode doc = NodeHarness.readJson(file);
            assertThat(doc.get("credentialSubject").get("achievement").has("description")).isTrue();
            for (Map.Entry<String, Consumer<ObjectNode>> tamper : tampers().entrySet()) {
                ObjectNode changed = (ObjectNode) NodeHarness.readJson(file);
                tamper.getValue().accept(changed);
                VerificationReport r = VERIFIER.verify(NodeHarness.mapper().writeValueAsString(changed));
                assertThat(r.isValid()).as("%s %s", file.getFileName(), tamper.getKey()).isFalse();
                assertThat(r.check("proof")).as("%s %s", file.getFileName(), tamper.getKey())
                        .hasValueSatisfying(c -> assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED));
            }
        }
        for (Path file : bases) {
            ProofOutcome p = DataIntegrity.verify(Files.readString(file, StandardCharsets.UTF_8), KeyResolver.offline())
                    .proofs().get(0);
            assertThat(p.status()).as(file.getFileName().toString()).isEqualTo(ProofOutcome.Status.MALFORMED_PROOF);
            assertThat(p.reason()).contains("base proof");
        }
    }

    @Test
    void weDeriveFromJsBaseProofsAsJsDoesAndJsVerifies() throws Exception {
        Map<String, Path> js = jsSelective();
        Path out = WORK.resolve("java-derived-from-js");
        deleteTree(out);
        Files.createDirectories(out);
        List<Path> ours = new ArrayList<>();
        for (Path base : js.values().stream().filter(p -> p.toString().endsWith("-base.json")).toList()) {
            String derived = DataIntegrity.derive(Files.readString(base, StandardCharsets.UTF_8), SD_SELECTIVE);
            Path target = out.resolve(base.getFileName().toString().replace("-base.json", ".java-derived.json"));
            Files.writeString(target, derived, StandardCharsets.UTF_8);
            ours.add(target);
            // deriving is deterministic: the JS disclosure from the same base proof is the same
            JsonNode theirs = NodeHarness.readJson(js.get(base.getFileName().toString().replace("-base.json", ".json")));
            assertThat(NodeHarness.readJson(target)).as(target.getFileName().toString()).isEqualTo(theirs);
        }
        assertThat(ours).hasSizeGreaterThanOrEqualTo(3);
        Map<String, NodeHarness.JsVerdict> verdicts = NODE.verify(ours);
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file() + ": " + v.error()).isTrue());
    }

    @Test
    void jsDerivesFromOurBaseProofsAndVerifiesOurDisclosures() throws Exception {
        Path bases = WORK.resolve("java-sd-base");
        Path ourDerived = WORK.resolve("java-sd-derived");
        Path jsDerived = WORK.resolve("js-derived-from-java");
        for (Path dir : List.of(bases, ourDerived, jsDerived)) {
            deleteTree(dir);
            Files.createDirectories(dir);
        }
        SigningKey key = javaP256();
        List<Path> ours = new ArrayList<>();
        for (Path credential : credentialFiles()) {
            if (credential.getFileName().toString().equals("results-credits.json")) {
                continue; // jsonld.js cannot skolemize its JSON-LD list (see sign.mjs --sd); we sign it in the unit tests
            }
            String name = credential.getFileName().toString().replaceFirst("\\.json$", "");
            String base = DataIntegrity.sign(withIssuer(credential, key), key, ProofOptions.builder(Cryptosuite.ECDSA_SD_2023)
                    .created(CREATED).mandatoryPointers(SD_MANDATORY).build());
            Files.writeString(bases.resolve(name + ".json"), base, StandardCharsets.UTF_8);
            Path derived = ourDerived.resolve(name + ".derived.json");
            Files.writeString(derived, DataIntegrity.derive(base, SD_SELECTIVE), StandardCharsets.UTF_8);
            ours.add(derived);
        }
        assertThat(ours).hasSizeGreaterThanOrEqualTo(3);
        // JS derives from our base proofs: the same disclosures as ours, and both sides accept them
        List<Path> theirs = NODE.sign(jsDerived, "--derive-from", bases.toString());
        assertThat(theirs).hasSameSizeAs(ours);
        for (Path t : theirs) {
            Path o = ourDerived.resolve(t.getFileName());
            assertThat(NodeHarness.readJson(t)).as(t.getFileName().toString()).isEqualTo(NodeHarness.readJson(o));
            VerificationReport report = VERIFIER.verify(Files.readString(t, StandardCharsets.UTF_8));
            assertThat(report.isValid()).as("%s: %s", t.getFileName(), report.failures()).isTrue();
        }
        Map<String, NodeHarness.JsVerdict> verdicts = NODE.verify(ours);
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file() + ": " + v.error()).isTrue());
        // and JS rejects our disclosures once tampered, and our base proofs
        Path tamperedDir = WORK.resolve("java-sd-tampered");
        deleteTree(tamperedDir);
        Files.createDirectories(tamperedDir);
        List<Path> tampered = new ArrayList<>();
        for (Path file : ours) {
            for (Map.Entry<String, Consumer<ObjectNode>> tamper : tampers().entrySet()) {
                ObjectNode json = (ObjectNode) NodeHarness.readJson(file);
                tamper.getValue().accept(json);
                Path target = tamperedDir.resolve(file.getFileName().toString().replace(".json", ".tampered-" + tamper.getKey() + ".json"));
                Files.writeString(target, NodeHarness.mapper().writeValueAsString(json), StandardCharsets.UTF_8);
                tampered.add(target);
            }
        }
        try (var files = Files.list(bases)) {
            tampered.addAll(files.sorted().toList());
        }
        Map<String, NodeHarness.JsVerdict> rejected = NODE.verify(tampered);
        assertThat(rejected.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file()).isFalse());
    }

    /** Changes of meaning: a value, another issuer, a date, a removed property, an added property. */
    static Map<String, Consumer<ObjectNode>> tampers() {
        Map<String, Consumer<ObjectNode>> t = new LinkedHashMap<>();
        t.put("name", c -> c.put("name", c.path("name").asText() + "!"));
        t.put("issuer", c -> ((ObjectNode) c.get("issuer"))
                .put("id", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"));
        t.put("validFrom", c -> c.put("validFrom", "2025-12-31T00:00:00Z"));
        t.put("removed", c -> ((ObjectNode) c.get("credentialSubject").get("achievement")).remove("description"));
        t.put("added", c -> ((ObjectNode) c.get("credentialSubject").get("achievement")).put("humanCode", "X-1"));
        return t;
    }

    static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsSignsEveryCredentialWithEverySuiteAndAcceptsItsOwnOutput() throws Exception {
        long credentials;
        try (var files = Files.list(NODE.credentialsDir())) {
            credentials = files.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertThat(credentials).isGreaterThanOrEqualTo(3);
        assertThat(jsSigned).hasSize((int) credentials * JS_SUITES.size());

        Map<String, NodeHarness.JsVerdict> verdicts = NODE.verify(jsSigned);
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file() + ": " + v.error()).isTrue());
    }

    @Test
    void jsAndJavaDeriveTheSameDidKeysFromTheSameSecrets() throws Exception {
        String ed = DidKey.of(jsEd25519().publicKey());
        String p256 = DidKey.of(jsP256().publicKey());

        TreeSet<String> issuers = new TreeSet<>();
        for (Path file : jsSigned) {
            String vm;
            String issuer;
            if (isJwt(file)) {
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\.");
                vm = NodeHarness.mapper().readTree(Base64.getUrlDecoder().decode(parts[0])).path("kid").asText();
                issuer = NodeHarness.mapper().readTree(Base64.getUrlDecoder().decode(parts[1])).path("iss").asText();
            } else {
                JsonNode credential = NodeHarness.readJson(file);
                vm = credential.path("proof").path("verificationMethod").asText();
                issuer = credential.path("issuer").path("id").asText();
            }
            issuers.add(issuer);
            assertThat(vm).as(file.toString()).startsWith(issuer + "#");
            // Our did:key resolver understands the JS side's verification method and finds the same key.
            DidDocument doc = DidKey.resolve(issuer);
            VerificationMethod method = doc.find(vm).orElseThrow(() -> new AssertionError("no " + vm + " in " + doc));
            assertThat(doc.assertionMethod()).contains(vm);
            assertThat(method.key().toMultibase()).isEqualTo(vm.substring(vm.indexOf('#') + 1));
        }
        assertThat(issuers).containsExactlyInAnyOrder(p256, ed);
    }

    static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
