package dev.ops.pve.pool;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.cluster.ClusterResource;
import java.util.List;
import java.util.Optional;

/**
 * A resource pool of {@code GET /pools}: its id, comment and, when read on its own, its members
 * (guests and storages, as cluster resource entries). Fields without an accessor here stay readable
 * through {@link #field} and {@link #fields}.
 */
@JsonDeserialize(using = PoolSummary.Reader.class)
public final class PoolSummary extends PveObject {
    private String poolid;
    private String comment;
    private List<ClusterResource> members = List.of();

    private static final Fields<PoolSummary> FIELDS = Fields.of(PoolSummary.class, PoolSummary::new)
            .text("poolid", (m, v) -> m.poolid = v, m -> m.poolid)
            .text("comment", (m, v) -> m.comment = v, m -> m.comment);

    private PoolSummary() {
        super(FIELDS);
    }

    /** Sets the members read with the pool; before it is handed out. */
    PoolSummary withMembers(List<ClusterResource> m) {
        this.members = List.copyOf(m);
        return this;
    }

    /** The pool's id; empty if Proxmox sent none. */
    public String poolid() {
        return poolid == null ? "" : poolid;
    }

    /** Its comment. */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** Its guests and storages; empty in a list of all pools, which Proxmox sends without members. */
    public List<ClusterResource> members() {
        return members;
    }

    /** The VMIDs of its guests. */
    public List<Integer> vmids() {
        return members.stream().filter(r -> r.vmid().isPresent()).map(r -> r.vmid().getAsInt()).toList();
    }

    /** Reads a pool field by field; members are read apart. */
    static final class Reader extends PveObject.Reader<PoolSummary> {
        Reader() {
            super(FIELDS);
        }
    }
}
