package dev.ops.pve.node;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.Usage;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One node of {@code GET /nodes}. Fields without an accessor here stay readable through
 * {@link #field} and {@link #fields}.
 */
@JsonDeserialize(using = NodeSummary.Reader.class)
public final class NodeSummary extends PveObject {
    private String node;
    private String status;
    private Integer maxcpu;
    private String level;
    private String sslFingerprint;

    private Usage usage = Usage.none();

    private static final Fields<NodeSummary> FIELDS = Fields.of(NodeSummary.class, NodeSummary::new)
            .text("node", (m, v) -> m.node = v, m -> m.node)
            .text("status", (m, v) -> m.status = v, m -> m.status)
            .integer("maxcpu", (m, v) -> m.maxcpu = v, m -> m.maxcpu)
            .text("level", (m, v) -> m.level = v, m -> m.level)
            .text("ssl_fingerprint", (m, v) -> m.sslFingerprint = v, m -> m.sslFingerprint)
            .usage((m, u) -> m.usage = u, m -> m.usage);

    private NodeSummary() {
        super(FIELDS);
    }

    /** The node name, empty if Proxmox sent none. */
    public String node() {
        return node == null ? "" : node;
    }

    /** {@code online}, {@code offline} or {@code unknown}; {@code unknown} if Proxmox sent none. */
    public String status() {
        return status == null ? "unknown" : status;
    }

    /** Whether it is online, as Proxmox reports it. */
    public boolean online() {
        return "online".equals(status);
    }

    /** The CPUs it has. */
    public OptionalInt maxcpu() {
        return optional(maxcpu);
    }

    /** Its subscription's support level ({@code c}, {@code b}, {@code s}, {@code p}), empty without one. */
    public Optional<String> level() {
        return Optional.ofNullable(level);
    }

    /** The SHA-256 fingerprint of its certificate. */
    public Optional<String> sslFingerprint() {
        return Optional.ofNullable(sslFingerprint);
    }

    /** CPU, memory, disk and uptime as Proxmox listed them. */
    public Usage usage() {
        return usage;
    }

    /** Reads a node field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<NodeSummary> {
        Reader() {
            super(FIELDS);
        }
    }
}
