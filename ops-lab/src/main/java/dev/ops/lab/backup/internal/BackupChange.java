package dev.ops.lab.backup.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.lab.catalog.BackupRecord;
import dev.ops.lab.catalog.internal.BackupRecordAction;
import dev.ops.lab.catalog.internal.CatalogKeys;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backup of a site guest, taken and recorded: vzdump to the storage (a heavy task, awaited), its
 * volume noted with the backup's id so that it can be found again, then its catalog record
 * ({@code kept}). Rollback forgets the record and deletes the volume.
 */
public final class BackupChange extends AbstractChange<BackupRecord, Void> {
    private final PveClient client;
    private final Guest guest;
    private final String storage;
    private final String mode;
    private final String id;
    private final String taken;

    /**
     * @param id the backup's catalog id
     * @param taken when it is taken (ISO-8601)
     */
    public BackupChange(Ops ops, PveClient client, Guest guest, String storage, String mode, String id, String taken) {
        super(ops);
        this.client = client;
        this.guest = guest;
        this.storage = storage;
        this.mode = mode;
        this.id = id;
        this.taken = taken;
    }

    @Override
    public String description() {
        return "back up " + guest + " to " + storage + " (" + mode + ") as backup " + id + ", recorded in the catalog";
    }

    @Override
    protected Planned<Void> planSteps() {
        guest.config(); // a guest that does not exist fails here, with a not-found error
        String marker = marker(guest.vmid(), id);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", guest.node());
        p.put("vmid", String.valueOf(guest.vmid()));
        p.put("storage", storage);
        p.put("mode", mode);
        p.put("notes-template", marker);
        Step vzdump = Step.of("vzdump " + guest + " to " + storage + " as backup " + id + " (rollback deletes the backup volume)",
                ApiCallAction.of(client, "POST", "/nodes/{node}/vzdump", p, true, true),
                new BackupVolumeDeleteAction(client.name(), guest.node(), storage, guest.vmid(), marker)).undoneAlsoOnFailure();
        Step record = Step.of("record backup " + id + " of " + guest + " in the catalog",
                new BackupTakenAction(client.name(), guest.node(), storage, guest.vmid(), id, mode, marker, taken),
                BackupRecordAction.forget(guest.vmid(), id));
        return Planned.of(List.of(vzdump, record), null);
    }

    /** The note a lab backup's volume carries: its guest and catalog id. */
    static String marker(int vmid, String id) {
        return "ops backup " + vmid + " " + id;
    }

    @Override
    protected Targets targets() {
        return client.targets(ops).withStore(ops.store());
    }

    @Override
    protected BackupRecord result(Void none) {
        String key = CatalogKeys.backup(guest.vmid(), id);
        return ops.store().get(key).map(v -> CatalogKeys.read(key, v.value(), BackupRecord.class)).orElseThrow();
    }
}
