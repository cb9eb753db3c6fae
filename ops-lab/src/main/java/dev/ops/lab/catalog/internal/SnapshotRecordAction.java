package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.lab.catalog.SnapshotRecord;
import java.util.Objects;

/**
 * A safety snapshot's catalog record written (taken, or pruned by retention), or, as an undo, the
 * earlier record put back (none: the record forgotten).
 *
 * @param vmid the guest's VMID
 * @param name the snapshot's name
 * @param json the {@link SnapshotRecord} to leave; empty to leave none
 */
public record SnapshotRecordAction(int vmid, String name, String json) implements Action {
    public SnapshotRecordAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
    }

    /** The action writing {@code record}. */
    public static SnapshotRecordAction of(SnapshotRecord record) {
        return new SnapshotRecordAction(record.vmid(), record.name(), CatalogKeys.json(record));
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        if (json.isEmpty()) {
            return "forget safety snapshot " + name + " of " + vmid;
        }
        return "record safety snapshot " + name + " of " + vmid + " as "
                + CatalogKeys.read("snapshot record", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), SnapshotRecord.class).state();
    }

    @Override
    public void execute(Targets targets) {
        CatalogKeys.restore(targets, CatalogKeys.snapshot(vmid, name), json);
    }
}
