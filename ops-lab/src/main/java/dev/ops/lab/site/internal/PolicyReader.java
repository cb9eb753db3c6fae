package dev.ops.lab.site.internal;

import dev.ops.lab.site.ActionLimits;
import dev.ops.lab.site.ActionPolicies;
import dev.ops.lab.site.BackupRetention;
import dev.ops.lab.site.SnapshotRetention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code action-policies.yml} in ops' form and in the seed's form alike: the seed's keys
 * ({@code autonomous_actions}, {@code action_limits}, {@code snapshot_retention},
 * {@code backup_retention}, {@code replication}, {@code self_protection.protected_containers}, ...)
 * and its action names are accepted as its files have them.
 */
final class PolicyReader {
    static final String[] KEYS = {"approval_required", "autonomous_actions", "prohibited_actions", "action_limits", "snapshot_retention",
        "backup_retention", "replication", "self_protection", "monitoring", "automatic_snapshot"};

    private PolicyReader() {}

    static ActionPolicies read(Cursor c) {
        c.allow(KEYS);
        List<String> approval = names(c, "approval_required", "an action", ActionPolicies.APPROVABLE);
        Set<String> autonomousOk = new TreeSet<>(ActionPolicies.AUTONOMOUS);
        autonomousOk.addAll(ActionPolicies.APPROVABLE);
        List<String> autonomous = names(c, "autonomous_actions", "an action", autonomousOk);
        autonomous.stream().filter(approval::contains).forEach(a -> c.child("autonomous_actions")
                .problem("'" + a + "' is also in approval_required: an action either needs approval or does not"));
        List<String> prohibited = c.present("prohibited_actions") ? names(c, "prohibited_actions", "a prohibitable action", ActionPolicies.PROHIBITABLE)
                : ActionPolicies.SEED_PROHIBITED;
        Cursor self = c.child("self_protection").allow("vmids", "names", "protected_containers", "protected_workflows",
                "prevent_self_modification", "canary_monitoring_enabled");
        // The seed service's own n8n settings: checked for their types, not acted on by ops-lab (docs/lab.md).
        self.bool("prevent_self_modification", true);
        self.bool("canary_monitoring_enabled", true);
        self.strings("protected_workflows");
        List<String> protectedNames = new ArrayList<>(self.strings("names"));
        protectedNames.addAll(self.strings("protected_containers"));
        Cursor mon = c.child("monitoring").allow("vmids", "names");
        Cursor snap = c.child("automatic_snapshot").allow("before");
        List<String> before = c.present("automatic_snapshot") ? snap.strings("before") : List.of("rebuild", "config_change", "upgrade");
        before.stream().filter(a -> !ActionPolicies.SNAPSHOT_TRIGGERS.contains(a)).forEach(a -> snap.child("before")
                .problem("'" + a + "' is not a trigger (rebuild, config_change, upgrade)"));
        Cursor retention = c.child("snapshot_retention");
        SnapshotRetention volumes = volumeSnapshots(retention);
        boolean nested = retention.present("lvm") || retention.present("vm");
        // The flat form names no kind: its limits hold for guest snapshots as for volume snapshots.
        SnapshotRetention guests = retention.present("vm") ? guestSnapshots(retention) : nested ? SnapshotRetention.unlimited() : volumes;
        return new ActionPolicies(approval, prohibited, self.integers("vmids"), protectedNames, mon.integers("vmids"), mon.strings("names"),
                before, c.file(), autonomous, limits(c.child("action_limits")), volumes, guests, backups(c.child("backup_retention")));
    }

    private static List<String> names(Cursor c, String key, String what, Set<String> known) {
        List<String> out = c.strings(key);
        out.stream().filter(a -> !known.contains(a)).forEach(a -> c.child(key)
                .problem("'" + a + "' is not " + what + " (" + String.join(", ", new TreeSet<>(known)) + ")"));
        return out;
    }

    private static ActionLimits limits(Cursor c) {
        c.allow("max_restart_attempts", "max_rebuild_attempts", "restart_cooldown_minutes", "alert_storm_threshold");
        ActionLimits d = ActionLimits.seed();
        return new ActionLimits(count(c, "max_restart_attempts", d.maxRestartAttempts()), count(c, "max_rebuild_attempts", d.maxRebuildAttempts()),
                count(c, "restart_cooldown_minutes", d.restartCooldownMinutes()), count(c, "alert_storm_threshold", d.alertStormThreshold()));
    }

    /** The flat form ({@code max_age_days}, {@code max_snapshots_per_volume}) or the {@code lvm} part of the nested one. */
    private static SnapshotRetention volumeSnapshots(Cursor c) {
        if (c.node().isNull()) {
            return SnapshotRetention.unlimited();
        }
        c.allow("max_age_days", "max_snapshots_per_volume", "auto_cleanup", "lvm", "vm");
        boolean nested = c.present("lvm") || c.present("vm");
        if (nested && (c.present("max_age_days") || c.present("max_snapshots_per_volume"))) {
            c.problem("give either max_age_days/max_snapshots_per_volume or the lvm/vm parts, not both");
        }
        Cursor v = nested ? c.child("lvm").allow("max_age_days", "max_snapshots_per_volume", "auto_cleanup") : c;
        SnapshotRetention d = SnapshotRetention.seedVolumes();
        return new SnapshotRetention(positive(v, "max_age_days", d.maxAgeDays()), positive(v, "max_snapshots_per_volume", d.maxPerVolume()),
                v.bool("auto_cleanup", d.autoCleanup()));
    }

    private static SnapshotRetention guestSnapshots(Cursor c) {
        Cursor v = c.child("vm").allow("max_age_days", "max_snapshots_per_vm", "auto_cleanup");
        SnapshotRetention d = SnapshotRetention.seedGuests();
        return new SnapshotRetention(positive(v, "max_age_days", d.maxAgeDays()), positive(v, "max_snapshots_per_vm", d.maxPerVolume()),
                v.bool("auto_cleanup", d.autoCleanup()));
    }

    private static BackupRetention backups(Cursor c) {
        c.allow("default_retention_days", "max_backups_per_resource", "auto_verify_backups", "verification_interval_days", "auto_cleanup_expired");
        BackupRetention d = BackupRetention.seed();
        return new BackupRetention(positive(c, "default_retention_days", d.retentionDays()), positive(c, "max_backups_per_resource",
                d.maxPerResource()), c.bool("auto_verify_backups", d.autoVerify()), positive(c, "verification_interval_days",
                d.verificationIntervalDays()), c.bool("auto_cleanup_expired", d.autoCleanupExpired()));
    }

    /** A keep value: at least 1 (a keep of 0 would delete everything). */
    private static int positive(Cursor c, String key, int fallback) {
        int n = c.integer(key, fallback);
        if (n < 1) {
            c.child(key).problem("must be at least 1, not " + n);
        }
        return n;
    }

    private static int count(Cursor c, String key, int fallback) {
        int n = c.integer(key, fallback);
        if (n < 0) {
            c.child(key).problem("must not be negative");
        }
        return n;
    }
}
