package dev.ops.pve.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

/**
 * One entry of {@code GET /cluster/status}: the cluster itself or one of its nodes. Fields without
 * an accessor here stay readable through {@link #field} and {@link #fields}.
 */
@JsonDeserialize(using = ClusterStatusEntry.Reader.class)
public final class ClusterStatusEntry extends PveObject {
    private String type;
    private String name;
    private String id;
    private Boolean online;
    private Boolean local;
    private String ip;
    private Integer nodeid;
    private String level;
    private Boolean quorate;
    private Integer nodes;
    private Integer version;

    private ClusterStatusEntry() {}

    /** {@code cluster} or {@code node}; empty if Proxmox sent none. */
    public String type() {
        return type == null ? "" : type;
    }

    /** The cluster's or node's name, empty if Proxmox sent none. */
    public String name() {
        return name == null ? "" : name;
    }

    /** The entry's id, e.g. {@code cluster} or {@code node/pve1}. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** For nodes: whether the node is online. */
    public boolean online() {
        return online != null && online;
    }

    /** For nodes: whether this is the node the API call was answered by. */
    public boolean local() {
        return local != null && local;
    }

    /** For nodes: the IP its name resolves to. */
    public Optional<String> ip() {
        return Optional.ofNullable(ip);
    }

    /** For nodes: its id in the corosync configuration. */
    public OptionalInt nodeid() {
        return optional(nodeid);
    }

    /** For nodes: its subscription's support level, empty without one. */
    public Optional<String> level() {
        return Optional.ofNullable(level);
    }

    /** For the cluster: whether it is quorate. */
    public boolean quorate() {
        return quorate != null && quorate;
    }

    /** For the cluster: how many nodes it has, offline ones included. */
    public OptionalInt nodes() {
        return optional(nodes);
    }

    /** For the cluster: the version of its corosync configuration. */
    public OptionalInt version() {
        return optional(version);
    }

    @Override
    protected void known(BiConsumer<String, Object> out) {
        out.accept("type", type);
        out.accept("name", name);
        out.accept("id", id);
        out.accept("online", online);
        out.accept("local", local);
        out.accept("ip", ip);
        out.accept("nodeid", nodeid);
        out.accept("level", level);
        out.accept("quorate", quorate);
        out.accept("nodes", nodes);
        out.accept("version", version);
    }

    /** Reads an entry field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<ClusterStatusEntry> {
        Reader() {
            super(ClusterStatusEntry.class);
        }

        @Override
        protected ClusterStatusEntry create() {
            return new ClusterStatusEntry();
        }

        @Override
        protected boolean field(ClusterStatusEntry e, String name, JsonParser p) throws IOException {
            switch (name) {
                case "type" -> e.type = LenientValues.text(p);
                case "name" -> e.name = LenientValues.text(p);
                case "id" -> e.id = LenientValues.text(p);
                case "online" -> e.online = LenientValues.bool(p);
                case "local" -> e.local = LenientValues.bool(p);
                case "ip" -> e.ip = LenientValues.text(p);
                case "nodeid" -> e.nodeid = LenientValues.intValue(p);
                case "level" -> e.level = LenientValues.text(p);
                case "quorate" -> e.quorate = LenientValues.bool(p);
                case "nodes" -> e.nodes = LenientValues.intValue(p);
                case "version" -> e.version = LenientValues.intValue(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
