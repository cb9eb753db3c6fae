package dev.ops.core.error;

/** A policy refused a plan: a deny rule matched a step, or the approval callback said no. */
public class PolicyDeniedException extends OpsException {
    private final String rule;

    public PolicyDeniedException(String rule, String message) {
        super("refused by policy '" + rule + "': " + message, null, false);
        this.rule = rule;
    }

    /** The name of the rule or approver that refused. */
    public String rule() {
        return rule;
    }
}
