package dev.ops.pve.backup.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.BackupJobRequest;
import dev.ops.pve.backup.PbsStorageRequest;
import dev.ops.proxmox.internal.ConfigEntryChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Makes the changes of {@link dev.ops.pve.backup.PveBackups}: PBS storages and cluster backup jobs, as configuration entries. */
public final class BackupSetupChanges {
    private static final ConfigEntryChange.Section STORAGE = ConfigEntryChange.Section.pve("storage", "/storage", "storage")
            .withSecrets("password").withDerived("shared", "digest", "prune-backups");
    private static final ConfigEntryChange.Section JOB = ConfigEntryChange.Section.pve("backup job", "/cluster/backup", "id")
            .withDerived("type", "next-run", "digest");

    private BackupSetupChanges() {}

    public static Change<PbsStorageRequest> pbsStorage(Ops ops, PveClient client, PbsStorageRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("storage", r.storage());
        p.put("type", "pbs");
        p.put("server", r.server());
        r.port().ifPresent(port -> p.put("port", port));
        p.put("datastore", r.datastore());
        r.namespace().ifPresent(ns -> p.put("namespace", ns));
        p.put("username", r.username());
        p.put("password", r.password());
        r.fingerprint().ifPresent(f -> p.put("fingerprint", f));
        p.put("content", "backup");
        return new ConfigEntryChange<>(ops, client, STORAGE, r.storage(), p, false, r, () -> { });
    }

    public static Change<Boolean> removeStorage(Ops ops, PveClient client, String id) {
        Violations.of("storage").check(id != null && !id.isBlank(), "storage", "must be given").throwIfAny();
        return new ConfigEntryChange<>(ops, client, STORAGE, id, null, false, true, () -> { });
    }

    public static Change<BackupJobRequest> backupJob(Ops ops, PveClient client, BackupJobRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put("schedule", r.schedule());
        if (r.all()) {
            p.put("all", true);
        }
        r.pool().ifPresent(pool -> p.put("pool", pool));
        if (!r.vmids().isEmpty()) {
            p.put("vmid", r.vmids().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        r.node().ifPresent(n -> p.put("node", n));
        p.put("storage", r.storage());
        r.mode().ifPresent(m -> p.put("mode", m));
        if (!r.pruneBackups().isEmpty()) {
            p.put("prune-backups", r.pruneBackups());
        }
        r.notesTemplate().ifPresent(t -> p.put("notes-template", t));
        r.comment().ifPresent(c -> p.put("comment", c));
        p.put("enabled", r.enabled());
        return new ConfigEntryChange<>(ops, client, JOB, r.id(), p, false, r, () -> {
            boolean known = client.api().get("/storage").elements().stream().anyMatch(e -> r.storage().equals(e.path("storage").asText("")));
            if (!known) {
                throw new NotFoundException("storage " + r.storage(), "does not exist on the cluster");
            }
        });
    }

    public static Change<Boolean> removeBackupJob(Ops ops, PveClient client, String id) {
        Violations.of("backup job").check(id != null && !id.isBlank(), "id", "must be given").throwIfAny();
        return new ConfigEntryChange<>(ops, client, JOB, id, null, false, true, () -> { });
    }
}
