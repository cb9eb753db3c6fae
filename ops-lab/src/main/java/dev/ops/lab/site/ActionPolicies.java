package dev.ops.lab.site;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The site's {@code action-policies.yml}: which actions need an approver, which are never allowed,
 * which resources protect themselves, before which actions a safety snapshot is taken, and the
 * seed's limits and retention settings. The file may be written in ops' form or exactly as the
 * seed's {@code config/action-policies.yml} is (both are read; see docs/lab.md).
 *
 * <pre>{@code
 * approval_required: [restore_snapshot, create_backup, restore_backup, clone_vm, clone_lxc, replicate_resource, assign_static_ip]
 * autonomous_actions: [start_vm, start_lxc, create_snapshot_pre_action]
 * prohibited_actions: [delete_node, delete_storage, format_disk, delete_primary_template, delete_safety_snapshot]
 * snapshot_retention: {max_age_days: 30, max_snapshots_per_volume: 10}
 * replication: {primary_node: pve-node-01, auto_replicate_from_primary: true, cross_node_replication: true}
 * self_protection: {protected_containers: [proxmox-ai-postgres], vmids: [200]}
 * monitoring: {vmids: [250]}
 * automatic_snapshot: {before: [rebuild, config_change, upgrade]}
 * }</pre>
 *
 * @param approvalRequired actions that go to the approver
 * @param prohibited actions refused at plan time
 * @param protectedVmids guests that may not be stopped, deleted or rolled back (self-protection)
 * @param protectedNames the same, by guest name (the seed's {@code protected_containers})
 * @param monitoringVmids the monitoring infrastructure's guests
 * @param monitoringNames the same, by guest name
 * @param snapshotBefore the actions a safety snapshot is taken before
 * @param file the file these came from, named in every refusal
 * @param autonomous actions the seed runs without asking ({@code autonomous_actions}); none of them needs approval
 * @param limits the seed's {@code action_limits}
 * @param volumeSnapshots retention of volume (LVM, ZFS, Btrfs) snapshots ({@code snapshot_retention}, or its {@code lvm} part)
 * @param guestSnapshots retention of Proxmox guest snapshots ({@code snapshot_retention.vm})
 * @param backups the seed's {@code backup_retention}
 */
public record ActionPolicies(List<String> approvalRequired, List<String> prohibited, List<Integer> protectedVmids,
        List<String> protectedNames, List<Integer> monitoringVmids, List<String> monitoringNames,
        List<String> snapshotBefore, String file, List<String> autonomous, ActionLimits limits, SnapshotRetention volumeSnapshots,
        SnapshotRetention guestSnapshots, BackupRetention backups) {
    /** The actions {@code approval_required} may name: ops' names and the seed's. */
    public static final Set<String> APPROVABLE = Set.of("restore_snapshot", "create_backup", "restore_backup", "clone",
            "replicate", "assign_static_ip", "delete_guest", "migrate", "clone_vm", "clone_lxc", "replicate_resource", "delete_resource",
            "modify_config", "network_config_change", "restart_node", "rebuild_container");
    /** The seed's actions that run without approval, which {@code autonomous_actions} may name besides the approvable ones. */
    public static final Set<String> AUTONOMOUS = Set.of("restart_container", "start_container", "start_vm", "start_lxc",
            "clear_temp_files", "rotate_logs", "create_snapshot_pre_action");
    /** The actions {@code prohibited_actions} may name: ops' names and the seed's. */
    public static final Set<String> PROHIBITABLE = Set.of("delete_primary_template", "delete_safety_snapshot", "touch_monitoring",
            "modify_monitoring_system", "delete_node", "delete_storage", "format_disk", "delete_n8n_workflow");
    /** The actions {@code automatic_snapshot.before} may name. */
    public static final Set<String> SNAPSHOT_TRIGGERS = Set.of("rebuild", "config_change", "upgrade");
    /** What the seed prohibits in its own code, whatever its file says: applied when the file names no {@code prohibited_actions}. */
    public static final List<String> SEED_PROHIBITED = List.of("delete_primary_template", "delete_safety_snapshot", "touch_monitoring");

    public ActionPolicies {
        approvalRequired = List.copyOf(approvalRequired);
        prohibited = List.copyOf(prohibited);
        protectedVmids = List.copyOf(protectedVmids);
        protectedNames = List.copyOf(protectedNames);
        monitoringVmids = List.copyOf(monitoringVmids);
        monitoringNames = List.copyOf(monitoringNames);
        snapshotBefore = List.copyOf(snapshotBefore);
        Objects.requireNonNull(file, "file");
        autonomous = List.copyOf(autonomous);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(volumeSnapshots, "volumeSnapshots");
        Objects.requireNonNull(guestSnapshots, "guestSnapshots");
        Objects.requireNonNull(backups, "backups");
    }

    /** Whether {@code action} is prohibited, under its own name or the other form's name for it. */
    public boolean prohibits(String action) {
        return prohibited.contains(action) || switch (action) {
            case "touch_monitoring" -> prohibited.contains("modify_monitoring_system");
            case "modify_monitoring_system" -> prohibited.contains("touch_monitoring");
            default -> false;
        };
    }

    /** The seed's policies, as a site without {@code action-policies.yml} gets them. */
    public static ActionPolicies seed() {
        return new ActionPolicies(List.of("restore_snapshot", "create_backup", "restore_backup", "clone", "replicate", "assign_static_ip"),
                SEED_PROHIBITED, List.of(), List.of(), List.of(), List.of(), List.of("rebuild", "config_change", "upgrade"),
                "(built-in seed policies)", List.of(), ActionLimits.seed(), SnapshotRetention.seedVolumes(), SnapshotRetention.seedGuests(),
                BackupRetention.seed());
    }
}
