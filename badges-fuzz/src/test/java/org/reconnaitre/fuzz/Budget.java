package org.reconnaitre.fuzz;

/**
 * How long each target fuzzes under {@code -Pfuzz} (the profile can override it: {@code
 * -Dfuzz.maxDuration=2m}).
 */
final class Budget {
    private Budget() {}

    /** Per target; 15 targets, two JVMs at a time, stay under about 6 minutes with JVM start-up. */
    static final String MAX_DURATION = "20s";
}
