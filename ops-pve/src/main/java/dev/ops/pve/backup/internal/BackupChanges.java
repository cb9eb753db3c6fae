package dev.ops.pve.backup.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.BackupRequest;
import dev.ops.pve.backup.RestoreRequest;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.node.Node;

/** Makes the changes of backups; {@link dev.ops.pve.PveChanges} is the public face. */
public final class BackupChanges {
    private BackupChanges() {}

    public static Change<Boolean> backup(Ops ops, PveClient client, Guest g, BackupRequest request) {
        return new BackupChange(ops, client, g, request);
    }

    public static Change<Guest> restore(Ops ops, PveClient client, Node node, GuestType type, RestoreRequest request) {
        return new RestoreChange(ops, client, node.name(), type, request);
    }
}
