package org.reconnaitre.badges.signing.internal.di;

import org.reconnaitre.badges.signing.ProofOutcome;

/** A proof could not be created or checked; carries the outcome status and a reason. Internal. */
public final class ProofFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final ProofOutcome.Status status;

    /** Creates a failure. */
    public ProofFailure(ProofOutcome.Status status, String reason) {
        super(reason);
        this.status = status;
    }

    /** Creates a failure with a cause. */
    public ProofFailure(ProofOutcome.Status status, String reason, Throwable cause) {
        super(reason, cause);
        this.status = status;
    }

    /** @return the status to report */
    public ProofOutcome.Status status() {
        return status;
    }
}
