package org.reconnaitre.badges.model.internal.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;

class BundledContextsTest {

    @Test
    void everyBundledContextMatchesItsPinnedDigestAndParses() throws Exception {
        assertThat(BundledContexts.urls()).contains(
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                "https://w3id.org/openbadges/v2");
        for (String url : BundledContexts.urls()) {
            byte[] bytes = BundledContexts.bytes(url);
            assertThat(bytes).as(url).isNotEmpty();
            assertThat(BundledContexts.loader().loadDocument(URI.create(url), null)).as(url).isNotNull();
        }
    }

    @Test
    void expandsAnOpenBadgeWithBundledContextsOnly() throws Exception {
        String doc = """
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "https://example.org/issuer", "type": ["Profile"], "name": "X"}}
                """;
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(doc)))
                .options(BundledContexts.options()).get();
        assertThat(expanded.toString()).contains("https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential");
    }

    @Test
    void refusesAnUnbundledContextInsteadOfFetchingIt() {
        String doc = """
                {"@context": "https://attacker.example/context.json", "name": "x"}
                """;
        assertThatThrownBy(() -> JsonLd.expand(JsonDocument.of(new StringReader(doc)))
                        .options(BundledContexts.options()).get())
                .isInstanceOf(JsonLdError.class)
                .hasStackTraceContaining("https://attacker.example/context.json is not bundled")
                .hasStackTraceContaining("network access is off by default");
    }

    @Test
    void unknownUrlIsReportedWithItsName() {
        assertThatThrownBy(() -> BundledContexts.bytes("https://example.org/nope"))
                .isInstanceOf(BadgeException.class)
                .hasMessageContaining("https://example.org/nope")
                .extracting(e -> ((BadgeException) e).code())
                .isEqualTo(BadgeException.Code.CONTEXT_UNAVAILABLE);
    }
}
