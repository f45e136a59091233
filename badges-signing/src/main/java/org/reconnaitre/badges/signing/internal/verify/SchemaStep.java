package org.reconnaitre.badges.signing.internal.verify;

import java.util.List;
import java.util.stream.Collectors;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.ValidationReport;
import org.reconnaitre.badges.model.Validator;
import org.reconnaitre.badges.model.internal.validation.Engine;

/**
 * JSON Schema, data-model rules and the JSON-LD dropped-term check, delegated to the model's
 * {@link Validator} (bundled 1EdTech schemas, bundled contexts). For a JWT the decoded credential is
 * validated (JWT registered claims removed). Errors fail the check, warnings downgrade it; the
 * message lists the first findings with their rule id and JSON Pointer. Internal.
 */
final class SchemaStep implements Step {
    static final String ID = "schema";
    private static final int SHOWN = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void run(VerificationContext ctx) {
        Engine validator = ctx.config.validator();
        if (validator == null) {
            ctx.notApplicable(ID, "Schema and data-model validation is turned off for this verifier.");
            return;
        }
        ValidationReport report = validator.validate(ctx.credential());
        List<Finding> errors = report.errors();
        List<Finding> warnings = report.warnings();
        if (!errors.isEmpty()) {
            ctx.failed(ID, errors.size() + " validation error(s): " + describe(errors));
        } else if (!warnings.isEmpty()) {
            ctx.warning(ID, "Valid against the schema and data-model rules, with " + warnings.size() + " warning(s): "
                    + describe(warnings));
        } else {
            ctx.passed(ID, "The credential satisfies the JSON Schema and the data-model rules.");
        }
    }

    private static String describe(List<Finding> findings) {
        String shown = findings.stream().limit(SHOWN)
                .map(f -> f.ruleId() + (f.path().isEmpty() ? "" : " at " + f.path()) + ": " + f.message())
                .collect(Collectors.joining("; "));
        return shown + (findings.size() > SHOWN ? "; and " + (findings.size() - SHOWN) + " more." : ".");
    }
}
