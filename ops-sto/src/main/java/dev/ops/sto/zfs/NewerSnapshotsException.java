package dev.ops.sto.zfs;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.util.List;

/**
 * A rollback would destroy snapshots newer than its target, and the request did not consent with
 * {@code destroyingNewer()} ({@code zfs rollback -r}); names them and the field.
 */
public class NewerSnapshotsException extends ValidationException {
    private final List<String> newer;

    public NewerSnapshotsException(String snapshot, List<String> newer) {
        super("zfs rollback to " + snapshot, List.of(new Violation("destroyingNewer",
                "rolling back would destroy the newer snapshots " + newer + "; consent with destroyingNewer() (zfs rollback -r)")));
        this.newer = List.copyOf(newer);
    }

    /** The snapshots the rollback would destroy, newest last. */
    public List<String> newer() {
        return newer;
    }
}
