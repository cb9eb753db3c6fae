package dev.ops.pve.guest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.Usage;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

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

    private Usage usage = new Usage.Builder().build();

    private GuestSummary() {}

    /** Sets the type, which the list's path says and the JSON may not; before the summary is handed out. */
    GuestSummary ofType(GuestType t) {
        this.type = t;
        return this;
    }

    /** QEMU or LXC. */
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

    @Override
    protected void known(BiConsumer<String, Object> out) {
        out.accept("type", type == null ? null : type.segment());
        out.accept("vmid", vmid);
        out.accept("name", name);
        out.accept("status", status);
        out.accept("template", template);
        out.accept("tags", tags);
        out.accept("lock", lock);
        out.accept("cpus", cpus);
        out.accept("pid", pid);
        out.accept("qmpstatus", qmpstatus);
        known(usage, out);
    }

    /** Reads a summary field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<GuestSummary> {
        Reader() {
            super(GuestSummary.class);
        }

        @Override
        protected void usage(GuestSummary model, Usage usage) {
            model.usage = usage;
        }

        @Override
        protected GuestSummary create() {
            return new GuestSummary();
        }

        @Override
        protected boolean field(GuestSummary g, String name, JsonParser p) throws IOException {
            switch (name) {
                case "type" -> LenientValues.text(p); // the list's path says which; containers also send it
                case "vmid" -> g.vmid = LenientValues.intValue(p);
                case "name" -> g.name = LenientValues.text(p);
                case "status" -> g.status = LenientValues.text(p);
                case "template" -> g.template = LenientValues.bool(p);
                case "tags" -> g.tags = LenientValues.text(p);
                case "lock" -> g.lock = LenientValues.text(p);
                case "cpus" -> g.cpus = LenientValues.number(p);
                case "pid" -> g.pid = LenientValues.intValue(p);
                case "qmpstatus" -> g.qmpstatus = LenientValues.text(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
