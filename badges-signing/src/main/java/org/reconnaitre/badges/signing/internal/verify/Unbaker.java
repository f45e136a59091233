package org.reconnaitre.badges.signing.internal.verify;

import org.reconnaitre.badges.signing.VerificationReport.Format;

/**
 * Extracts the credential baked into a PNG or SVG image. The model's baking API is not part of
 * this build yet, so images are reported as unsupported (never silently passed). Internal.
 */
final class Unbaker {
    private Unbaker() {}

    static void unbake(VerificationContext ctx, Format format) {
        ctx.failed(FormatStep.ID, "Baked " + format + " images are not supported by this build yet: unbake the"
                + " credential and verify the JSON or JWT it carries.");
        ctx.halted = true;
    }
}
