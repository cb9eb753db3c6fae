package dev.ops.pve;

import dev.ops.core.Ops;
import dev.ops.core.change.Targets;
import dev.ops.proxmox.ProxmoxClient;
import dev.ops.proxmox.internal.Dialect;
import dev.ops.proxmox.internal.Handles;
import dev.ops.pve.cluster.Cluster;
import dev.ops.pve.cluster.PveVersion;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.ha.Ha;
import dev.ops.pve.node.Node;
import dev.ops.pve.node.NodeSummary;
import dev.ops.pve.preflight.Preflight;
import dev.ops.pve.vmid.VmidAllocator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Proxmox VE API client: immutable, thread-safe and meant to be shared.
 *
 * <pre>{@code
 * PveClient client = PveClient.builder()
 *         .baseUrl("https://pve:8006")
 *         .apiToken("root@pam", "ops", Secret.of("..."))
 *         .pinnedCertificate("AB:CD:...")
 *         .build();
 * GuestConfig cfg = client.node("pve-01").qemu().vm(101).config();            // reads: handles
 * Guest template = client.node("pve-01").qemu().vm(9000);
 * Applied<Guest> web = client.guests(ops).clone(template, c -> c.name("web-1").full(true)).apply(); // changes
 * }</pre>
 *
 * <p>Handles ({@link #node}, {@link #cluster}, {@link #ha}, {@link #pools}) only read; everything
 * that changes the cluster is a {@link dev.ops.core.change.Change} of {@link #guests(Ops)}, with plan,
 * journal and rollback. {@link #api()} is the raw way out. The transport, authentication, TLS pinning,
 * retries, errors and tasks are those of {@link ProxmoxClient}, shared with the Backup Server client. The client registers itself in
 * {@link Targets} under {@link #name()}, so that a journaled step can be undone by a fresh JVM given
 * a client of the same name ({@link #targets(Ops)}).
 */
public final class PveClient extends ProxmoxClient {
    private PveClient(Builder b) {
        super(b);
    }

    /** A builder; give it at least a base URL, credentials and how to trust the server. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this client's settings, to build a variant (the variant has its own connections and ticket). */
    public Builder newBuilder() {
        return settingsInto(new Builder());
    }

    /** The cluster's storage replication: jobs and what each node reports of them. */
    public dev.ops.pve.replication.Replication replication() {
        return dev.ops.pve.replication.Replication.of(this);
    }

    /** {@code GET /version}. */
    public PveVersion version() {
        return PveVersion.from(api().get("/version"));
    }

    /** The cluster: status, resources, next free VMID, HA. */
    public Cluster cluster() {
        return Handles.make(Cluster.class, this);
    }

    /** HA resources ({@code /cluster/ha/resources}). */
    public Ha ha() {
        return Handles.make(Ha.class, this);
    }

    /** The cluster's resource pools. */
    public dev.ops.pve.pool.Pools pools() {
        return Handles.make(dev.ops.pve.pool.Pools.class, this);
    }

    /** {@code GET /nodes}. */
    public List<NodeSummary> nodes() {
        return api().list("/nodes", Map.of(), NodeSummary.class);
    }

    /** The node of that name (validated as a node name; not checked to exist until used). */
    public Node node(String node) {
        return Handles.make(Node.class, this, node);
    }

    /** Finds the guest with that VMID, whichever node it is on ({@code /cluster/resources}; may lag a few seconds behind). */
    public Optional<Guest> findGuest(int vmid) {
        return cluster().resources(dev.ops.pve.cluster.ResourceType.VM).stream()
                .filter(r -> r.vmid().isPresent() && r.vmid().getAsInt() == vmid)
                .findFirst()
                .map(r -> node(r.node().orElseThrow()).guest(r.guestType().orElseThrow(), vmid));
    }

    /**
     * The changes of this cluster's guests, snapshots, backups, HA resources, pools and storages
     * (plan, apply, rollback), journaled in {@code ops}: {@code client.guests(ops).clone(template, r -> r.name("web-01"))}.
     */
    public PveChanges guests(Ops ops) {
        return new PveChanges(this, java.util.Objects.requireNonNull(ops, "ops"));
    }

    /** The same as {@link #guests(Ops)}: every change of this cluster, journaled in {@code ops}. */
    public PveChanges changes(Ops ops) {
        return guests(ops);
    }

    /** VMIDs reserved by changes, never handed out twice across threads and processes sharing {@code ops}'s store. */
    public VmidAllocator vmids(Ops ops) {
        return VmidAllocator.of(this, ops);
    }

    /** A preflight check ("runway"): credentials, reachability, nodes, storages and privileges, all problems at once. */
    public Preflight preflight() {
        return Handles.make(Preflight.class, this);
    }

    /**
     * {@link #targets()} plus the VMID reservations in {@code ops}'s store, so that recovering or rolling
     * back a clone or create in a fresh JVM also releases the VMID it took (else the reservation expires
     * after an hour).
     */
    public Targets targets(Ops ops) {
        return targets().with(dev.ops.pve.vmid.internal.VmidClaims.targetName(this),
                new dev.ops.pve.vmid.internal.VmidClaims(this, ops.store()));
    }

    /**
     * Builds a {@link PveClient}: the settings of {@link ProxmoxClient.Settings}, spoken in the Proxmox VE
     * dialect ({@code PVEAPIToken=user@realm!id=secret}, {@code PVEAuthCookie}); every problem with the
     * settings is reported at once by {@link #build()}.
     */
    public static final class Builder extends ProxmoxClient.Settings<Builder> {
        Builder() {
            super(Dialect.PVE);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Checks every setting, reporting all problems at once, and builds the client. */
        public PveClient build() {
            return new PveClient(this);
        }
    }
}
