package org.reconnaitre.badges.signing.adversarial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;

/** Counts per family (generated, rejected, same verdict, violations) and the violations themselves. */
final class Tally {
    /** What a variant must do. */
    enum Rule {
        /** A meaning-preserving rewrite: the base's verdict, or a rejection; never invalid → valid. */
        KEEP_OR_REJECT,
        /** A meaning-changing mutation or a forgery: never valid. */
        REJECT
    }

    record Violation(String family, String input, String variant, String verdict) {
        @Override
        public String toString() {
            return family + " | " + input + " | " + variant + " | " + verdict;
        }
    }

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<Violation> violations = new ArrayList<>();

    synchronized void record(String family, String input, String variant, Rule rule, Verdict base, Verdict got) {
        int[] c = counts.computeIfAbsent(family, f -> new int[4]);
        c[0]++;
        boolean violation = got.valid && (rule == Rule.REJECT || !base.valid);
        if (violation) {
            c[3]++;
            violations.add(new Violation(family, input, variant, "VALID (base " + base + "): " + got.summary));
        } else if (got.valid == base.valid && (got.valid || got.failed.containsAll(base.failed))) {
            c[2]++;
        } else {
            c[1]++;
        }
    }

    /** A violation found outside a verify call (setup expectations, canonical text). */
    synchronized void violation(String family, String input, String variant, String what) {
        counts.computeIfAbsent(family, f -> new int[4])[0]++;
        counts.get(family)[3]++;
        violations.add(new Violation(family, input, variant, what));
    }

    synchronized void passed(String family) {
        int[] c = counts.computeIfAbsent(family, f -> new int[4]);
        c[0]++;
        c[2]++;
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-34s %9s %9s %9s %10s%n", "family", "generated", "rejected", "same", "violations"));
        int[] total = new int[4];
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            sb.append(String.format("%-34s %9d %9d %9d %10d%n", e.getKey(), c[0], c[1], c[2], c[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
        }
        sb.append(String.format("%-34s %9d %9d %9d %10d%n", "TOTAL", total[0], total[1], total[2], total[3]));
        return sb.toString();
    }

    /** A report reduced to what the properties compare: valid or not, and which checks failed. */
    record Verdict(boolean valid, Set<String> failed, String summary) {
        static Verdict of(VerificationReport r) {
            Set<String> failed = r.failures().stream().map(CheckResult::id).collect(Collectors.toCollection(TreeSet::new));
            String warnings = r.checks().stream()
                    .filter(c -> c.outcome() == CheckOutcome.WARNING || c.outcome() == CheckOutcome.FAILED
                            || (c.outcome() == CheckOutcome.SKIPPED && !c.id().equals("endorsements")))
                    .map(c -> c.id() + "=" + c.outcome() + (c.outcome() == CheckOutcome.SKIPPED ? ""
                            : " (" + abbreviate(c.message()) + ")"))
                    .collect(Collectors.joining("; "));
            return new Verdict(r.isValid(), failed, warnings.isEmpty() ? "all checks passed" : warnings);
        }

        /** The verdict, counting a nested report (endorsement) that is itself valid as "accepted". */
        static Verdict countingEndorsements(VerificationReport r) {
            Verdict v = of(r);
            boolean allEndorsementsValid = r.endorsements().stream().allMatch(VerificationReport::isValid);
            return new Verdict(v.valid && allEndorsementsValid, v.failed,
                    v.summary + "; endorsements " + r.endorsements().stream().map(e -> e.isValid() ? "valid" : "invalid").toList());
        }

        @Override
        public String toString() {
            return valid ? "valid" : "invalid: " + String.join(",", failed);
        }
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 90 ? one : one.substring(0, 87) + "...";
    }
}
