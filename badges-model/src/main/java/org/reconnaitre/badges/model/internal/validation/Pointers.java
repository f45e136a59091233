package org.reconnaitre.badges.model.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.reconnaitre.badges.model.internal.json.JsonPointers;

/** RFC 6901 JSON Pointer helpers. */
final class Pointers {
    private Pointers() {}

    static String child(String parent, String key) {
        return JsonPointers.child(parent, key);
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /**
     * Maps a pointer into an array-normalised copy back to the original document: an index segment
     * that points into an array the original did not have (a wrapped single value) is dropped.
     */
    static String mapBack(JsonNode original, String pointer) {
        JsonNode cur = original;
        String out = "";
        for (String seg : JsonPointers.tokens(pointer)) {
            if (cur == null || cur.isMissingNode()) {
                out = child(out, seg);
                continue;
            }
            if (cur.isArray()) {
                out = child(out, seg);
                cur = isIndex(seg) ? cur.get(Integer.parseInt(seg)) : null;
            } else if (isIndex(seg) && !cur.has(seg)) {
                // the normaliser wrapped this single value in an array: stay on it
                continue;
            } else {
                out = child(out, seg);
                cur = cur.get(seg);
            }
        }
        return out;
    }

    private static boolean isIndex(String seg) {
        if (seg.isEmpty() || seg.length() > 9) {
            return false;
        }
        for (int i = 0; i < seg.length(); i++) {
            if (!Character.isDigit(seg.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
