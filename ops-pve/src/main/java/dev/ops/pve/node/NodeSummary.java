package dev.ops.pve.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.Usage;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

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

    private Usage usage = new Usage.Builder().build();

    private NodeSummary() {}

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

    @Override
    protected void known(BiConsumer<String, Object> out) {
        out.accept("node", node);
        out.accept("status", status);
        out.accept("maxcpu", maxcpu);
        out.accept("level", level);
        out.accept("ssl_fingerprint", sslFingerprint);
        known(usage, out);
    }

    /** Reads a node field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<NodeSummary> {
        Reader() {
            super(NodeSummary.class);
        }

        @Override
        protected NodeSummary create() {
            return new NodeSummary();
        }

        @Override
        protected void usage(NodeSummary model, Usage usage) {
            model.usage = usage;
        }

        @Override
        protected boolean field(NodeSummary n, String name, JsonParser p) throws IOException {
            switch (name) {
                case "node" -> n.node = LenientValues.text(p);
                case "status" -> n.status = LenientValues.text(p);
                case "maxcpu" -> n.maxcpu = LenientValues.intValue(p);
                case "level" -> n.level = LenientValues.text(p);
                case "ssl_fingerprint" -> n.sslFingerprint = LenientValues.text(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
