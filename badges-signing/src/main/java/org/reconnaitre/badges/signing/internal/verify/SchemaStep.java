package org.reconnaitre.badges.signing.internal.verify;

/**
 * JSON Schema and semantic rules, delegated to the model's validator. The model's
 * {@code Validator} is not part of this build yet, so the check is skipped with a message saying
 * so. Internal.
 */
final class SchemaStep implements Step {
    static final String ID = "schema";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void run(VerificationContext ctx) {
        ctx.skipped(ID, "Warning: JSON Schema and semantic validation is not available in this build; only the"
                + " structural checks above were made.");
    }
}
