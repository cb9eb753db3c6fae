package dev.ops.pve.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.proxmox.JsonValue;
import dev.ops.proxmox.internal.NodeValue;
import dev.ops.proxmox.internal.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code GET /nodes/{node}/status}: load, memory, root file system, swap, CPU and kernel of a node.
 * Each accessor is empty when Proxmox did not send its field or sent it in a shape it cannot read;
 * every field stays readable through {@link #raw} and {@link #field}.
 *
 * @param node the node
 * @param raw every field Proxmox sent
 */
public record NodeStatus(String node, JsonValue raw) {

    /** Reads it from Proxmox's JSON; fields this class does not know stay readable through the raw JSON. */
    public static NodeStatus from(String node, JsonValue n) {
        return new NodeStatus(node, n);
    }

    private JsonNode tree() {
        return NodeValue.tree(raw);
    }

    /** Seconds since boot. */
    public OptionalLong uptime() {
        return JsonFields.longValue(tree(), "uptime");
    }

    /** The Proxmox VE version string, e.g. {@code pve-manager/9.1.1/...}. */
    public Optional<String> pveVersion() {
        return JsonFields.text(tree(), "pveversion");
    }

    /** CPU use as a fraction of all the node's CPUs. */
    public OptionalDouble cpu() {
        return JsonFields.number(tree(), "cpu");
    }

    /** The fraction of CPU time spent waiting for I/O. */
    public OptionalDouble ioWait() {
        return JsonFields.number(tree(), "wait");
    }

    /** The 1, 5 and 15 minute load averages (Proxmox sends them as strings); empty if none could be read. */
    public List<Double> loadAverage() {
        JsonNode l = tree().path("loadavg");
        List<Double> out = new ArrayList<>();
        for (JsonNode v : l) {
            try {
                out.add(v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText().trim()));
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return List.copyOf(out);
    }

    /** Memory in bytes. */
    public OptionalLong memoryTotal() {
        return JsonFields.longValue(tree().path("memory"), "total");
    }

    /** Memory in use, bytes. */
    public OptionalLong memoryUsed() {
        return JsonFields.longValue(tree().path("memory"), "used");
    }

    /** Memory free, bytes. */
    public OptionalLong memoryFree() {
        return JsonFields.longValue(tree().path("memory"), "free");
    }

    /** Memory available for new work (free plus reclaimable caches), bytes; sent by Proxmox VE 8.2 and later. */
    public OptionalLong memoryAvailable() {
        return JsonFields.longValue(tree().path("memory"), "available");
    }

    /** Swap in bytes. */
    public OptionalLong swapTotal() {
        return JsonFields.longValue(tree().path("swap"), "total");
    }

    /** Swap in use, bytes. */
    public OptionalLong swapUsed() {
        return JsonFields.longValue(tree().path("swap"), "used");
    }

    /** Size of the root file system, bytes. */
    public OptionalLong rootfsTotal() {
        return JsonFields.longValue(tree().path("rootfs"), "total");
    }

    /** Space used on the root file system, bytes. */
    public OptionalLong rootfsUsed() {
        return JsonFields.longValue(tree().path("rootfs"), "used");
    }

    /** Space left on the root file system for unprivileged users, bytes. */
    public OptionalLong rootfsAvailable() {
        return JsonFields.longValue(tree().path("rootfs"), "avail");
    }

    /** The CPU model, e.g. {@code AMD EPYC 7302 16-Core Processor}. */
    public Optional<String> cpuModel() {
        return JsonFields.text(tree().path("cpuinfo"), "model");
    }

    /** Logical CPUs. */
    public OptionalInt cpus() {
        return JsonFields.integer(tree().path("cpuinfo"), "cpus");
    }

    /** CPU sockets. */
    public OptionalInt sockets() {
        return JsonFields.integer(tree().path("cpuinfo"), "sockets");
    }

    /** Cores per socket. */
    public OptionalInt cores() {
        return JsonFields.integer(tree().path("cpuinfo"), "cores");
    }

    /** The running kernel's release, e.g. {@code 6.14.8-2-pve} (from {@code current-kernel}, or else parsed from {@code kversion}). */
    public Optional<String> kernelRelease() {
        Optional<String> release = JsonFields.text(tree().path("current-kernel"), "release");
        if (release.isPresent()) {
            return release;
        }
        String[] words = JsonFields.text(tree(), "kversion").orElse("").trim().split("\\s+");
        return words.length >= 2 && words[0].equals("Linux") ? Optional.of(words[1]) : Optional.empty();
    }

    /** How the node booted: {@code efi} or {@code legacy-bios}. */
    public Optional<String> bootMode() {
        return JsonFields.text(tree().path("boot-info"), "mode");
    }

    /** Whether it booted with UEFI Secure Boot on. */
    public boolean secureBoot() {
        return JsonFields.bool(tree().path("boot-info"), "secureboot");
    }

    /** Any top-level field by name, as text. */
    public Optional<String> field(String key) {
        return JsonFields.text(tree(), key);
    }
}
