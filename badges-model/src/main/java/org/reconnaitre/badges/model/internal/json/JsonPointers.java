package org.reconnaitre.badges.model.internal.json;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON Pointer (RFC 6901) reference tokens, shared by the validator's finding locations and the
 * selective-disclosure suites. Internal; not part of the public API. Stateless and thread-safe.
 */
public final class JsonPointers {
    private JsonPointers() {}

    /**
     * @param pointer a JSON Pointer: empty (the whole document) or starting with {@code /}
     * @return its reference tokens, unescaped ({@code ~1} → {@code /}, then {@code ~0} → {@code ~});
     *     empty for the empty pointer
     * @throws IllegalArgumentException when the pointer is not empty and does not start with {@code /}
     */
    public static List<String> tokens(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("A JSON Pointer starts with '/': " + pointer);
        }
        for (String t : pointer.substring(1).split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /** @return the pointer of member {@code key} of the value at {@code parent}, {@code key} escaped */
    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }
}
