package org.reconnaitre.badges.signing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Lenient reads of untrusted JSON nodes, shared by the verifier steps and the OB 2.0 verifier. Internal. */
public final class JsonNodes {
    private JsonNodes() {}

    /** @return the node's text when it is a JSON string, else null */
    public static @Nullable String text(@Nullable JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** @return the text values of a node that is a string or an array (non-strings ignored) */
    public static List<String> strings(@Nullable JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            n.forEach(e -> {
                if (e.isTextual()) {
                    out.add(e.asText());
                }
            });
        }
        return out;
    }
}
