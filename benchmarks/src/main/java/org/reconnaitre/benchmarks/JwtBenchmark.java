package org.reconnaitre.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
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
 * <p>The default verifier remembers the JSON-LD findings of the last 512 document shapes, so the
 * full-verifier figure is measured three ways: the same token again ({@link #jwtVerify}), 256
 * tokens of one issuer template for different recipients, ids and dates ({@link
 * #jwtVerifyIssuerTemplate}: the shape is remembered, everything else is new), and 1,024 tokens
 * whose shapes all differ (their members in other orders), visited round-robin so that the shape is
 * never remembered ({@link #jwtVerifyUnseenShape}: a full JSON-LD expansion every time).
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
    /** Tokens of one template (same shape), for other recipients. */
    List<String> templateTokens;
    /** Tokens whose shapes all differ. */
    List<String> unseenShapeTokens;
    /** Pool sizes (the smoke test makes them small). */
    int templatePool = 256;
    int shapePool = 1024;
    private int nextTemplate;
    private int nextShape;

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
        templateTokens = new ArrayList<>();
        unseenShapeTokens = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode template = (ObjectNode) mapper.readTree(unsigned);
        for (int i = 0; i < templatePool; i++) {
            ObjectNode c = template.deepCopy();
            c.put("id", "urn:uuid:" + UUID.nameUUIDFromBytes(("credential " + i).getBytes(StandardCharsets.UTF_8)));
            c.put("validFrom", java.time.LocalDate.of(2024, 1, 1).plusDays(i) + "T08:30:00Z");
            ((ObjectNode) c.get("credentialSubject")).put("id", "did:example:candidate-" + i);
            templateTokens.add(checked(issuer.signJwt(mapper.writeValueAsString(c))));
        }
        List<String> names = new ArrayList<>();
        template.fieldNames().forEachRemaining(names::add);
        Set<List<String>> orders = new HashSet<>();
        Random random = new Random(42);
        while (orders.size() < shapePool) {
            List<String> order = new ArrayList<>(names);
            Collections.shuffle(order, random);
            if (orders.add(order)) {
                ObjectNode c = mapper.createObjectNode();
                for (String name : order) {
                    c.set(name, template.get(name).deepCopy());
                }
                unseenShapeTokens.add(checked(issuer.signJwt(mapper.writeValueAsString(c))));
            }
        }
    }

    private String checked(String token) {
        if (!verifier.verify(token).isValid()) {
            throw new IllegalStateException("Verifier rejects a token of the pool: " + verifier.verify(token));
        }
        return token;
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

    /** The full verifier, defaults: tokens of one issuer template for 256 recipients. */
    @Benchmark
    public VerificationReport jwtVerifyIssuerTemplate() {
        String token = templateTokens.get(nextTemplate);
        nextTemplate = (nextTemplate + 1) % templateTokens.size();
        return verifier.verify(token);
    }

    /** The full verifier, defaults: a document shape it has not remembered (full JSON-LD expansion). */
    @Benchmark
    public VerificationReport jwtVerifyUnseenShape() {
        String token = unseenShapeTokens.get(nextShape);
        nextShape = (nextShape + 1) % unseenShapeTokens.size();
        return verifier.verify(token);
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
