package dev.ops.pve;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pve.backup.BackupRequest;
import dev.ops.pve.backup.RestoreRequest;
import dev.ops.pve.change.GuestDestroyAction;
import dev.ops.pve.change.PveCallAction;
import dev.ops.pve.change.PveChange;
import dev.ops.pve.guest.CloneRequest;
import dev.ops.pve.guest.ConfigUpdate;
import dev.ops.pve.guest.CreateContainerRequest;
import dev.ops.pve.guest.CreateVmRequest;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestStatus;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.MigrateRequest;
import dev.ops.pve.guest.Snapshot;
import dev.ops.pve.guest.UriComponent;
import dev.ops.pve.ha.Ha;
import dev.ops.pve.ha.HaResource;
import dev.ops.pve.node.Node;
import dev.ops.pve.storage.DownloadUrlRequest;
import dev.ops.pve.storage.Storage;
import dev.ops.pve.storage.StorageContentItem;
import dev.ops.pve.vmid.VmidAllocator;
import dev.ops.pve.vmid.VmidReservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every mutating Proxmox operation as a {@link Change}: {@code plan()} is the dry-run (exact
 * method, path and body, secrets masked), {@code apply()} runs it journaled, and the handle rolls it
 * back (a clone or create is destroyed, a config update restores the previous values and removes the
 * keys that were absent, a snapshot is deleted, a start is undone by a stop). A change already in its
 * desired state plans no steps.
 *
 * <pre>{@code
 * PveChanges changes = client.changes(ops);
 * Applied<Guest> clone = changes.clone(template, c -> c.name("web-1").full(true)
 *         .cloudInit(CloudInit.builder().user("ops").addSshKeys(key).putIpConfigs(0, "ip=dhcp").build())).apply();
 * clone.rollback();   // destroys the clone
 * }</pre>
 */
public final class PveChanges {
    private final PveClient client;
    private final Ops ops;
    private final VmidAllocator vmids;

    PveChanges(PveClient client, Ops ops) {
        this.client = client;
        this.ops = ops;
        this.vmids = client.vmids(ops);
    }

    // ---- power -------------------------------------------------------------------------------

    /** Starts the guest; rollback stops it. No steps when it runs already. */
    public Change<GuestStatus> start(Guest g) {
        return change("start " + g, v -> {}, () -> g.status().running() ? List.of()
                : List.of(Step.of("start " + g, power(g, "start"), power(g, "stop"))), g::status);
    }

    /** Stops the guest hard; rollback starts it. No steps when it is stopped. */
    public Change<GuestStatus> stop(Guest g) {
        return change("stop " + g, v -> {}, () -> !g.status().running() ? List.of()
                : List.of(Step.of("stop " + g, power(g, "stop"), power(g, "start"))), g::status);
    }

    /** Shuts the guest down cleanly; rollback starts it. No steps when it is stopped. */
    public Change<GuestStatus> shutdown(Guest g) {
        return change("shut down " + g, v -> {}, () -> !g.status().running() ? List.of()
                : List.of(Step.of("shut down " + g, power(g, "shutdown"), power(g, "start"))), g::status);
    }

    /** Reboots a running guest (cannot be undone). */
    public Change<GuestStatus> reboot(Guest g) {
        return change("reboot " + g, v -> {}, () -> {
            if (!g.status().running()) {
                throw new ConflictException(g.toString(), "is not running, so it cannot be rebooted", false);
            }
            return List.of(Step.irreversible("reboot " + g, power(g, "reboot")));
        }, g::status);
    }

    /** Suspends a running guest; rollback resumes it. No steps when it is not running or already suspended. */
    public Change<GuestStatus> suspend(Guest g) {
        return change("suspend " + g, v -> {}, () -> {
            GuestStatus s = g.status();
            return !s.running() || s.suspended() ? List.of() : List.of(Step.of("suspend " + g, power(g, "suspend"), power(g, "resume")));
        }, g::status);
    }

    /** Resumes a suspended guest; rollback suspends it again. No steps when it is not suspended. */
    public Change<GuestStatus> resume(Guest g) {
        return change("resume " + g, v -> {}, () -> !g.status().suspended() ? List.of()
                : List.of(Step.of("resume " + g, power(g, "resume"), power(g, "suspend"))), g::status);
    }

    // ---- config ------------------------------------------------------------------------------

    /**
     * Updates the guest's config: only keys whose value differs are sent, guarded by the config
     * digest (the update's own, else the one read at plan time). Rollback writes back the previous
     * values and deletes the keys that were absent. {@code cipassword} cannot be restored (Proxmox
     * never returns it) and the plan says so.
     */
    public Change<GuestConfig> updateConfig(Guest g, ConfigUpdate update) {
        List<String> notes = new ArrayList<>();
        if (update.values().containsKey("cipassword")) {
            notes.add("rollback cannot restore a previous cipassword (Proxmox does not return it); it removes or keeps it");
        }
        return change("update config of " + g, v -> {}, () -> {
            GuestConfig cur = g.config();
            Map<String, Object> set = new LinkedHashMap<>();
            Map<String, Object> undoSet = new LinkedHashMap<>();
            List<String> undoDelete = new ArrayList<>();
            update.values().forEach((k, val) -> {
                String old = cur.values().get(k);
                if (!same(k, old, val)) {
                    set.put(k, val);
                    if (old == null) {
                        undoDelete.add(k);
                    } else if (!k.equals("cipassword")) {
                        undoSet.put(k, old);
                    }
                }
            });
            List<String> delete = update.delete().stream().filter(cur.values()::containsKey).toList();
            delete.forEach(k -> undoSet.put(k, cur.values().get(k)));
            if (set.isEmpty() && delete.isEmpty()) {
                return List.of();
            }
            Map<String, Object> fwd = g.params(set);
            if (!delete.isEmpty()) {
                fwd.put("delete", String.join(",", delete));
            }
            fwd.put("digest", update.digest().orElse(cur.digest()));
            Map<String, Object> back = g.params(undoSet);
            if (!undoDelete.isEmpty()) {
                back.put("delete", String.join(",", undoDelete));
            }
            List<String> parts = new ArrayList<>();
            if (!set.isEmpty()) {
                parts.add("set " + String.join(", ", set.keySet()));
            }
            if (!delete.isEmpty()) {
                parts.add("remove " + String.join(", ", delete));
            }
            String what = String.join("; ", parts);
            return List.of(Step.of(what + " on " + g, call("PUT", g.template("/config"), fwd, false, false),
                    call("PUT", g.template("/config"), back, false, false)));
        }, () -> g.config(), notes);
    }

    /** Updates the guest's config with an update built by {@code edit}. */
    public Change<GuestConfig> updateConfig(Guest g, Consumer<ConfigUpdate.Builder> edit) {
        ConfigUpdate.Builder b = ConfigUpdate.builder();
        edit.accept(b);
        return updateConfig(g, b.build());
    }

    private static boolean same(String key, String old, String wanted) {
        if (old == null) {
            return false;
        }
        if (key.equals("sshkeys")) {
            return UriComponent.decode(old).strip().equals(UriComponent.decode(wanted).strip());
        }
        return old.strip().equals(wanted.strip());
    }

    // ---- create, clone, delete ------------------------------------------------------------------

    /**
     * Clones {@code source}. Without a new VMID in the request one is allocated (reserved in the
     * store, confirmed free in the cluster) once per change. Cloud-init settings are written into the
     * clone's config right after. Rollback destroys the clone. No steps when the requested VMID
     * already holds a guest of the requested name on the target node.
     */
    public Change<Guest> clone(Guest source, CloneRequest request) {
        Holder<Integer> id = new Holder<>();
        String targetNode = request.nodeOr(source.node());
        return change("clone " + source + request.name().map(n -> " as " + n).orElse(""), v -> {
            v.check(request.cloudInit().isEmpty() || source.type() == GuestType.QEMU, "cloudInit", "applies to VMs only");
            PveIds.checkNode(v, "targetNode", targetNode);
        }, () -> {
            int newId = id.get(() -> request.newId().isPresent() ? request.newId().getAsInt() : allocate());
            Guest target = client.node(targetNode).guest(source.type(), newId);
            if (request.newId().isPresent()) {
                Optional<GuestConfig> existing = target.findConfig();
                if (existing.isPresent()) {
                    if (request.name().isEmpty() || request.name().equals(existing.get().name())) {
                        return List.of();
                    }
                    throw new ConflictException("vmid/" + newId, "VMID " + newId + " exists already as '"
                            + existing.get().name().orElse("") + "'", false);
                }
                if (!client.cluster().isFree(newId)) {
                    throw new ConflictException("vmid/" + newId, "VMID " + newId + " is taken in the cluster", false);
                }
            }
            List<Step> steps = new ArrayList<>();
            steps.add(Step.of("clone " + source + " to " + source.type().segment() + "/" + newId + " on " + targetNode,
                    call("POST", source.template("/clone"), source.params(request.toParams(source.type(), newId)), true, true),
                    new GuestDestroyAction(client.name(), targetNode, source.type(), newId)).undoneAlsoOnFailure());
            request.cloudInit().ifPresent(ci -> {
                Map<String, Object> ciParams = ci.toParams();
                steps.add(Step.of("write cloud-init settings of " + target,
                        call("PUT", target.template("/config"), target.params(ciParams), false, false),
                        call("PUT", target.template("/config"), target.params(Map.of("delete", String.join(",", ciParams.keySet()))), false,
                                false)));
            });
            return steps;
        }, () -> client.node(targetNode).guest(source.type(), id.value()));
    }

    /** Clones {@code source} with a request built by {@code edit}. */
    public Change<Guest> clone(Guest source, Consumer<CloneRequest.Builder> edit) {
        CloneRequest.Builder b = CloneRequest.builder();
        edit.accept(b);
        return clone(source, b.build());
    }

    /** Creates a VM on {@code node} (VMID allocated when absent); rollback destroys it. No steps when the VMID holds a VM of that name. */
    public Change<Guest> createVm(Node node, CreateVmRequest request) {
        Holder<Integer> id = new Holder<>();
        return change("create VM " + request.name().orElse("") + " on " + node.name(), v -> {}, () -> {
            int vmid = id.get(() -> request.vmid().isPresent() ? request.vmid().getAsInt() : allocate());
            Guest g = node.qemu().vm(vmid);
            if (alreadyThere(g, request.vmid().isPresent(), request.name())) {
                return List.of();
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("node", node.name());
            p.putAll(request.toParams(vmid));
            return List.of(Step.of("create " + g, call("POST", "/nodes/{node}/qemu", p, true, true),
                    new GuestDestroyAction(client.name(), node.name(), GuestType.QEMU, vmid)).undoneAlsoOnFailure());
        }, () -> node.qemu().vm(id.value()));
    }

    /** Creates a container on {@code node} (VMID allocated when absent); rollback destroys it. */
    public Change<Guest> createContainer(Node node, CreateContainerRequest request) {
        Holder<Integer> id = new Holder<>();
        return change("create container " + request.hostname().orElse("") + " on " + node.name(), v -> {}, () -> {
            int vmid = id.get(() -> request.vmid().isPresent() ? request.vmid().getAsInt() : allocate());
            Guest g = node.lxc().container(vmid);
            if (alreadyThere(g, request.vmid().isPresent(), request.hostname())) {
                return List.of();
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("node", node.name());
            p.putAll(request.toParams(vmid));
            return List.of(Step.of("create " + g, call("POST", "/nodes/{node}/lxc", p, true, true),
                    new GuestDestroyAction(client.name(), node.name(), GuestType.LXC, vmid)).undoneAlsoOnFailure());
        }, () -> node.lxc().container(id.value()));
    }

    private boolean alreadyThere(Guest g, boolean explicitId, Optional<String> name) {
        if (!explicitId) {
            return false;
        }
        Optional<GuestConfig> existing = g.findConfig();
        if (existing.isEmpty()) {
            if (!client.cluster().isFree(g.vmid())) {
                throw new ConflictException("vmid/" + g.vmid(), "VMID " + g.vmid() + " is taken in the cluster", false);
            }
            return false;
        }
        if (name.isEmpty() || name.equals(existing.get().name())) {
            return true;
        }
        throw new ConflictException("vmid/" + g.vmid(), "VMID " + g.vmid() + " exists already as '" + existing.get().name().orElse("") + "'",
                false);
    }

    /** Deletes the guest with its disks, stopping it first when it runs. Cannot be undone; no steps when it is gone already. */
    public Change<Boolean> delete(Guest g) {
        return change("delete " + g, v -> {}, () -> {
            Optional<GuestStatus> s = findStatus(g);
            if (s.isEmpty()) {
                return List.of();
            }
            List<Step> steps = new ArrayList<>();
            if (s.get().running()) {
                steps.add(Step.of("stop " + g, power(g, "stop"), power(g, "start")));
            }
            steps.add(Step.irreversible("delete " + g + " and its disks", call("DELETE", g.template(""),
                    g.params(Map.of("purge", true, "destroy-unreferenced-disks", true)), true, false)));
            return steps;
        }, () -> !g.exists());
    }

    /** Converts the guest to a template. Cannot be undone; no steps when it is one already. */
    public Change<GuestConfig> convertToTemplate(Guest g) {
        return change("convert " + g + " to a template", v -> {}, () -> g.config().template() ? List.of()
                : List.of(Step.irreversible("convert " + g + " to a template", call("POST", g.template("/template"), g.params(Map.of()),
                        true, false))), () -> g.config());
    }

    /** Migrates the guest to another node; rollback migrates it back. No steps when it is on the target already. */
    public Change<Guest> migrate(Guest g, MigrateRequest request) {
        Guest moved = client.node(request.targetNode()).guest(g.type(), g.vmid());
        return change("migrate " + g + " to " + request.targetNode(), v -> v.check(!request.targetNode().equals(g.node()), "targetNode",
                "is the node the guest is on"), () -> {
                    if (g.findConfig().isEmpty() && moved.findConfig().isPresent()) {
                        return List.of();
                    }
                    MigrateRequest back = request.toBuilder().targetNode(g.node()).build();
                    return List.of(Step.of("migrate " + g + " to " + request.targetNode(),
                            call("POST", g.template("/migrate"), g.params(request.toParams(g.type())), true, true),
                            call("POST", moved.template("/migrate"), moved.params(back.toParams(g.type())), true, true)));
                }, () -> moved);
    }

    // ---- snapshots ---------------------------------------------------------------------------

    /** Takes a snapshot ({@code vmstate} includes RAM, VMs only); rollback deletes it. No steps when it exists. */
    public Change<Snapshot> snapshot(Guest g, String name, String description, boolean vmstate) {
        return change("snapshot " + name + " of " + g, v -> {
            v.check(PveIds.isSnapshotName(name), "name", "'" + name + "' is not a snapshot name");
            v.check(!vmstate || g.type() == GuestType.QEMU, "vmstate", "applies to VMs only");
        }, () -> {
            if (g.snapshots().find(name).isPresent()) {
                return List.of();
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("snapname", name);
            if (description != null && !description.isEmpty()) {
                p.put("description", description);
            }
            if (vmstate) {
                p.put("vmstate", true);
            }
            return List.of(Step.of("take snapshot " + name + " of " + g, call("POST", g.template("/snapshot"), g.params(p), true, false),
                    call("DELETE", g.template("/snapshot/{snapname}"), g.params(Map.of("snapname", name)), true, false)));
        }, () -> g.snapshots().find(name).orElseThrow(() -> new NotFoundException("snapshot " + name, "not found after apply")));
    }

    /** Rolls the guest back to a snapshot. Cannot be undone (the current state is lost). */
    public Change<GuestConfig> rollbackToSnapshot(Guest g, String name) {
        return change("roll " + g + " back to snapshot " + name, v -> v.check(PveIds.isSnapshotName(name), "name",
                "'" + name + "' is not a snapshot name"), () -> {
                    if (g.snapshots().find(name).isEmpty()) {
                        throw new NotFoundException("snapshot " + name + " of " + g, "does not exist");
                    }
                    return List.of(Step.irreversible("roll " + g + " back to " + name,
                            call("POST", g.template("/snapshot/{snapname}/rollback"), g.params(Map.of("snapname", name)), true, false)));
                }, () -> g.config());
    }

    /** Deletes a snapshot. Cannot be undone; no steps when it is gone. */
    public Change<Boolean> deleteSnapshot(Guest g, String name) {
        return change("delete snapshot " + name + " of " + g, v -> v.check(PveIds.isSnapshotName(name), "name",
                "'" + name + "' is not a snapshot name"), () -> g.snapshots().find(name).isEmpty() ? List.of()
                        : List.of(Step.irreversible("delete snapshot " + name + " of " + g,
                                call("DELETE", g.template("/snapshot/{snapname}"), g.params(Map.of("snapname", name)), true, false))),
                () -> g.snapshots().find(name).isEmpty());
    }

    // ---- backup and restore ------------------------------------------------------------------

    /** Backs the guest up with vzdump. The backup volume stays on rollback (the step cannot be undone). */
    public Change<Boolean> backup(Guest g, BackupRequest request) {
        return change("back up " + g, v -> {}, () -> {
            Map<String, Object> p = new LinkedHashMap<>(request.toParams());
            p.put("node", g.node());
            p.put("vmid", String.valueOf(g.vmid()));
            return List.of(Step.irreversible("vzdump " + g, call("POST", "/nodes/{node}/vzdump", p, true, true)));
        }, () -> true);
    }

    /**
     * Restores a backup volume as guest {@code request.vmid()} on {@code node}; rollback destroys
     * the restored guest. Overwriting an existing guest needs {@code force} and cannot be undone.
     */
    public Change<Guest> restore(Node node, GuestType type, RestoreRequest request) {
        Guest g = node.guest(type, request.vmid());
        return change("restore " + request.archive() + " as " + g, v -> {}, () -> {
            boolean exists = g.findConfig().isPresent();
            if (exists && !request.force().orElse(false)) {
                throw new ConflictException(g.toString(), "exists; restoring over it needs force(true), which cannot be undone", false);
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("node", node.name());
            p.putAll(request.toParams(type));
            PveCallAction action = call("POST", "/nodes/{node}/" + type.segment(), p, true, true);
            return List.of(exists ? Step.irreversible("restore over " + g, action)
                    : Step.of("restore " + g, action, new GuestDestroyAction(client.name(), node.name(), type, request.vmid())).undoneAlsoOnFailure());
        }, () -> g);
    }

    // ---- HA and storage ------------------------------------------------------------------------

    /** Makes a guest HA-managed; rollback removes it from HA. No steps when it is HA-managed already. */
    public Change<HaResource> haAdd(Guest g, String state, String group) {
        String sid = Ha.sid(g.type(), g.vmid());
        return change("add " + sid + " to HA", v -> v.check(List.of("started", "stopped", "enabled", "disabled", "ignored").contains(state),
                "state", "'" + state + "' is not an HA state"), () -> {
                    if (client.ha().find(sid).isPresent()) {
                        return List.of();
                    }
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("sid", sid);
                    p.put("state", state);
                    if (group != null) {
                        p.put("group", group);
                    }
                    return List.of(Step.of("add " + sid + " to HA", call("POST", "/cluster/ha/resources", p, false, false),
                            call("DELETE", "/cluster/ha/resources/{sid}", Map.of("sid", sid), false, false)));
                }, () -> client.ha().find(sid).orElseThrow(() -> new NotFoundException("HA resource " + sid, "not found after apply")));
    }

    /** Removes a guest from HA; rollback adds it back with its previous state, group, comment and restart/relocate policy. */
    public Change<Boolean> haRemove(Guest g) {
        String sid = Ha.sid(g.type(), g.vmid());
        return change("remove " + sid + " from HA", v -> {}, () -> {
            Optional<HaResource> r = client.ha().find(sid);
            if (r.isEmpty()) {
                return List.of();
            }
            Map<String, Object> back = new LinkedHashMap<>();
            back.put("sid", sid);
            back.put("state", r.get().state());
            r.get().group().ifPresent(x -> back.put("group", x));
            r.get().comment().ifPresent(x -> back.put("comment", x));
            r.get().maxRestart().ifPresent(x -> back.put("max_restart", x));
            r.get().maxRelocate().ifPresent(x -> back.put("max_relocate", x));
            // failback defaults to on: restore it only when Proxmox listed it.
            r.get().field("failback").ifPresent(x -> back.put("failback", x.equals("1")));
            return List.of(Step.of("remove " + sid + " from HA", call("DELETE", "/cluster/ha/resources/{sid}", Map.of("sid", sid), false, false),
                    call("POST", "/cluster/ha/resources", back, false, false)));
        }, () -> client.ha().find(sid).isEmpty());
    }

    // ---- pools -------------------------------------------------------------------------------

    /** Creates a resource pool; rollback deletes it. No steps when it exists. */
    public Change<dev.ops.pve.pool.PoolSummary> createPool(String poolid, String comment) {
        return change("create pool " + poolid, v -> v.check(PveIds.isPoolId(poolid), "poolid",
                "'" + poolid + "' is not a valid pool id"), () -> {
                    if (client.pools().find(poolid).isPresent()) {
                        return List.of();
                    }
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("poolid", poolid);
                    if (comment != null) {
                        p.put("comment", comment);
                    }
                    return List.of(Step.of("create pool " + poolid, call("POST", "/pools", p, false, false),
                            call("DELETE", "/pools", Map.of("poolid", poolid), false, false)));
                }, () -> client.pools().find(poolid).orElseThrow(() -> new NotFoundException("pool " + poolid, "not found after apply")));
    }

    /**
     * Puts guests in a pool; rollback takes out those it put in. Guests already in it are left as
     * they are; a guest in another pool is refused (take it out there first).
     */
    public Change<dev.ops.pve.pool.PoolSummary> addToPool(String poolid, List<Guest> guests) {
        return change("add " + guests + " to pool " + poolid, v -> {
            v.check(PveIds.isPoolId(poolid), "poolid", "'" + poolid + "' is not a valid pool id");
            v.check(guests != null && !guests.isEmpty(), "guests", "name at least one guest");
        }, () -> {
            dev.ops.pve.pool.PoolSummary pool = client.pools().find(poolid)
                    .orElseThrow(() -> new NotFoundException("pool " + poolid, "does not exist"));
            Map<Integer, String> elsewhere = new LinkedHashMap<>();
            client.cluster().resources(dev.ops.pve.cluster.ResourceType.VM).forEach(r -> r.pool()
                    .filter(x -> !x.equals(poolid)).ifPresent(x -> elsewhere.put(r.vmid().orElse(0), x)));
            Violations v = Violations.of("add to pool " + poolid);
            List<String> add = new ArrayList<>();
            for (Guest g : guests) {
                v.check(!elsewhere.containsKey(g.vmid()), "guests", g + " is in pool " + elsewhere.get(g.vmid()));
                if (!pool.vmids().contains(g.vmid())) {
                    add.add(String.valueOf(g.vmid()));
                }
            }
            v.throwIfAny();
            if (add.isEmpty()) {
                return List.of();
            }
            String vms = String.join(",", add);
            return List.of(Step.of("add " + vms + " to pool " + poolid, call("PUT", "/pools", Map.of("poolid", poolid, "vms", vms), false, false),
                    call("PUT", "/pools", Map.of("poolid", poolid, "vms", vms, "delete", true), false, false)));
        }, () -> client.pools().find(poolid).orElseThrow(() -> new NotFoundException("pool " + poolid, "not found after apply")));
    }

    /** Deletes an empty pool; rollback creates it again with its comment. No steps when it is gone. */
    public Change<Boolean> deletePool(String poolid) {
        return change("delete pool " + poolid, v -> v.check(PveIds.isPoolId(poolid), "poolid",
                "'" + poolid + "' is not a valid pool id"), () -> {
                    var pool = client.pools().find(poolid);
                    if (pool.isEmpty()) {
                        return List.of();
                    }
                    if (!pool.get().members().isEmpty()) {
                        throw new dev.ops.core.error.ConflictException("pool " + poolid, "is not empty: " + pool.get().members().stream()
                                .map(dev.ops.pve.cluster.ClusterResource::id).toList(), false);
                    }
                    Map<String, Object> back = new LinkedHashMap<>();
                    back.put("poolid", poolid);
                    pool.get().comment().ifPresent(c -> back.put("comment", c));
                    return List.of(Step.of("delete pool " + poolid, call("DELETE", "/pools", Map.of("poolid", poolid), false, false),
                            call("POST", "/pools", back, false, false)));
                }, () -> client.pools().find(poolid).isEmpty());
    }

    /** Has the node download a file to the storage; rollback deletes the volume. No steps when the volume exists. */
    public Change<StorageContentItem> downloadUrl(Storage storage, DownloadUrlRequest request) {
        String volid = request.volumeId(storage.id());
        return change("download " + request.fileName() + " to " + storage.id() + " on " + storage.node(), v -> {}, () -> {
            if (storage.find(volid).isPresent()) {
                return List.of();
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("node", storage.node());
            p.put("storage", storage.id());
            p.putAll(request.toParams());
            Map<String, Object> del = new LinkedHashMap<>();
            del.put("node", storage.node());
            del.put("storage", storage.id());
            del.put("volume", volid);
            return List.of(Step.of("download " + request.url() + " as " + volid,
                    call("POST", "/nodes/{node}/storage/{storage}/download-url", p, true, false),
                    call("DELETE", "/nodes/{node}/storage/{storage}/content/{volume}", del, true, false)));
        }, () -> storage.find(volid).orElseThrow(() -> new NotFoundException("volume " + volid, "not found after apply")));
    }

    /**
     * Uploads a local ISO, container template or import file to a storage; rollback deletes the
     * volume. No steps when a volume of that name is already there. The file must be readable.
     */
    public Change<StorageContentItem> upload(Storage storage, String content, java.nio.file.Path file, String sha256) {
        String volid = storage.id() + ":" + content + "/" + file.getFileName();
        return change("upload " + file.getFileName() + " to " + storage.id() + " on " + storage.node(), v -> {
            v.check(List.of("iso", "vztmpl", "import").contains(content), "content", "'" + content + "' must be iso, vztmpl or import");
            v.check(java.nio.file.Files.isReadable(file), "file", file + " is not a readable file");
            v.check(sha256 == null || sha256.matches("[0-9a-fA-F]{64}"), "sha256", "is not a SHA-256 hex digest");
        }, () -> {
            if (storage.find(volid).isPresent()) {
                return List.of();
            }
            Map<String, Object> del = new LinkedHashMap<>();
            del.put("node", storage.node());
            del.put("storage", storage.id());
            del.put("volume", volid);
            return List.of(Step.of("upload " + file + " as " + volid,
                    new dev.ops.pve.change.UploadAction(client.name(), storage.node(), storage.id(), content,
                            file.toAbsolutePath().toString(), sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT)),
                    call("DELETE", "/nodes/{node}/storage/{storage}/content/{volume}", del, true, false)));
        }, () -> storage.find(volid).orElseThrow(() -> new NotFoundException("volume " + volid, "not found after apply")));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private int allocate() {
        VmidReservation r = vmids.allocate();
        return r.vmid();
    }

    private Optional<GuestStatus> findStatus(Guest g) {
        try {
            return Optional.of(g.status());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private PveCallAction power(Guest g, String action) {
        return call("POST", g.template("/status/" + action), g.params(Map.of()), true, false);
    }

    private PveCallAction call(String method, String template, Map<String, ?> params, boolean await, boolean heavy) {
        return PveCallAction.of(client, method, template, params, await, heavy);
    }

    private <T> Change<T> change(String description, Consumer<Violations> validation, java.util.function.Supplier<List<Step>> steps,
            java.util.function.Supplier<T> result) {
        return new PveChange<>(ops, client, description, validation, steps, result, List.of());
    }

    private <T> Change<T> change(String description, Consumer<Violations> validation, java.util.function.Supplier<List<Step>> steps,
            java.util.function.Supplier<T> result, List<String> notes) {
        return new PveChange<>(ops, client, description, validation, steps, result, notes);
    }

    /** A value computed once per change (so that plan and apply agree on an allocated VMID). */
    private static final class Holder<T> {
        private T value;

        synchronized T get(java.util.function.Supplier<T> compute) {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }

        synchronized T value() {
            return value;
        }
    }
}
