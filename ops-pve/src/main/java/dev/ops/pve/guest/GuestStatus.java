package dev.ops.pve.guest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.Usage;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code GET .../status/current}: whether the guest runs, and everything else Proxmox reports.
 * Fields without an accessor here (VMs carry many, e.g. {@code ballooninfo}, {@code nics},
 * {@code ha}) stay readable through {@link #field} and {@link #fields}.
 */
@JsonDeserialize(using = GuestStatus.Reader.class)
public final class GuestStatus extends PveObject {
    private int vmid;
    private String status;
    private String qmpstatus;
    private String name;
    private String lock;
    private String type;
    private String tags;
    private Boolean template;
    private Double cpus;
    private Integer pid;
    private Usage usage = Usage.none();

    private static final Fields<GuestStatus> FIELDS = Fields.of(GuestStatus.class, GuestStatus::new)
            // Proxmox sends the VMID; a handle also sets the one it asked for (ofVmid)
            .integer("vmid", (m, v) -> m.vmid = v == null ? 0 : v, m -> m.vmid == 0 ? null : m.vmid)
            .text("type", (m, v) -> m.type = v, m -> m.type)
            .text("status", (m, v) -> m.status = v, m -> m.status)
            .text("qmpstatus", (m, v) -> m.qmpstatus = v, m -> m.qmpstatus)
            .text("name", (m, v) -> m.name = v, m -> m.name)
            .text("lock", (m, v) -> m.lock = v, m -> m.lock)
            .text("tags", (m, v) -> m.tags = v, m -> m.tags)
            .bool("template", (m, v) -> m.template = v, m -> m.template)
            .number("cpus", (m, v) -> m.cpus = v, m -> m.cpus)
            .integer("pid", (m, v) -> m.pid = v, m -> m.pid)
            .usage((m, u) -> m.usage = u, m -> m.usage);

    private GuestStatus() {
        super(FIELDS);
    }

    /** Sets the VMID the status was asked for; before the status is handed out. */
    GuestStatus ofVmid(int id) {
        this.vmid = id;
        return this;
    }

    /** The guest. */
    public int vmid() {
        return vmid;
    }

    /** {@code running} or {@code stopped}; {@code unknown} if Proxmox sent none. */
    public String status() {
        return status == null ? "unknown" : status;
    }

    /** Whether it still runs. */
    public boolean running() {
        return status().equals("running");
    }

    /** The QEMU monitor's state ({@code running}, {@code paused}, {@code suspended}...); VMs only. */
    public Optional<String> qmpStatus() {
        return Optional.ofNullable(qmpstatus);
    }

    /** Whether the guest is paused or suspended (only when Proxmox says so). */
    public boolean suspended() {
        return qmpStatus().map(s -> s.equals("paused") || s.equals("suspended") || s.equals("prelaunch")).orElse(false)
                || status().equals("paused");
    }

    /** Its name, if Proxmox reported one. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@code qemu} or {@code lxc}, as Proxmox sends it ({@code type}), if it did. */
    public Optional<GuestType> type() {
        return Optional.ofNullable(type).flatMap(GuestType::fromWire);
    }

    /** The lock a task holds on it, if any. */
    public Optional<String> lock() {
        return Optional.ofNullable(lock);
    }

    /** Its tags as Proxmox lists them ({@code ;}-separated). */
    public Optional<String> tags() {
        return Optional.ofNullable(tags);
    }

    /** Whether it is a template. */
    public boolean template() {
        return template != null && template;
    }

    /** The CPUs it may use. */
    public OptionalDouble cpus() {
        return optional(cpus);
    }

    /** The process id of a running VM or container. */
    public OptionalInt pid() {
        return optional(pid);
    }

    /** Seconds since start. */
    public OptionalLong uptime() {
        return usage.uptime();
    }

    /** CPU, memory, disk, uptime and I/O as Proxmox reported them. */
    public Usage usage() {
        return usage;
    }

    /** Reads a status field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<GuestStatus> {
        Reader() {
            super(FIELDS);
        }
    }
}
