package org.reconnaitre.badges.model.internal.jsonld;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The absolute deadline of the verification running on this thread ({@link System#nanoTime()}
 * based), so that every JSON-LD expansion, canonicalization and nested verification of one
 * {@code Verifier.verify} call shares one budget, including the model's validator, which runs in
 * another module and is reached through public signatures that carry no deadline.
 *
 * <p>Why a thread-local: the caller's {@code StatusCheck} verifies a status list credential through
 * the public {@code Verifier}, on the verifying thread; a deadline passed only as an argument would
 * start afresh there. Explicit arguments still carry it where the code is ours. Internal.
 * Thread-safe (each thread sees its own deadline).
 */
public final class Deadline {
    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    private Deadline() {}

    /** Thrown by {@link #check()} and by {@link BoundedJson} views once the deadline has passed. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message what stopped */
        public Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    /** @return the deadline of this thread's verification, or {@link Long#MAX_VALUE} - when none is running */
    public static long current() {
        long[] d = CURRENT.get();
        return d == null ? Long.MAX_VALUE : d[0];
    }

    /** @return whether a verification with a deadline is running on this thread */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    /** @return the earlier of this thread's deadline and {@code timeout} from now */
    public static long within(Duration timeout) {
        long own = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        long[] d = CURRENT.get();
        return d == null || own - d[0] < 0 ? own : d[0];
    }

    /** @return whether {@code deadline} has passed */
    public static boolean passed(long deadline) {
        return deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0;
    }

    /**
     * @throws Exceeded when this thread's deadline has passed
     */
    public static void check() {
        long d = current();
        if (passed(d)) {
            throw new Exceeded("the verification deadline has passed");
        }
    }

    /**
     * Runs {@code work} with {@code deadline} as this thread's deadline (an earlier deadline already
     * set by an enclosing verification is kept), restoring the previous one afterwards.
     */
    public static <T> T run(long deadline, Supplier<T> work) {
        long[] previous = CURRENT.get();
        long effective = previous != null && previous[0] - deadline < 0 ? previous[0] : deadline;
        CURRENT.set(new long[] {effective});
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
