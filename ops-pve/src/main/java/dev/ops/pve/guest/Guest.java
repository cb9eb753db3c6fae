package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.backup.BackupRequest;
import dev.ops.pve.task.PveTask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One VM or container on one node: reads go to its own endpoint (never the lagging cluster
 * resource list), and every call that starts work returns its {@link PveTask}. These calls act at
 * once; {@link dev.ops.pve.PveClient#changes} offers the same operations as plannable, journaled
 * changes with rollback.
 */
public final class Guest {
    private final PveClient client;
    private final String node;
    private final GuestType type;
    private final int vmid;

    public Guest(PveClient client, String node, GuestType type, int vmid) {
        this.client = client;
        this.node = PveIds.requireNode(node);
        this.type = type;
        this.vmid = PveIds.requireVmid(vmid);
    }

    /** The node. */
    public String node() {
        return node;
    }

    /** The type. */
    public GuestType type() {
        return type;
    }

    /** The vmid. */
    public int vmid() {
        return vmid;
    }

    /** The API path of this guest, e.g. {@code /nodes/pve/qemu/101}. */
    public String path() {
        return "/nodes/" + node + "/" + type.segment() + "/" + vmid;
    }

    /** The path template of this guest's endpoint plus {@code suffix}, e.g. {@code /nodes/{node}/qemu/{vmid}/config}. */
    public String template(String suffix) {
        return "/nodes/{node}/" + type.segment() + "/{vmid}" + suffix;
    }

    /** The path parameters plus {@code extra}. */
    public Map<String, Object> params(Map<String, ?> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", node);
        p.put("vmid", vmid);
        p.putAll(extra);
        return p;
    }

    /** {@code GET .../status/current}. */
    public GuestStatus status() {
        GuestStatus s = client.api().get(template("/status/current"), params(Map.of()), GuestStatus.class);
        if (s == null) {
            throw new dev.ops.core.error.OpsException("GET " + template("/status/current") + " of " + this + " answered without data");
        }
        return s.ofVmid(vmid);
    }

    /** Whether the guest exists on this node (a 404/500 "does not exist" is false). */
    public boolean exists() {
        try {
            config();
            return true;
        } catch (dev.ops.core.error.NotFoundException e) {
            return false;
        }
    }

    /** {@code GET .../config}. */
    public GuestConfig config() {
        return GuestConfig.from(type, vmid, client.api().get(template("/config"), params(Map.of())));
    }

    /** The config, or empty when the guest does not exist. */
    public Optional<GuestConfig> findConfig() {
        try {
            return Optional.of(config());
        } catch (dev.ops.core.error.NotFoundException e) {
            return Optional.empty();
        }
    }

    /** {@code PUT .../config} (synchronous); a digest in the update makes Proxmox refuse it if the config changed meanwhile. */
    public void updateConfig(ConfigUpdate update) {
        if (update.isEmpty()) {
            return;
        }
        client.api().put(template("/config"), params(update.toParams()));
    }

    /** {@code PUT .../config} with an update built by {@code edit}. */
    public void updateConfig(Consumer<ConfigUpdate.Builder> edit) {
        ConfigUpdate.Builder b = ConfigUpdate.builder();
        edit.accept(b);
        updateConfig(b.build());
    }

    /** {@code POST .../status/start}. */
    public PveTask start() {
        return power("start", Map.of());
    }

    /** {@code POST .../status/stop}: hard stop. */
    public PveTask stop() {
        return power("stop", Map.of());
    }

    /** {@code POST .../status/shutdown}: clean shutdown, forced stop after {@code timeoutSeconds} if {@code forceStop}. */
    public PveTask shutdown(int timeoutSeconds, boolean forceStop) {
        Violations.of("shutdown").check(timeoutSeconds >= 0, "timeoutSeconds", "must not be negative").throwIfAny();
        return power("shutdown", Map.of("timeout", timeoutSeconds, "forceStop", forceStop));
    }

    /** {@code POST .../status/shutdown} with Proxmox's defaults. */
    public PveTask shutdown() {
        return power("shutdown", Map.of());
    }

    /** {@code POST .../status/reboot}. */
    public PveTask reboot() {
        return power("reboot", Map.of());
    }

    /** {@code POST .../status/suspend}. */
    public PveTask suspend() {
        return power("suspend", Map.of());
    }

    /** {@code POST .../status/resume}. */
    public PveTask resume() {
        return power("resume", Map.of());
    }

    private PveTask power(String action, Map<String, ?> extra) {
        return client.api().task("POST", template("/status/" + action), params(extra));
    }

    /** {@code DELETE .../{vmid}?purge=1&destroy-unreferenced-disks=1}: the guest must be stopped. */
    public PveTask delete() {
        return client.api().task("DELETE", template(""), params(Map.of("purge", true, "destroy-unreferenced-disks", true)));
    }

    /**
     * {@code POST .../template}: converts the guest to a template. Returns the task for VMs; empty for
     * containers, which Proxmox converts synchronously.
     */
    public Optional<PveTask> convertToTemplate() {
        if (type == GuestType.QEMU) {
            return Optional.of(client.api().task("POST", template("/template"), params(Map.of())));
        }
        client.api().post(template("/template"), params(Map.of()));
        return Optional.empty();
    }

    /**
     * {@code POST .../clone} with an explicit new VMID (cloud-init settings need the change from
     * {@link PveClient#changes}, which writes them once the clone exists). Waits for a heavy-task slot
     * on this node first.
     */
    public PveTask cloneTo(CloneRequest request) {
        Violations v = Violations.of("clone of " + path());
        v.check(request.newId().isPresent(), "newId", "must be given (or use changes(ops).clone(...), which allocates one)");
        v.check(request.cloudInit().isEmpty(), "cloudInit", "is applied by changes(ops).clone(...), after the clone exists");
        v.throwIfAny();
        return client.api().heavyTask(node, "POST", template("/clone"), params(request.toParams(type, request.newId().getAsInt())));
    }

    /** {@code POST .../clone} with a request built by {@code edit}. */
    public PveTask cloneTo(Consumer<CloneRequest.Builder> edit) {
        CloneRequest.Builder b = CloneRequest.builder();
        edit.accept(b);
        return cloneTo(b.build());
    }

    /** {@code POST .../migrate}. */
    public PveTask migrate(MigrateRequest request) {
        return client.api().heavyTask(node, "POST", template("/migrate"), params(request.toParams(type)));
    }

    /** {@code POST .../migrate} with a request built by {@code edit}. */
    public PveTask migrate(Consumer<MigrateRequest.Builder> edit) {
        MigrateRequest.Builder b = MigrateRequest.builder();
        edit.accept(b);
        return migrate(b.build());
    }

    /** This guest's snapshots. */
    public Snapshots snapshots() {
        return new Snapshots(client, this);
    }

    /** {@code POST /nodes/{node}/vzdump} for this guest. */
    public PveTask backup(BackupRequest request) {
        Map<String, Object> p = new LinkedHashMap<>(request.toParams());
        p.put("node", node);
        p.put("vmid", String.valueOf(vmid));
        return client.api().heavyTask(node, "POST", "/nodes/{node}/vzdump", p);
    }

    /** {@code POST /nodes/{node}/vzdump} with a request built by {@code edit}. */
    public PveTask backup(Consumer<BackupRequest.Builder> edit) {
        BackupRequest.Builder b = BackupRequest.builder();
        edit.accept(b);
        return backup(b.build());
    }


    @Override
    public String toString() {
        return type.segment() + "/" + vmid + "@" + node;
    }
}
