package dev.ops.pve.guest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.Usage;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One guest of a node's list ({@code GET /nodes/{node}/qemu} or {@code .../lxc}). Fields without an
 * accessor here stay readable through {@link #field} and {@link #fields}.
 */
@JsonDeserialize(using = GuestSummary.Reader.class)
public final class GuestSummary extends PveObject {
    private GuestType type;
    private Integer vmid;
    private String name;
    private String status;
    private Boolean template;
    private String tags;
    private String lock;
    private Double cpus;
    private Integer pid;
    private String qmpstatus;

    private Usage usage = Usage.none();

    private static final Fields<GuestSummary> FIELDS = Fields.of(GuestSummary.class, GuestSummary::new)
            // containers send their type; the list's path says it for VMs (ofType), which do not
            .text("type", (m, v) -> m.type = GuestType.fromWire(v).orElse(m.type), m -> m.type == null ? null : m.type.segment())
            .integer("vmid", (m, v) -> m.vmid = v, m -> m.vmid)
            .text("name", (m, v) -> m.name = v, m -> m.name)
            .text("status", (m, v) -> m.status = v, m -> m.status)
            .bool("template", (m, v) -> m.template = v, m -> m.template)
            .text("tags", (m, v) -> m.tags = v, m -> m.tags)
            .text("lock", (m, v) -> m.lock = v, m -> m.lock)
            .number("cpus", (m, v) -> m.cpus = v, m -> m.cpus)
            .integer("pid", (m, v) -> m.pid = v, m -> m.pid)
            .text("qmpstatus", (m, v) -> m.qmpstatus = v, m -> m.qmpstatus)
            .usage((m, u) -> m.usage = u, m -> m.usage);

    private GuestSummary() {
        super(FIELDS);
    }

    /** Sets the type, which the list's path says and the JSON may not; before the summary is handed out. */
    GuestSummary ofType(GuestType t) {
        this.type = t;
        return this;
    }

    /** QEMU or LXC; null only for a summary bound directly from an answer that did not say. */
    public GuestType type() {
        return type;
    }

    /** The VMID, 0 if Proxmox sent none. */
    public int vmid() {
        return vmid == null ? 0 : vmid;
    }

    /** Its name ({@code name} in both lists), empty if unset. */
    public String name() {
        return name == null ? "" : name;
    }

    /** {@code running} or {@code stopped}, {@code unknown} if Proxmox sent none. */
    public String status() {
        return status == null ? "unknown" : status;
    }

    /** Whether it is a template. */
    public boolean template() {
        return template != null && template;
    }

    /** Its tags as Proxmox lists them ({@code ;}-separated). */
    public Optional<String> tags() {
        return Optional.ofNullable(tags);
    }

    /** The lock a task holds on it. */
    public Optional<String> lock() {
        return Optional.ofNullable(lock);
    }

    /** The CPUs it may use. */
    public OptionalDouble cpus() {
        return cpus == null ? OptionalDouble.empty() : OptionalDouble.of(cpus);
    }

    /** The process id of a running VM. */
    public OptionalInt pid() {
        return pid == null ? OptionalInt.empty() : OptionalInt.of(pid);
    }

    /** QEMU's own status of a VM ({@code running}, {@code paused}, {@code prelaunch}...). */
    public Optional<String> qmpStatus() {
        return Optional.ofNullable(qmpstatus);
    }

    /** CPU, memory, disk, uptime and I/O as Proxmox listed them. */
    public Usage usage() {
        return usage;
    }

    /** Reads a summary field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<GuestSummary> {
        Reader() {
            super(FIELDS);
        }
    }
}
