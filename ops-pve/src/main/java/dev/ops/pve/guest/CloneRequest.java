package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A clone of a guest or template: the new VMID (allocated by the change when absent), name, full or
 * linked, target node and storage, and cloud-init settings applied right after the clone.
 *
 * <pre>{@code
 * CloneRequest r = CloneRequest.builder().newId(150).name("web-1").full(true).targetNode("pve-02").targetStorage("local-lvm").build();
 * }</pre>
 */
@Value.Immutable
public abstract class CloneRequest {

    /** The new VMID; when absent, {@link dev.ops.pve.PveChanges#clone} allocates one. */
    public abstract OptionalInt newId();

    /** The new guest's name (VM {@code name}, container {@code hostname}); a DNS name. */
    public abstract Optional<String> name();

    /** The node the clone goes to ({@code target}); the source's node when absent. */
    public abstract Optional<String> targetNode();

    /** The storage for a full clone's disks ({@code storage}). */
    public abstract Optional<String> targetStorage();

    /** A full clone (true) or a linked clone of a template (false); Proxmox's default when absent. */
    public abstract Optional<Boolean> full();

    /** {@code pool}. */
    public abstract Optional<String> pool();

    /** {@code description}. */
    public abstract Optional<String> description();

    /** Clone from this snapshot ({@code snapname}). */
    public abstract Optional<String> snapshot();

    /** Disk format of a full VM clone: raw, qcow2 or vmdk. */
    public abstract Optional<String> format();

    /** Cloud-init settings to write into the clone's config once it exists (VMs). */
    public abstract Optional<CloudInit> cloudInit();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** The node the clone will be on. */
    public String nodeOr(String sourceNode) {
        return targetNode().orElse(sourceNode);
    }


    @Value.Check
    protected void check() {
        Violations v = Violations.of("clone request");
        newId().ifPresent(id -> PveIds.checkVmid(v, "newId", id));
        name().ifPresent(n -> PveIds.checkDnsName(v, "name", n));
        targetNode().ifPresent(n -> PveIds.checkNode(v, "targetNode", n));
        targetStorage().ifPresent(s -> PveIds.checkStorage(v, "targetStorage", s));
        snapshot().ifPresent(s -> v.check(PveIds.isSnapshotName(s), "snapshot", "'" + s + "' is not a snapshot name"));
        format().ifPresent(f -> v.check(f.equals("raw") || f.equals("qcow2") || f.equals("vmdk"), "format", "'" + f + "' must be raw, qcow2 or vmdk"));
        v.check(full().orElse(true) || targetStorage().isEmpty(), "targetStorage", "applies to full clones only");
        v.throwIfAny();
    }

    /** Builds a {@link CloneRequest}. */
    public static final class Builder extends ImmutableCloneRequest.Builder {}
}
