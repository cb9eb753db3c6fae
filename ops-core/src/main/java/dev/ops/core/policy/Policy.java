package dev.ops.core.policy;

import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.error.PolicyDeniedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deny rules checked whenever a plan is made, and an approver asked before a plan is applied.
 * Both refuse with a {@link PolicyDeniedException} naming the rule.
 */
public final class Policy {
    private static final Policy PERMISSIVE = new Policy(List.of(), plan -> Approver.Decision.approve(), "none");

    private final List<DenyRule> rules;
    private final Approver approver;
    private final String approverName;

    private Policy(List<DenyRule> rules, Approver approver, String approverName) {
        this.rules = List.copyOf(rules);
        this.approver = approver;
        this.approverName = approverName;
    }

    /** No deny rules; every plan approved. */
    public static Policy permissive() {
        return PERMISSIVE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<DenyRule> rules() {
        return rules;
    }

    /** Throws when a deny rule matches a step of the plan. */
    public void check(Plan plan) {
        for (Step step : plan.steps()) {
            for (DenyRule rule : rules) {
                if (rule.matches().test(plan, step)) {
                    throw new PolicyDeniedException(rule.name(), rule.reason() + " (step: " + step.description() + " on " + step.target() + ")");
                }
            }
        }
    }

    /** Asks the approver; throws when it refuses. Empty plans are not put to the approver. */
    public void approve(Plan plan) {
        if (plan.isEmpty()) {
            return;
        }
        Approver.Decision d = approver.review(plan);
        if (!d.approved()) {
            throw new PolicyDeniedException(approverName, d.reason().isEmpty() ? "plan not approved" : d.reason());
        }
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.rules.addAll(rules);
        b.approver = approver;
        b.approverName = approverName;
        return b;
    }

    /** Builds a {@link Policy}. */
    public static final class Builder {
        private final List<DenyRule> rules = new ArrayList<>();
        private Approver approver = plan -> Approver.Decision.approve();
        private String approverName = "approver";

        public Builder deny(DenyRule rule) {
            rules.add(rule);
            return this;
        }

        /** The approver, with a name that refusals will carry. */
        public Builder approver(String name, Approver approver) {
            this.approverName = name;
            this.approver = approver;
            return this;
        }

        public Policy build() {
            return new Policy(rules, approver, approverName);
        }
    }
}
