package org.reconnaitre.badges.signing.internal.verify;

import java.nio.charset.StandardCharsets;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.BakedCredential;
import org.reconnaitre.badges.model.Baking;
import org.reconnaitre.badges.signing.VerificationReport.Format;

/**
 * Extracts the credential baked into a PNG or SVG image through the model's {@link Baking} API
 * (bounded, hostile-input safe) and hands its text to the following steps. An Open Badges 2.0
 * hosted-assertion URL is handed on as text, for the Open Badges 2.0 verifier to fetch. Internal.
 */
final class Unbaker {
    private Unbaker() {}

    static void unbake(VerificationContext ctx, Format format) {
        BakedCredential baked;
        try {
            baked = Baking.unbake(ctx.input);
        } catch (BadgeException e) {
            ctx.failed(FormatStep.ID, "The " + format + " image carries no readable credential: " + e.getMessage());
            ctx.halted = true;
            return;
        }
        switch (baked.encoding()) {
            case JSON, JWS -> {
                ctx.text = baked.content();
                ctx.input = baked.content().getBytes(StandardCharsets.UTF_8);
                if (baked.encoding() == BakedCredential.Encoding.JWS) {
                    ctx.jwtInImage = true;
                }
                ctx.passed(FormatStep.ID, "The input is a baked " + format + " image carrying "
                        + (baked.encoding() == BakedCredential.Encoding.JWS ? "a compact JWT" : "a JSON credential")
                        + " (" + baked.version() + " baking).");
            }
            case URL -> {
                // verified by the Open Badges 2.0 verifier, which fetches it through the caller's fetcher
                ctx.text = baked.content().strip();
                ctx.passed(FormatStep.ID, "The input is a baked " + format + " image carrying the URL of an Open Badges 2.0"
                        + " hosted assertion (" + baked.content().strip() + ").");
            }
        }
    }
}
