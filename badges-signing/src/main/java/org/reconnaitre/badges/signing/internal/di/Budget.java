package org.reconnaitre.badges.signing.internal.di;

import com.apicatalog.jsonld.loader.DocumentLoader;
import java.time.Duration;
import org.reconnaitre.badges.model.internal.jsonld.Deadline;

/**
 * Limits for one signing or verification: how many quads, until when, and where contexts come
 * from. The deadline is absolute ({@link System#nanoTime()} based) and shared by every JSON-LD
 * expansion, RDF conversion and RDFC-1.0 run of the operation, so proofs, nested documents and
 * the schema step cannot each take a full timeout. Internal. Immutable.
 *
 * @param maxQuads the largest number of RDF quads canonicalised
 * @param timeoutMillis the time budget the deadline was computed from (for messages)
 * @param deadline the {@link System#nanoTime()} instant after which the work stops
 * @param loader the document loader (bundled contexts, optionally with the caller's fallback)
 */
public record Budget(int maxQuads, long timeoutMillis, long deadline, DocumentLoader loader) {

    /**
     * @return a budget whose deadline is {@code timeout} from now, or the deadline of the
     *     verification running on this thread when that is earlier
     */
    public static Budget of(int maxQuads, Duration timeout, DocumentLoader loader) {
        return new Budget(maxQuads, timeout.toMillis(), Deadline.within(timeout), loader);
    }

    /** @return whether the deadline has passed */
    public boolean expired() {
        return Deadline.passed(deadline);
    }

    /** @return the time left, at least one millisecond (for Titanium's own timeout, a backstop) */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
    }

    /** @return why the work stopped, for a failed check */
    public String stoppedMessage(String what) {
        return what + " stopped at the verification deadline (" + timeoutMillis
                + " ms budget): the credential is too complex";
    }
}
