package org.reconnaitre.badges.signing.internal.di;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;

/** The proof-configuration fast path gives exactly what full JSON-LD canonicalization gives. */
class ProofConfigTemplateTest {

    private static ObjectNode config(String suite, String created, String vm, String purpose, List<String> contexts) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("type", "DataIntegrityProof");
        c.put("cryptosuite", suite);
        c.put("created", created);
        c.put("verificationMethod", vm);
        c.put("proofPurpose", purpose);
        ArrayNode ctx = c.putArray("@context");
        ctx.add("https://www.w3.org/ns/credentials/v2");
        contexts.forEach(ctx::add);
        return c;
    }

    @Test
    void fastPathEqualsFullCanonicalizationForEveryKnownContext() throws Exception {
        List<List<String>> contextLists = new ArrayList<>();
        contextLists.add(List.of());
        for (String c : ProofConfigTemplate.KNOWN_CONTEXTS) {
            contextLists.add(List.of(c));
        }
        contextLists.add(List.of("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"));
        String[][] values = {
            {"eddsa-rdfc-2022", "2024-01-01T00:00:00Z", "did:key:z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVd#z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVd", "assertionMethod"},
            {"ecdsa-rdfc-2019", "2010-01-01T19:23:24.123Z", "https://example.edu/issuers/565049#key-1", "assertionMethod"},
            {"eddsa-2022", "2022-02-02T02:02:02+01:00", "urn:uuid:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "assertionMethod"},
            {"eddsa-rdfc-2022", "2024-06-01T12:00:00Z", "http://issuer.example/keys?id=1&x=%20", "assertionMethod"},
            {"eddsa-rdfc-2022", "2024-06-01T12:00:00Z", "did:web:example.com%3A8443:a:b#k", "assertionMethod"},
        };
        int checked = 0;
        for (List<String> ctx : contextLists) {
            for (String[] v : values) {
                ObjectNode c = config(v[0], v[1], v[2], v[3], ctx);
                String fast = ProofConfigTemplate.canonical(c).orElseThrow();
                assertThat(fast).as(c.toString()).isEqualTo(Canonicalizer.rdfc(c, W3cEddsaVectorsTest.BUDGET));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void anythingElseTakesTheGeneralPath() {
        List<String> none = List.of();
        ObjectNode extra = config("eddsa-rdfc-2022", "2024-01-01T00:00:00Z", "did:key:z6Mk", "assertionMethod", none);
        extra.put("domain", "example.com");
        assertThat(ProofConfigTemplate.canonical(extra)).isEmpty();
        assertThat(ProofConfigTemplate.canonical(config("eddsa-jcs-2022", "2024-01-01T00:00:00Z", "did:key:z6Mk",
                "assertionMethod", none))).isEmpty();
        assertThat(ProofConfigTemplate.canonical(config("eddsa-rdfc-2022", "2024-01-01", "did:key:z6Mk",
                "assertionMethod", none))).isEmpty();
        assertThat(ProofConfigTemplate.canonical(config("eddsa-rdfc-2022", "2024-01-01T00:00:00Z", "did:key:z6Mk x",
                "assertionMethod", none))).isEmpty();
        assertThat(ProofConfigTemplate.canonical(config("eddsa-rdfc-2022", "2024-01-01T00:00:00Z", "did:key:z6Mk",
                "somethingElse", none))).isEmpty();
        assertThat(ProofConfigTemplate.canonical(config("eddsa-rdfc-2022", "2024-01-01T00:00:00Z", "did:key:z6Mk",
                "authentication", none))).isEmpty();
        assertThat(ProofConfigTemplate.canonical(config("eddsa-rdfc-2022", "2024-01-01T00:00:00Z", "did:key:z6Mk",
                "assertionMethod", List.of("https://example.org/other-context")))).isEmpty();
        ObjectNode v1 = config("eddsa-rdfc-2022", "2024-01-01T00:00:00Z", "did:key:z6Mk", "assertionMethod", none);
        v1.putArray("@context").add("https://www.w3.org/2018/credentials/v1").add("https://w3id.org/security/data-integrity/v2");
        assertThat(ProofConfigTemplate.canonical(v1)).isEmpty();
    }
}
