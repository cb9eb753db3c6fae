package dev.ops.pve.node;

import dev.ops.proxmox.JsonValue;
import java.util.Map;
import java.util.TreeMap;

/** Reads a firewall options answer into text by name, the digest left out. */
final class FirewallOptions {
    private FirewallOptions() {}

    static Map<String, String> read(JsonValue v) {
        Map<String, String> out = new TreeMap<>();
        v.fieldNames().forEach(k -> {
            if (!k.equals("digest")) {
                out.put(k, v.path(k).asText());
            }
        });
        return out;
    }
}
