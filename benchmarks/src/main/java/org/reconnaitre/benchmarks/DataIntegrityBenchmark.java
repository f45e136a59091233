package org.reconnaitre.benchmarks;

import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.ld.signature.eddsa.EdDSASignature2022;
import com.apicatalog.multikey.MultiKey;
import com.apicatalog.vc.integrity.DataIntegrityProofDraft;
import com.apicatalog.vc.issuer.Issuer;
import com.apicatalog.vc.Verifiable;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.ProofResult;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

/**
 * eddsa-rdfc-2022 sign and verify of one OB 3.0 credential: ours ({@link DataIntegrity}, the full
 * {@link Verifier}) and the peer, iron 0.14.0, on the very same signed bytes. Both sides start from
 * the JSON text (parsing is part of the work), both load contexts from our bundled copies, neither
 * touches the network. The setup checks that every verifier accepts the credential, so a benchmark
 * never measures a fast failure.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DataIntegrityBenchmark -f 1 -wi 2 -i 3 -t 1}. One
 * instance per trial ({@code Scope.Benchmark}); the objects measured are themselves thread-safe,
 * the state is written only in {@code @Setup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DataIntegrityBenchmark {

    private static final URI ASSERTION_METHOD = URI.create("https://w3id.org/security#assertionMethod");
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    private SigningKey key;
    private String unsigned;
    private String signed;
    private ProofOptions options;
    private KeyResolver resolver;
    private Verifier verifierNoSchema;
    private Verifier verifierDefaults;

    private com.apicatalog.vc.verifier.Verifier ironVerifier;
    private Issuer ironIssuer;
    private URI ironMethod;

    @Setup
    public void setup() throws Throwable {
        key = Fixtures.ed25519();
        unsigned = Fixtures.unsignedCredential(key);
        options = ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).created(CREATED).build();
        signed = DataIntegrity.sign(unsigned, key, options);
        resolver = KeyResolver.offline();
        verifierNoSchema = Verifier.builder().schemaValidation(false).build();
        verifierDefaults = Verifier.builder().build();

        DocumentLoader contexts = BundledContexts.loader();
        ironVerifier = com.apicatalog.vc.verifier.Verifier.with(new EdDSASignature2022())
                .loader(contexts)
                .useBundledContexts(false);   // its bundled VC 2.0 context is a pre-final draft
        MultiKey ironKey = new MultiKey();
        ironKey.setAlgorithm("Ed25519");
        ironKey.setPublicKey(key.publicKey().encoded());
        ironKey.setPrivateKey(Fixtures.ed25519Seed());
        ironIssuer = new EdDSASignature2022().createIssuer(ironKey).loader(contexts).useBundledContexts(false);
        ironMethod = URI.create(DidKey.verificationMethodId(key.publicKey()));

        check(ourVerify().valid(), "DataIntegrity.verify rejects the credential: " + ourVerify().summary());
        check(verifierNoSchema.verify(signed).isValid(), "Verifier (no schema) rejects: " + verifierNoSchema.verify(signed));
        check(verifierDefaults.verify(signed).isValid(), "Verifier (defaults) rejects: " + verifierDefaults.verify(signed));
        ironVerify();                                         // throws when iron rejects it
        String tampered = signed.replace("Builds and tests Java services.", "Builds and tests Java services!");
        check(!tampered.equals(signed), "tampering did not change the credential");
        check(!DataIntegrity.verify(tampered, resolver).valid(), "DataIntegrity.verify accepts a tampered credential");
        boolean ironRejects = false;
        try {
            ironVerifier.verify(parse(tampered));
        } catch (com.apicatalog.ld.signature.VerificationError | com.apicatalog.ld.DocumentError e) {
            ironRejects = true;
        }
        check(ironRejects, "iron accepts a tampered credential");
        String ironSigned = ironSign().toString();
        check(ironSigned.contains("proofValue"), "iron produced no proof: " + ironSigned);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Benchmark
    public String ourSign() throws Throwable {
        return DataIntegrity.sign(unsigned, key, options);
    }

    @Benchmark
    public ProofResult ourVerify() {
        return DataIntegrity.verify(signed, resolver);
    }

    @Benchmark
    public VerificationReport ourVerifierNoSchema() {
        return verifierNoSchema.verify(signed);
    }

    @Benchmark
    public VerificationReport ourVerifierDefaults() {
        return verifierDefaults.verify(signed);
    }

    @Benchmark
    public Verifiable ironVerify() throws Throwable {
        return ironVerifier.verify(parse(signed));
    }

    /** iron signs into expanded JSON-LD and compacts it back: both are part of producing the credential. */
    @Benchmark
    public JsonObject ironSign() throws Throwable {
        DataIntegrityProofDraft draft = new EdDSASignature2022().createDraft(ironMethod, ASSERTION_METHOD);
        draft.created(CREATED);
        return ironIssuer.sign(parse(unsigned), draft).compacted();
    }
}
