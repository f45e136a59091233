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

    /**
     * A JSON-LD or RDF step failed with an unexpected exception rather than a coded error: the
     * reason names the step and the exception's kind, not the library's internal wording.
     *
     * @param step what failed, e.g. "JSON-LD to RDF"
     */
    public static ProofFailure unexpected(String step, RuntimeException e) {
        String hint = e instanceof NullPointerException
                ? "; a string in the form of a JSON-LD keyword (such as \"@foo\") where an IRI is expected is a known cause"
                : "";
        return new ProofFailure(ProofOutcome.Status.INVALID_DOCUMENT, step + " failed: the document could not be processed ("
                + e.getClass().getSimpleName() + ")" + hint, e);
    }

    /** @return the status to report */
    public ProofOutcome.Status status() {
        return status;
    }
}
