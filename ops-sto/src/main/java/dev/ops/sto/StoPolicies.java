package dev.ops.sto;

import dev.ops.core.policy.DenyRule;
import java.util.regex.Pattern;

/**
 * Deny rules for storage, to add to an {@link dev.ops.core.policy.Policy}.
 *
 * <pre>{@code
 * Ops ops = Ops.defaults().toBuilder().policy(Policy.builder().deny(StoPolicies.snapshotsDeletedOnlyByCleanup()).build()).build();
 * }</pre>
 */
public final class StoPolicies {
    private static final Pattern DELETES_SNAPSHOT = Pattern.compile(
            "^(zfs destroy(\\s+-r)?\\s+\\S*@|btrfs subvolume delete |lvremove .*)");

    private StoPolicies() {}

    /**
     * "Snapshots are deleted only by auto-cleanup": a plan that destroys a ZFS snapshot, deletes a
     * Btrfs subvolume or removes an LVM volume is refused unless it is a retention prune (or the
     * rollback of a change that made it, which no plan checks).
     */
    public static DenyRule snapshotsDeletedOnlyByCleanup() {
        return new DenyRule("snapshots-deleted-only-by-cleanup", "snapshots are deleted only by auto-cleanup (retention prune)",
                (plan, step) -> !plan.change().startsWith("prune ") && DELETES_SNAPSHOT.matcher(actionText(step)).find());
    }

    private static String actionText(dev.ops.core.change.Step step) {
        String r = step.action().render();
        // actions run as root render with a sudo prefix
        return r.startsWith("sudo -n ") ? r.substring("sudo -n ".length()) : r;
    }
}
