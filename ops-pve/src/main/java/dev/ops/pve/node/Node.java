package dev.ops.pve.node;

import dev.ops.proxmox.JsonValue;
import dev.ops.proxmox.ListAnswer;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.proxmox.internal.Handles;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.Guests;
import dev.ops.pve.storage.Storage;
import dev.ops.pve.storage.StorageSummary;
import dev.ops.proxmox.task.ProxmoxTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One cluster node: its status, guests, tasks, storages and network config. */
public final class Node {
    private final PveClient client;
    private final String name;

    static {
        dev.ops.proxmox.internal.Handles.register(Node.class, a -> new Node((PveClient) a[0], (String) a[1]));
    }

    private Node(PveClient client, String name) {
        this.client = client;
        this.name = PveIds.requireNode(name);
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** {@code GET /nodes/{node}/status}. */
    public NodeStatus status() {
        return NodeStatus.from(name, client.api().get("/nodes/{node}/status", Map.of("node", name)));
    }

    /** The node's QEMU VMs. */
    public Guests qemu() {
        return Handles.make(Guests.class, client, name, GuestType.QEMU);
    }

    /** The node's LXC containers. */
    public Guests lxc() {
        return Handles.make(Guests.class, client, name, GuestType.LXC);
    }

    /** The guest of that type and VMID on this node. */
    public Guest guest(GuestType type, int vmid) {
        return Handles.make(Guest.class, client, name, type, vmid);
    }

    /** {@code GET /nodes/{node}/tasks}: recent tasks, newest first, as {@code query} selects. */
    public List<TaskSummary> tasks(TaskQuery query) {
        return taskList(query).items();
    }

    /** {@code GET /nodes/{node}/tasks}: one page of tasks as {@code query} selects, with the {@code total} to page through. */
    public ListAnswer<TaskSummary> taskList(TaskQuery query) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", name);
        p.putAll(query.params());
        return client.api().listAnswer("/nodes/{node}/tasks", p, TaskSummary.class);
    }

    /** One page of tasks as a query built by {@code edit} selects, with the total. */
    public ListAnswer<TaskSummary> taskList(java.util.function.Consumer<TaskQuery.Builder> edit) {
        TaskQuery.Builder b = TaskQuery.builder();
        edit.accept(b);
        return taskList(b.build());
    }

    /** Recent tasks as a query built by {@code edit} selects. */
    public List<TaskSummary> tasks(java.util.function.Consumer<TaskQuery.Builder> edit) {
        TaskQuery.Builder b = TaskQuery.builder();
        edit.accept(b);
        return tasks(b.build());
    }

    /** The 50 most recent tasks, newest first. */
    public List<TaskSummary> tasks() {
        return tasks(TaskQuery.builder().build());
    }

    /** A handle on a task of this node by UPID. */
    public ProxmoxTask task(String upid) {
        return ProxmoxTask.of(client, upid);
    }

    /** {@code GET /nodes/{node}/storage}: the storages this node can use, with usage. */
    public List<StorageSummary> storages() {
        return client.api().list("/nodes/{node}/storage", Map.of("node", name), StorageSummary.class);
    }

    /** The storage of that id on this node. */
    public Storage storage(String storage) {
        return Handles.make(Storage.class, client, name, storage);
    }

    /** {@code GET /nodes/{node}/network}: the node's network config (interfaces, bridges, bonds, VLANs). */
    public List<NetworkInterface> network() {
        return client.api().list("/nodes/{node}/network", Map.of("node", name), NetworkInterface.class);
    }

    /**
     * {@code GET /nodes/{node}/network} with the pending {@code changes}: the diff between
     * {@code /etc/network/interfaces} and the staged {@code interfaces.new} that an apply would make live.
     */
    public NetworkConfig networkConfig() {
        ListAnswer<NetworkInterface> a = client.api().listAnswer("/nodes/{node}/network", Map.of("node", name), NetworkInterface.class);
        return new NetworkConfig(a.items(), a.field("changes").map(JsonValue::asText).filter(t -> !t.isEmpty()).orElse(null));
    }

    @Override
    public String toString() {
        return "node " + name;
    }

    /** {@code GET /nodes/{node}/version}: the Proxmox VE version this node runs. */
    public dev.ops.pve.cluster.PveVersion version() {
        return dev.ops.pve.cluster.PveVersion.from(client.api().get("/nodes/{node}/version", Map.of("node", name)));
    }

    /** {@code GET /nodes/{node}/rrddata}: the node's load, memory, disk and network over {@code timeframe}, averaged. */
    public List<RrdPoint> rrd(RrdTimeframe timeframe) {
        return RrdPoint.read(client.api().get("/nodes/{node}/rrddata", Map.of("node", name, "timeframe", timeframe.wire())));
    }

    /** {@code GET /nodes/{node}/{type}/{vmid}/rrddata}: a guest's CPU, memory, disk and network over {@code timeframe}. */
    public List<RrdPoint> rrd(Guest guest, RrdTimeframe timeframe) {
        return RrdPoint.read(client.api().get("/nodes/{node}/" + guest.type().segment() + "/{vmid}/rrddata",
                Map.of("node", name, "vmid", guest.vmid(), "timeframe", timeframe.wire())));
    }

    /** {@code GET /nodes/{node}/firewall/options}: the host firewall's options, as text by name. */
    public Map<String, String> firewallOptions() {
        return FirewallOptions.read(client.api().get("/nodes/{node}/firewall/options", Map.of("node", name)));
    }
}
