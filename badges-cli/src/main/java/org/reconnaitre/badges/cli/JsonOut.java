package org.reconnaitre.badges.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON text for the commands' machine-readable output. */
final class JsonOut {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonOut() {}

    /** @return {@code s} as a JSON string literal */
    static String str(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
