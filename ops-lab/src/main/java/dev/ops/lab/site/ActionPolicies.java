package dev.ops.lab.site;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The site's {@code action-policies.yml}: which actions need an approver, which are never allowed,
 * which resources protect themselves, and before which actions a safety snapshot is taken.
 *
 * <pre>{@code
 * approval_required: [restore_snapshot, create_backup, restore_backup, clone, replicate, assign_static_ip]
 * prohibited_actions: [delete_primary_template, delete_safety_snapshot, touch_monitoring]
 * self_protection:
 *   vmids: [200]
 *   names: [ops-db]
 * monitoring:
 *   vmids: [250]
 * automatic_snapshot:
 *   before: [rebuild, config_change, upgrade]
 * }</pre>
 *
 * @param approvalRequired actions that go to the approver
 * @param prohibited actions refused at plan time
 * @param protectedVmids guests that may not be stopped, deleted or rolled back (self-protection)
 * @param protectedNames the same, by guest name
 * @param monitoringVmids the monitoring infrastructure's guests
 * @param monitoringNames the same, by guest name
 * @param snapshotBefore the actions a safety snapshot is taken before
 * @param file the file these came from, named in every refusal
 */
public record ActionPolicies(List<String> approvalRequired, List<String> prohibited, List<Integer> protectedVmids,
        List<String> protectedNames, List<Integer> monitoringVmids, List<String> monitoringNames,
        List<String> snapshotBefore, String file) {
    /** The actions {@code approval_required} may name. */
    public static final Set<String> APPROVABLE = Set.of("restore_snapshot", "create_backup", "restore_backup", "clone",
            "replicate", "assign_static_ip", "delete_guest", "migrate");
    /** The actions {@code prohibited_actions} may name. */
    public static final Set<String> PROHIBITABLE = Set.of("delete_primary_template", "delete_safety_snapshot", "touch_monitoring");
    /** The actions {@code automatic_snapshot.before} may name. */
    public static final Set<String> SNAPSHOT_TRIGGERS = Set.of("rebuild", "config_change", "upgrade");

    public ActionPolicies {
        approvalRequired = List.copyOf(approvalRequired);
        prohibited = List.copyOf(prohibited);
        protectedVmids = List.copyOf(protectedVmids);
        protectedNames = List.copyOf(protectedNames);
        monitoringVmids = List.copyOf(monitoringVmids);
        monitoringNames = List.copyOf(monitoringNames);
        snapshotBefore = List.copyOf(snapshotBefore);
        Objects.requireNonNull(file, "file");
    }

    /** The seed's policies, as a site without {@code action-policies.yml} gets them. */
    public static ActionPolicies seed() {
        return new ActionPolicies(List.of("restore_snapshot", "create_backup", "restore_backup", "clone", "replicate", "assign_static_ip"),
                List.copyOf(List.of("delete_primary_template", "delete_safety_snapshot", "touch_monitoring")), List.of(), List.of(),
                List.of(), List.of(), List.of("rebuild", "config_change", "upgrade"), "(built-in seed policies)");
    }
}
