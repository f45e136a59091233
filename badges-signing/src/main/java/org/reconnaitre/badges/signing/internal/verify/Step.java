package org.reconnaitre.badges.signing.internal.verify;

/** One step of the verifier pipeline. Implementations are stateless and thread-safe. Internal. */
interface Step {
    /** @return the id of the check this step reports (used to list steps that could not run) */
    String id();

    /** Runs the step, adding its check results to the context. Never throws for bad input. */
    void run(VerificationContext ctx);
}
