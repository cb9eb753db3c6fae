package dev.ops.pve.cluster;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import java.util.Optional;
import java.util.OptionalInt;

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

    private static final Fields<ClusterStatusEntry> FIELDS = Fields.of(ClusterStatusEntry.class, ClusterStatusEntry::new)
            .text("type", (m, v) -> m.type = v, m -> m.type)
            .text("name", (m, v) -> m.name = v, m -> m.name)
            .text("id", (m, v) -> m.id = v, m -> m.id)
            .bool("online", (m, v) -> m.online = v, m -> m.online)
            .bool("local", (m, v) -> m.local = v, m -> m.local)
            .text("ip", (m, v) -> m.ip = v, m -> m.ip)
            .integer("nodeid", (m, v) -> m.nodeid = v, m -> m.nodeid)
            .text("level", (m, v) -> m.level = v, m -> m.level)
            .bool("quorate", (m, v) -> m.quorate = v, m -> m.quorate)
            .integer("nodes", (m, v) -> m.nodes = v, m -> m.nodes)
            .integer("version", (m, v) -> m.version = v, m -> m.version);

    private ClusterStatusEntry() {
        super(FIELDS);
    }

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

    /** Reads an entry field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<ClusterStatusEntry> {
        Reader() {
            super(FIELDS);
        }
    }
}
