package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.store.StateStore;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.catalog.TargetResult;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Verifies a replica on the cluster (name, MAC, address as the replication set them) and records it:
 * its resource record, and its target done in the replication task. A replica that does not match
 * fails the step, and the whole replication rolls back.
 *
 * @param client the PVE client's target name
 * @param taskId the replication task
 * @param json the resource record
 */
public record ReplicaRecordAction(String client, String taskId, String json) implements Action {
    public ReplicaRecordAction {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String target() {
        return client;
    }

    @Override
    public String render() {
        ResourceRecord r = record();
        return "verify " + r.kind() + " " + r.vmid() + " on " + r.node() + " (name " + r.name() + ", mac " + r.mac() + ", address "
                + r.address() + ") and record it as a replica of " + r.originNode() + "/" + r.originVmid();
    }

    private ResourceRecord record() {
        return CatalogKeys.read("replica", json.getBytes(StandardCharsets.UTF_8), ResourceRecord.class);
    }

    @Override
    public void execute(Targets targets) {
        ResourceRecord r = record();
        PveClient pve = targets.resolve(client, PveClient.class);
        GuestType type = r.kind().equals("container") ? GuestType.LXC : GuestType.QEMU;
        GuestConfig cfg = pve.node(r.node()).guest(type, r.vmid()).config();
        List<String> wrong = new ArrayList<>();
        String name = type == GuestType.LXC ? cfg.get("hostname").orElse("") : cfg.name().orElse("");
        if (!name.equals(r.name())) {
            wrong.add("name is '" + name + "'");
        }
        String net0 = cfg.net(0).orElse("").toLowerCase(Locale.ROOT);
        if (!net0.contains(r.mac().toLowerCase(Locale.ROOT))) {
            wrong.add("net0 has no " + r.mac());
        }
        String ip = type == GuestType.LXC ? net0 : cfg.ipConfig(0).orElse("");
        if (!ip.contains("ip=" + r.address())) {
            wrong.add("the address is not " + r.address());
        }
        if (!wrong.isEmpty()) {
            throw new ConflictException("replica " + r.node() + "/" + r.vmid(), "the clone does not match: " + String.join("; ", wrong), false);
        }
        StateStore store = targets.resolve(Targets.STATE_STORE, StateStore.class);
        store.put(CatalogKeys.resource(r.vmid()), json.getBytes(StandardCharsets.UTF_8));
        TaskRecords.update(store, taskId, t -> TaskRecords.withTarget(t, new TargetResult(r.node(), "done", r.vmid(), r.name(), r.address(), r.mac())));
    }
}
