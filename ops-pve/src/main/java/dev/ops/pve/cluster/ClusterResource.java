package dev.ops.pve.cluster;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.Usage;
import dev.ops.pve.guest.GuestType;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One entry of {@code GET /cluster/resources}: a node, guest, storage, pool or SDN zone. This list
 * lags a little behind writes: read a guest through its own endpoint after changing it. Fields
 * without an accessor here stay readable through {@link #field} and {@link #fields}.
 */
@JsonDeserialize(using = ClusterResource.Reader.class)
public final class ClusterResource extends PveObject {
    private String id;
    private String type;
    private String node;
    private Integer vmid;
    private String name;
    private String status;
    private String storage;
    private String pool;
    private String tags;
    private String lock;
    private String hastate;
    private Boolean template;
    private Double maxcpu;

    private Usage usage = Usage.none();

    private static final Fields<ClusterResource> FIELDS = Fields.of(ClusterResource.class, ClusterResource::new)
            .text("id", (m, v) -> m.id = v, m -> m.id)
            .text("type", (m, v) -> m.type = v, m -> m.type)
            .text("node", (m, v) -> m.node = v, m -> m.node)
            .integer("vmid", (m, v) -> m.vmid = v, m -> m.vmid)
            .text("name", (m, v) -> m.name = v, m -> m.name)
            .text("status", (m, v) -> m.status = v, m -> m.status)
            .text("storage", (m, v) -> m.storage = v, m -> m.storage)
            .text("pool", (m, v) -> m.pool = v, m -> m.pool)
            .text("tags", (m, v) -> m.tags = v, m -> m.tags)
            .text("lock", (m, v) -> m.lock = v, m -> m.lock)
            .text("hastate", (m, v) -> m.hastate = v, m -> m.hastate)
            .bool("template", (m, v) -> m.template = v, m -> m.template)
            .number("maxcpu", (m, v) -> m.maxcpu = v, m -> m.maxcpu)
            .usage((m, u) -> m.usage = u, m -> m.usage);

    private ClusterResource() {
        super(FIELDS);
    }

    /** e.g. {@code qemu/101}, {@code node/pve}, {@code storage/pve/local}; empty if Proxmox sent none. */
    public String id() {
        return id == null ? "" : id;
    }

    /** {@code qemu}, {@code lxc}, {@code node}, {@code storage}, {@code sdn}, {@code pool}...; empty if none. */
    public String type() {
        return type == null ? "" : type;
    }

    /** QEMU or LXC, for guest entries. */
    public Optional<GuestType> guestType() {
        return GuestType.fromWire(type());
    }

    /** The node the resource is on. */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /** The guest's VMID, for guest entries. */
    public OptionalInt vmid() {
        return vmid == null ? OptionalInt.empty() : OptionalInt.of(vmid);
    }

    /** The guest's or node's name. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@code running}, {@code stopped}, {@code online}, {@code available}... */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    /** The storage id, for storage entries. */
    public Optional<String> storage() {
        return Optional.ofNullable(storage);
    }

    /** The pool the guest belongs to. */
    public Optional<String> pool() {
        return Optional.ofNullable(pool);
    }

    /** The guest's tags as Proxmox lists them ({@code ;}-separated). */
    public Optional<String> tags() {
        return Optional.ofNullable(tags);
    }

    /** The lock a task holds on the guest ({@code clone}, {@code backup}, {@code migrate}...). */
    public Optional<String> lock() {
        return Optional.ofNullable(lock);
    }

    /** The HA state, for guests under HA. */
    public Optional<String> haState() {
        return Optional.ofNullable(hastate);
    }

    /** Whether it is a template. */
    public boolean template() {
        return template != null && template;
    }

    /** The CPUs it may use. */
    public OptionalDouble maxcpu() {
        return maxcpu == null ? OptionalDouble.empty() : OptionalDouble.of(maxcpu);
    }

    /** CPU, memory, disk, uptime and I/O as Proxmox listed them. */
    public Usage usage() {
        return usage;
    }

    /** Reads an entry field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<ClusterResource> {
        Reader() {
            super(FIELDS);
        }
    }
}
