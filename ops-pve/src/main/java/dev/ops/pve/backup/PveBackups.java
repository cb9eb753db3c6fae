package dev.ops.pve.backup;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.internal.BackupSetupChanges;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where and when a cluster backs up: Proxmox Backup Server storages and cluster backup jobs
 * ({@code /cluster/backup}), each change with a plan and a rollback. One-off backups and restores are
 * {@link dev.ops.pve.PveChanges#backup} and {@link dev.ops.pve.PveChanges#restore}.
 *
 * <pre>{@code
 * PveBackups.on(pve, ops).pbsStorage(s -> s.storage("pbs").server("pbs.lab").datastore("store1")
 *         .username("pve@pbs!backup").password(Secret.of("...")).fingerprint("AB:CD:...")).apply();
 * PveBackups.on(pve, ops).backupJob(j -> j.id("backup-nightly").schedule("21:00").all(true).storage("pbs")
 *         .mode("snapshot").keepDaily(7).notesTemplate("{{guestname}}")).apply();
 * }</pre>
 */
public final class PveBackups {
    private final PveClient client;
    private final Ops ops;

    private PveBackups(PveClient client, Ops ops) {
        this.client = client;
        this.ops = ops;
    }

    /** The backup setup of {@code client}'s cluster, its changes journaled in {@code ops}. */
    public static PveBackups on(PveClient client, Ops ops) {
        return new PveBackups(Objects.requireNonNull(client, "client"), Objects.requireNonNull(ops, "ops"));
    }

    /**
     * Defines a storage of type {@code pbs} as requested (content {@code backup}): created when missing
     * (the rollback removes it), updated where it differs (the password only on create, as it cannot be
     * read back). None when it already is so.
     */
    public Change<PbsStorageRequest> pbsStorage(PbsStorageRequest request) {
        return BackupSetupChanges.pbsStorage(ops, client, Objects.requireNonNull(request, "request"));
    }

    /** The same, with a request filled in by {@code edit}. */
    public Change<PbsStorageRequest> pbsStorage(Consumer<PbsStorageRequest.Builder> edit) {
        PbsStorageRequest.Builder b = PbsStorageRequest.builder();
        edit.accept(b);
        return pbsStorage(b.build());
    }

    /**
     * Removes storage {@code id} from the cluster configuration (the backups on the PBS stay); a PBS
     * storage's password cannot be read back, so this cannot be rolled back. None when it does not exist.
     */
    public Change<Boolean> removeStorage(String id) {
        return BackupSetupChanges.removeStorage(ops, client, id);
    }

    /**
     * Makes the cluster backup job {@code request.id()} as requested: created when missing (the
     * rollback deletes it), updated where it differs (the rollback puts the old settings back). None
     * when it already is so. Its storage must exist.
     */
    public Change<BackupJobRequest> backupJob(BackupJobRequest request) {
        return BackupSetupChanges.backupJob(ops, client, Objects.requireNonNull(request, "request"));
    }

    /** The same, with a request filled in by {@code edit}. */
    public Change<BackupJobRequest> backupJob(Consumer<BackupJobRequest.Builder> edit) {
        BackupJobRequest.Builder b = BackupJobRequest.builder();
        edit.accept(b);
        return backupJob(b.build());
    }

    /** Removes the cluster backup job {@code id}; the rollback creates it again as it was. None when it does not exist. */
    public Change<Boolean> removeBackupJob(String id) {
        return BackupSetupChanges.removeBackupJob(ops, client, id);
    }
}
