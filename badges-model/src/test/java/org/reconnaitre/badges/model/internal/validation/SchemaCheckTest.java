package org.reconnaitre.badges.model.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Validator.DocumentKind;
import org.reconnaitre.badges.model.internal.json.Json;

class SchemaCheckTest {

    @Test
    void anExternalRefIsNeverFetched() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/s.json";
            JsonNode schema = Json.parse("{\"$schema\":\"https://json-schema.org/draft/2019-09/schema\","
                    + "\"properties\":{\"a\":{\"$ref\":\"" + url + "\"}}}");
            assertThatThrownBy(() -> SchemaCheck.compile(schema).validate(Json.parse("{\"a\":1}")))
                    .isInstanceOf(RuntimeException.class);
            assertThat(hits.get()).as("requests that reached the server").isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void schemasAreCompiledOnceAndShared() {
        assertThat(SchemaCheck.schemaFor(DocumentKind.OPEN_BADGE_CREDENTIAL).orElseThrow())
                .isSameAs(SchemaCheck.schemaFor(DocumentKind.OPEN_BADGE_CREDENTIAL).orElseThrow());
        assertThat(SchemaCheck.schemaFor(DocumentKind.ENDORSEMENT_CREDENTIAL)).isPresent();
        assertThat(SchemaCheck.schemaFor(DocumentKind.PROFILE)).isPresent();
        assertThat(SchemaCheck.schemaFor(DocumentKind.CLR_CREDENTIAL)).as("no CLR 2.0 schema is bundled").isEmpty();
    }

    @Test
    void singleValuesAreWrappedOnlyWhereTheSchemaWantsAnArray() throws Exception {
        JsonNode schema = Json.parse("{\"$defs\":{\"P\":{\"type\":\"object\",\"properties\":{\"t\":{\"type\":\"array\"},"
                + "\"s\":{\"type\":\"string\"}}}},\"properties\":{\"proof\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/P\"}},"
                + "\"name\":{\"type\":\"string\"}}}");
        JsonNode doc = Json.parse("{\"proof\":{\"t\":\"x\",\"s\":\"y\"},\"name\":\"n\"}");
        JsonNode out = SchemaCheck.normalise(doc.deepCopy(), schema, schema);
        assertThat(Json.write(out)).isEqualTo("{\"proof\":[{\"t\":[\"x\"],\"s\":\"y\"}],\"name\":\"n\"}");
        assertThat(Pointers.mapBack(doc, "/proof/0/t/0")).isEqualTo("/proof/t");
        assertThat(Pointers.mapBack(doc, "/name")).isEqualTo("/name");
    }
}
