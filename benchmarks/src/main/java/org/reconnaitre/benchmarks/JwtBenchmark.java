package org.reconnaitre.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

/**
 * VC-JWT sign and verify of one OB 3.0 credential (EdDSA and ES256), and the reference for the
 * "VC-JWT verify at most 2x a bare signature check" goal: {@link VerificationKey#verify} (BouncyCastle
 * underneath) on exactly the JWS signing input and signature of the same token.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JwtBenchmark -f 1 -wi 2 -i 3 -t 1}. One
 * instance per trial ({@code Scope.Benchmark}); the objects measured are themselves thread-safe,
 * the state is written only in {@code @Setup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JwtBenchmark {

    @Param({"EdDSA", "ES256"})
    public String alg;

    private Issuer issuer;
    private String unsigned;
    private String jwt;
    private Verifier verifier;
    private Verifier verifierNoSchema;
    private VerificationKey publicKey;
    private byte[] signingInput;
    private byte[] signature;

    @Setup
    public void setup() throws Exception {
        SigningKey key = "EdDSA".equals(alg) ? Fixtures.ed25519() : Fixtures.p256();
        unsigned = Fixtures.unsignedCredential(key);
        issuer = Issuer.with(key).build();
        jwt = issuer.signJwt(unsigned);
        verifier = Verifier.builder().build();
        verifierNoSchema = Verifier.builder().schemaValidation(false).build();
        publicKey = key.publicKey();
        int lastDot = jwt.lastIndexOf('.');
        signingInput = jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1));

        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                StandardCharsets.UTF_8);
        if (!header.contains("\"" + alg + "\"")) {
            throw new IllegalStateException("unexpected JWT header " + header);
        }
        VerificationReport report = verifier.verify(jwt);
        if (!report.isValid()) {
            throw new IllegalStateException("Verifier rejects the JWT: " + report);
        }
        if (!verifierNoSchema.verify(jwt).isValid()) {
            throw new IllegalStateException("Verifier (no schema) rejects the JWT");
        }
        byte[] tampered = signature.clone();
        tampered[5] ^= 1;
        String badJwt = jwt.substring(0, lastDot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
        if (verifier.verify(badJwt).isValid() || publicKey.verify(signingInput, tampered)) {
            throw new IllegalStateException("a tampered signature passes");
        }
        if (!publicKey.verify(signingInput, signature)) {
            throw new IllegalStateException("bare signature check fails");
        }
    }

    @Benchmark
    public String jwtSign() throws Exception {
        return issuer.signJwt(unsigned);
    }

    /** The full verifier, defaults (schema validation on, offline). */
    @Benchmark
    public VerificationReport jwtVerify() {
        return verifier.verify(jwt);
    }

    /** The full verifier without JSON Schema validation. */
    @Benchmark
    public VerificationReport jwtVerifyNoSchema() {
        return verifierNoSchema.verify(jwt);
    }

    /** The reference: the signature alone. */
    @Benchmark
    public boolean bareSignatureCheck() {
        return publicKey.verify(signingInput, signature);
    }
}
