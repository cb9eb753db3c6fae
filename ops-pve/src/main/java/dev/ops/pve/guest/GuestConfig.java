package dev.ops.pve.guest;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.proxmox.JsonValue;
import dev.ops.proxmox.internal.NodeValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A guest's config as {@code GET .../config} returns it: every key as text (keys unknown to this
 * class included), the {@code digest}, and typed readers for the common keys.
 *
 * @param type QEMU or LXC
 * @param vmid the guest
 * @param values every key except {@code digest}, as text
 * @param digest the SHA-1 digest that guards a later update
 * @param raw the JSON as Proxmox sent it
 */
public record GuestConfig(GuestType type, int vmid, Map<String, String> values, String digest, JsonValue raw) {

    public GuestConfig {
        values = Map.copyOf(values);
    }

    /** Reads a config from Proxmox's JSON. */
    public static GuestConfig from(GuestType type, int vmid, JsonValue value) {
        JsonNode data = NodeValue.tree(value);
        Map<String, String> values = new LinkedHashMap<>();
        data.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("digest") && !f.getValue().isNull()) {
                values.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
            }
        });
        return new GuestConfig(type, vmid, values, data.path("digest").asText(""), value);
    }

    /** Any key, known to this class or not. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The name ({@code name} of a VM, {@code hostname} of a container). */
    public Optional<String> name() {
        return get(type.nameKey());
    }

    /** {@code memory} in MiB. */
    public OptionalInt memoryMb() {
        return intOf("memory");
    }

    /** {@code cores}. */
    public OptionalInt cores() {
        return intOf("cores");
    }

    /** {@code netN}. */
    public Optional<String> net(int n) {
        return get("net" + n);
    }

    /** {@code ipconfigN} (cloud-init). */
    public Optional<String> ipConfig(int n) {
        return get("ipconfig" + n);
    }

    /** {@code ciuser}. */
    public Optional<String> cloudInitUser() {
        return get("ciuser");
    }

    /** The cloud-init SSH keys, decoded from Proxmox's URL encoding, one per entry. */
    public List<String> sshKeys() {
        return get("sshkeys").map(UriComponent::decode).map(s -> Arrays.stream(s.split("\n")).filter(l -> !l.isBlank()).toList())
                .orElse(List.of());
    }

    /** Whether the guest is a template. */
    public boolean template() {
        return get("template").map(t -> t.equals("1")).orElse(false);
    }

    /** The lock held on the guest ({@code backup}, {@code clone}, {@code snapshot}...), if any. */
    public Optional<String> lock() {
        return get("lock");
    }

    /** {@code onboot}. */
    public boolean onBoot() {
        return get("onboot").map(t -> t.equals("1")).orElse(false);
    }

    private OptionalInt intOf(String key) {
        try {
            return get(key).map(s -> OptionalInt.of(AsciiNumbers.parseInt(s.trim()))).orElse(OptionalInt.empty());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
