package dev.ops.core.policy;

import dev.ops.core.change.Plan;

/** Decides whether a plan may be applied; asked once per apply, after planning, before any step runs. */
@FunctionalInterface
public interface Approver {

    /** Returns {@link Decision#approve()} or a refusal with a reason. */
    Decision review(Plan plan);

    /** An approver's answer. */
    record Decision(boolean approved, String reason) {
        public static Decision approve() {
            return new Decision(true, "");
        }

        public static Decision reject(String reason) {
            return new Decision(false, reason);
        }
    }
}
