package org.reconnaitre.badges.signing.adversarial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A credential as the attacker edits it: a JSON document, or a compact JWS whose payload is edited
 * (header and signature kept, so any edit of a JWT breaks its signature). Copies are deep.
 */
final class Doc {
    static final ObjectMapper JSON = new ObjectMapper();

    private String header; // JWS header segment (base64url) or null for JSON
    private final ObjectNode body;
    private String signature; // JWS signature segment or null for JSON

    private Doc(String header, ObjectNode body, String signature) {
        this.header = header;
        this.body = body;
        this.signature = signature;
    }

    static Doc parse(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            String[] parts = t.split("\\.", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("neither JSON nor a compact JWS");
            }
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return new Doc(parts[0], object(payload), parts[2]);
        }
        return new Doc(null, object(t), null);
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isJwt() {
        return header != null;
    }

    /** The credential: the JSON document, or the JWT payload (Open Badges shape: the credential with claims). */
    ObjectNode credential() {
        return body.has("vc") && body.get("vc").isObject() ? (ObjectNode) body.get("vc") : body;
    }

    /** The whole JSON document or JWT payload (claims included). */
    ObjectNode body() {
        return body;
    }

    String headerJson() {
        return header == null ? null : new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
    }

    Doc copy() {
        return new Doc(header, body.deepCopy(), signature);
    }

    /** Replaces the JWS header (JSON) and signature segment of this JWT. */
    void replaceJws(String headerJson, String signatureSegment) {
        this.header = b64(headerJson);
        this.signature = signatureSegment;
    }

    String text() {
        if (header == null) {
            return write(body);
        }
        return header + "." + b64(write(body)) + "." + signature;
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
