package dev.ops.pve.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.internal.JsonFields;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One entry of {@code GET /cluster/resources}. This list lags a little behind writes: read a guest
 * through its own endpoint after changing it.
 *
 * @param id e.g. {@code qemu/101}, {@code node/pve}, {@code storage/pve/local}
 * @param type {@code qemu}, {@code lxc}, {@code node}, {@code storage}, {@code sdn}, {@code pool}...
 * @param raw every field Proxmox sent
 */
public record ClusterResource(String id, String type, JsonNode raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static ClusterResource from(JsonNode n) {
        return new ClusterResource(JsonFields.text(n, "id").orElse(""), JsonFields.text(n, "type").orElse(""), n);
    }

    /** The {@code node} Proxmox reported, if any. */
    public Optional<String> node() {
        return JsonFields.text(raw, "node");
    }

    /** The {@code vmid} Proxmox reported, if any. */
    public OptionalInt vmid() {
        return JsonFields.integer(raw, "vmid");
    }

    /** The {@code name} Proxmox reported, if any. */
    public Optional<String> name() {
        return JsonFields.text(raw, "name");
    }

    /** The {@code status} Proxmox reported ({@code running}, {@code stopped}, {@code online}...), if any. */
    public Optional<String> status() {
        return JsonFields.text(raw, "status");
    }

    /** The {@code storage} Proxmox reported, if any. */
    public Optional<String> storage() {
        return JsonFields.text(raw, "storage");
    }

    /** Whether it is a template. */
    public boolean template() {
        return JsonFields.bool(raw, "template");
    }

    /** The {@code maxmem} Proxmox reported, if any. */
    public OptionalLong maxmem() {
        return JsonFields.longValue(raw, "maxmem");
    }

    /** QEMU or LXC, for guest entries. */
    public Optional<GuestType> guestType() {
        return GuestType.fromWire(type);
    }

    /** Any field by name, known to this class or not. */
    public Optional<String> field(String key) {
        return JsonFields.text(raw, key);
    }
}
