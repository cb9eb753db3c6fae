package dev.ops.pve.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.internal.JsonFields;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET .../status/current}: whether the guest runs, and everything else Proxmox reports.
 *
 * @param vmid the guest
 * @param status {@code running} or {@code stopped}
 * @param raw every field Proxmox sent (VMs carry many more, e.g. {@code ballooninfo}, {@code nics})
 */
public record GuestStatus(int vmid, String status, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static GuestStatus from(int vmid, JsonNode n) {
        return new GuestStatus(vmid, JsonFields.text(n, "status").orElse("unknown"), n);
    }

    /** Whether it still runs. */
    public boolean running() {
        return status.equals("running");
    }

    /** The QEMU monitor's state ({@code running}, {@code paused}, {@code suspended}...); VMs only. */
    public Optional<String> qmpStatus() {
        return JsonFields.text(raw, "qmpstatus");
    }

    /** Whether the guest is paused or suspended (only when Proxmox says so). */
    public boolean suspended() {
        return qmpStatus().map(s -> s.equals("paused") || s.equals("suspended") || s.equals("prelaunch")).orElse(false)
                || status.equals("paused");
    }

    /** The {@code name} Proxmox reported, if any. */
    public Optional<String> name() {
        return JsonFields.text(raw, "name");
    }

    /** The {@code lock} Proxmox reported, if any. */
    public Optional<String> lock() {
        return JsonFields.text(raw, "lock");
    }

    /** Seconds since start. */
    public OptionalLong uptime() {
        return JsonFields.longValue(raw, "uptime");
    }

    /** Any field by name. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
