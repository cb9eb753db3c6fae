package dev.ops.pve.cluster;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.proxmox.JsonValue;

/**
 * {@code GET /version}: the API server's version.
 *
 * @param version e.g. {@code 9.1.1}
 * @param release e.g. {@code 9.1}
 * @param repoid the build's repository id
 * @param raw every field Proxmox sent
 */
public record PveVersion(String version, String release, String repoid, JsonValue raw) {

    /** Reads it from Proxmox's JSON. */
    public static PveVersion from(JsonValue n) {
        return new PveVersion(n.path("version").asText(""), n.path("release").asText(""), n.path("repoid").asText(""), n);
    }

    /** The major version, e.g. 9; 0 when it cannot be read. */
    public int major() {
        try {
            return AsciiNumbers.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
