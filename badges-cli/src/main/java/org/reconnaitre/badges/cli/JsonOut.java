package org.reconnaitre.badges.cli;

import org.reconnaitre.badges.model.internal.json.Json;

/**
 * JSON text for the commands' machine-readable output: valid JSON in which control, DEL, C1 and
 * bidi/format characters are escaped, so that printing it on a terminal cannot rewrite the screen.
 */
final class JsonOut {
    private JsonOut() {}

    /** @return {@code s} as a JSON string literal */
    static String str(String s) {
        return Json.stringForDisplay(s);
    }
}
