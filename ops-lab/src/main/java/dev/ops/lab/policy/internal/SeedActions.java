package dev.ops.lab.policy.internal;

import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The seed's action names and the steps that are them, recognised by the call a step makes (its
 * rendered action: method, path and parameters) or, for steps ops-lab makes itself, its description.
 */
public final class SeedActions {
    private static final String GUEST = "/nodes/\\S+/(?:qemu|lxc)/";
    private static final Map<String, Pattern> APPROVABLE = Map.ofEntries(
            Map.entry("clone", Pattern.compile("POST " + GUEST + "\\d+/clone\\b")),
            Map.entry("replicate", Pattern.compile("POST /nodes/(\\S+)/(?:qemu|lxc)/\\d+/clone\\b.*\\btarget=(?!\\1\\b)\\S+|^(?:record replica|open replication task)\\b")),
            Map.entry("restore_snapshot", Pattern.compile("POST " + GUEST + "\\d+/snapshot/\\S+/rollback")),
            Map.entry("create_backup", Pattern.compile("POST /nodes/\\S+/vzdump\\b")),
            Map.entry("restore_backup", Pattern.compile("POST /nodes/\\S+/(?:qemu|lxc)\\b.*\\b(?:archive|ostemplate)=\\S*(?:vzdump|backup|pbs)|^open restore task\\b")),
            Map.entry("assign_static_ip", Pattern.compile("\\bipconfig\\d+=(?:\\S*,)?ip=\\d|\\bnet\\d+=\\S*\\bip=\\d|^reserve address\\b")),
            Map.entry("delete_guest", Pattern.compile("DELETE " + GUEST + "\\d+(?:\\s|$)")),
            Map.entry("migrate", Pattern.compile("POST " + GUEST + "\\d+/migrate\\b")),
            Map.entry("clone_vm", Pattern.compile("POST /nodes/\\S+/qemu/\\d+/clone\\b")),
            Map.entry("clone_lxc", Pattern.compile("POST /nodes/\\S+/lxc/\\d+/clone\\b")),
            Map.entry("modify_config", Pattern.compile("(?:PUT|POST) " + GUEST + "\\d+/config\\b")),
            Map.entry("network_config_change", Pattern.compile("(?:POST|PUT|DELETE) /nodes/\\S+/network\\b")),
            Map.entry("restart_node", Pattern.compile("POST /nodes/\\S+/status\\b.*\\bcommand=(?:reboot|shutdown)\\b")),
            Map.entry("rebuild_container", Pattern.compile("POST /nodes/\\S+/lxc\\b.*\\bforce=1\\b")));
    /** The seed's names for what ops calls otherwise: the same steps. */
    private static final Map<String, String> ALIASES = Map.of("replicate_resource", "replicate", "delete_resource", "delete_guest");
    /** The steps the seed's prohibited actions are; {@code delete_n8n_workflow} is none: ops never calls n8n. */
    private static final Map<String, Pattern> PROHIBITED = Map.of(
            "delete_node", Pattern.compile("DELETE /cluster/config/nodes/\\S+"),
            "delete_storage", Pattern.compile("DELETE /storage/\\S+"),
            "format_disk", Pattern.compile("(?:POST|PUT) /nodes/\\S+/disks/(?:initgpt|wipedisk|zfs|lvm|lvmthin|directory)\\b"));

    private SeedActions() {}

    /** Whether {@code step} is the approvable action {@code action}. */
    public static boolean is(String action, Step step) {
        Pattern p = APPROVABLE.get(ALIASES.getOrDefault(action, action));
        if (p == null) {
            return false;
        }
        return p.matcher(step.description()).find() || step.action().render().lines().anyMatch(l -> p.matcher(l).find());
    }

    /** Whether {@code step} is the seed's prohibited action {@code action} (false for one ops never takes). */
    public static boolean isProhibited(String action, Step step) {
        Pattern p = PROHIBITED.get(action);
        return p != null && step.action().render().lines().anyMatch(l -> p.matcher(l).find());
    }

    /** The approvable actions among {@code actions} that some step of the plan is, in the order given. */
    public static List<String> present(List<String> actions, Plan plan) {
        return actions.stream().filter(a -> plan.steps().stream().anyMatch(s -> is(a, s))).toList();
    }

    /** A step that deletes guest {@code vmid}, on any node. */
    public static boolean deletesGuest(Step step, int vmid) {
        Pattern p = Pattern.compile("DELETE " + GUEST + vmid + "(?:\\s|$)");
        return step.action().render().lines().anyMatch(l -> p.matcher(l).find());
    }

    /** A step that deletes a snapshot whose name starts with {@code prefix}. */
    public static boolean deletesSnapshot(Step step, String prefix) {
        Pattern p = Pattern.compile("DELETE " + GUEST + "\\d+/snapshot/" + Pattern.quote(prefix));
        return step.action().render().lines().anyMatch(l -> p.matcher(l).find());
    }

    /** A step that calls anything under guest {@code vmid} or names it. */
    public static boolean touchesGuest(Step step, int vmid) {
        Pattern p = Pattern.compile(GUEST + vmid + "(?:[/\\s]|$)");
        return step.action().render().lines().anyMatch(l -> p.matcher(l).find()) || p.matcher(step.description()).find();
    }

    /** A step whose description or call names {@code name} as a whole word. */
    public static boolean names(Step step, String name) {
        Pattern p = Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(name) + "(?![A-Za-z0-9-])");
        return p.matcher(step.description()).find() || p.matcher(step.action().render()).find();
    }

    /** A step that stops, shuts down, deletes or rolls back guest {@code vmid}: what self-protection refuses. */
    public static boolean disruptsGuest(Step step, int vmid) {
        Pattern p = Pattern.compile(GUEST + vmid + "(?:/status/(?:stop|shutdown|reboot|reset|suspend)|/snapshot/\\S+/rollback|(?:\\s|$))");
        return step.action().render().lines().filter(l -> l.startsWith("POST ") || l.startsWith("DELETE "))
                .anyMatch(l -> p.matcher(l).find());
    }

    /** Whether a plan was made by retention (the one way safety snapshots may go). */
    public static boolean byRetention(Plan plan) {
        return plan.change().startsWith("retention");
    }
}
