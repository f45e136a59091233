package org.reconnaitre.badges.model.internal.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.Severity;

/** Collects findings, dropping disabled rules and exact duplicates. Not thread-safe (one per run). */
final class Findings {
    private final Set<Rule> disabled;
    private final Set<Finding> findings = new LinkedHashSet<>();

    Findings(Set<Rule> disabled) {
        this.disabled = disabled;
    }

    void add(Rule rule, String path, String message) {
        add(rule, rule.defaultSeverity(), path, message);
    }

    void add(Rule rule, Severity severity, String path, String message) {
        if (!disabled.contains(rule)) {
            findings.add(new Finding(rule, severity, path, message));
        }
    }

    boolean has(Rule rule) {
        return findings.stream().anyMatch(f -> f.rule() == rule);
    }

    List<Finding> list() {
        return new ArrayList<>(findings);
    }
}
