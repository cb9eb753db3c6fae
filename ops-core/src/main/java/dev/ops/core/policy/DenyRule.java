package dev.ops.core.policy;

import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * A rule that refuses any plan with a matching step, e.g. "never delete a template on the primary
 * node". Checked whenever a plan is made, dry-run included.
 */
public record DenyRule(String name, String reason, BiPredicate<Plan, Step> matches) {

    public DenyRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(matches, "matches");
    }

    /** Denies steps on targets matching {@code targetRegex} whose rendered action matches {@code actionRegex}. */
    public static DenyRule actions(String name, String targetRegex, String actionRegex, String reason) {
        Pattern target = Pattern.compile(targetRegex);
        Pattern action = Pattern.compile(actionRegex);
        return new DenyRule(name, reason, (plan, step) -> target.matcher(step.target()).find()
                && action.matcher(step.action().render()).find());
    }

    /** Denies steps whose description matches {@code descriptionRegex}, on any target. */
    public static DenyRule steps(String name, String descriptionRegex, String reason) {
        Pattern p = Pattern.compile(descriptionRegex);
        return new DenyRule(name, reason, (plan, step) -> p.matcher(step.description()).find());
    }
}
