package dev.ops.lab.policy;

import dev.ops.core.change.Plan;
import dev.ops.core.policy.Approver;
import dev.ops.core.policy.DenyRule;
import dev.ops.core.policy.Policy;
import dev.ops.lab.policy.internal.SeedActions;
import dev.ops.lab.site.ActionPolicies;
import dev.ops.lab.site.Site;
import dev.ops.lab.site.SiteTemplate;
import java.util.List;
import java.util.Objects;

/**
 * A site's {@code action-policies.yml} as an ops-core {@link Policy}, to put in the {@code Ops} the
 * lab's changes run with: prohibited actions and self-protection are deny rules (refused whenever a
 * plan is made, dry-run included), and a plan with an {@code approval_required} action goes to the
 * approver. Every refusal's rule reads {@code <section>.<action> (<file>)}.
 *
 * <pre>{@code
 * Ops ops = Ops.builder().store(store).policy(SitePolicy.of(site, plan -> askOnChat(plan))).build();
 * }</pre>
 */
public final class SitePolicy {
    private SitePolicy() {}

    /** The site's policy with no approver: a plan that needs approval is refused, naming the actions. */
    public static Policy of(Site site) {
        return of(site, plan -> Approver.Decision.reject("no approver is configured"));
    }

    /** The site's policy; plans with an {@code approval_required} action are put to {@code approver}. */
    public static Policy of(Site site, Approver approver) {
        Objects.requireNonNull(approver, "approver");
        ActionPolicies p = site.policies();
        String file = p.file();
        Policy.Builder b = Policy.builder();
        if (p.prohibits("delete_primary_template")) {
            List<Integer> templates = site.templates().stream().filter(t -> t.node().equals(site.primaryNode())).map(SiteTemplate::vmid).toList();
            b.deny(new DenyRule(rule("prohibited_actions.delete_primary_template", file),
                    "the primary node's templates " + templates + " are never deleted",
                    (plan, step) -> templates.stream().anyMatch(v -> SeedActions.deletesGuest(step, v))));
        }
        if (p.prohibits("delete_safety_snapshot")) {
            String prefix = site.retention().safetyPrefix();
            b.deny(new DenyRule(rule("prohibited_actions.delete_safety_snapshot", file),
                    "safety snapshots (" + prefix + "*) are deleted by retention only",
                    (plan, step) -> !SeedActions.byRetention(plan) && SeedActions.deletesSnapshot(step, prefix)));
        }
        if (p.prohibits("touch_monitoring")) {
            String name = p.prohibited().contains("touch_monitoring") ? "touch_monitoring" : "modify_monitoring_system";
            b.deny(new DenyRule(rule("prohibited_actions." + name, file), "the monitoring infrastructure is not touched",
                    (plan, step) -> p.monitoringVmids().stream().anyMatch(v -> SeedActions.touchesGuest(step, v))
                            || p.monitoringNames().stream().anyMatch(n -> SeedActions.names(step, n))));
        }
        for (String action : List.of("delete_node", "delete_storage", "format_disk")) {
            if (p.prohibits(action)) {
                b.deny(new DenyRule(rule("prohibited_actions." + action, file), action.replace('_', ' ') + " is never done by automation",
                        (plan, step) -> SeedActions.isProhibited(action, step)));
            }
        }
        if (!p.protectedVmids().isEmpty() || !p.protectedNames().isEmpty()) {
            b.deny(new DenyRule(rule("self_protection", file), "the lab's own containers and databases are not stopped, deleted or rolled back",
                    (plan, step) -> p.protectedVmids().stream().anyMatch(v -> SeedActions.disruptsGuest(step, v))
                            || p.protectedNames().stream().anyMatch(n -> SeedActions.names(step, n)
                                    && step.action().render().lines().anyMatch(l -> l.startsWith("DELETE ") || l.matches("POST \\S+/(status/(stop|shutdown)|snapshot/\\S+/rollback).*")))));
        }
        b.approver(rule("approval_required", file), plan -> {
            List<String> needed = approvalsFor(site, plan);
            if (needed.isEmpty()) {
                return Approver.Decision.approve();
            }
            Approver.Decision d = approver.review(plan);
            return d.approved() ? d : Approver.Decision.reject("approval required for " + String.join(", ", needed) + ": " + d.reason());
        });
        return b.build();
    }

    /** The {@code approval_required} actions that steps of {@code plan} are, in the file's order. */
    public static List<String> approvalsFor(Site site, Plan plan) {
        return SeedActions.present(site.policies().approvalRequired(), plan);
    }

    private static String rule(String name, String file) {
        return name + " (" + file + ")";
    }
}
