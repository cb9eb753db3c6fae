package dev.ops.pve.cluster;

import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * How a node joins a cluster ({@code POST /cluster/config/join}, sent to the joining node): the
 * member to join through, that member's certificate fingerprint, {@code root@pam}'s password there,
 * and optionally this node's corosync links, node id and votes.
 *
 * <pre>{@code
 * JoinInfo info = cluster.cluster().joinInfo();                       // read on a member
 * newNode.changes(ops).joinCluster(j -> j.from(info).password(rootPassword).putLinks(0, "10.0.0.13"));
 * }</pre>
 */
@Value.Immutable
public abstract class JoinRequest {

    /** The address (or host name) of the member to join through. */
    public abstract String peer();

    /** The SHA-256 fingerprint of that member's certificate ({@code AA:BB:...}, 32 bytes). */
    public abstract String fingerprint();

    /** {@code root@pam}'s password on the cluster; never shown in plans, logs or the journal. */
    @Value.Redacted
    public abstract Secret password();

    /** This node's corosync links by number (0 to 7): an address, optionally {@code ,priority=N}. */
    public abstract Map<Integer, String> links();

    /** This node's corosync node id; Proxmox picks the next free one when not set. */
    public abstract OptionalInt nodeId();

    /** This node's quorum votes (1 when not set). */
    public abstract OptionalInt votes();

    /** Whether to join although the node's own checks warn (guests on it, a node of the same name in the cluster). */
    @Value.Default
    public boolean force() {
        return false;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("cluster join");
        v.check(!peer().isBlank() && peer().matches("[A-Za-z0-9.:\\-\\[\\]]+"), "peer", "'" + peer() + "' is not an address or host name");
        v.check(fingerprint().matches("([A-Fa-f0-9]{2}:){31}[A-Fa-f0-9]{2}"), "fingerprint",
                "is not a SHA-256 certificate fingerprint (32 hex pairs separated by colons)");
        v.check(!password().isEmpty(), "password", "must not be empty");
        links().forEach((n, link) -> {
            v.check(n >= 0 && n <= 7, "links", "link" + n + " is not a corosync link number (0 to 7)");
            v.check(!link.isBlank() && !link.contains("\n"), "links", "link" + n + " needs an address");
        });
        nodeId().ifPresent(id -> v.check(id >= 1, "nodeId", "is at least 1"));
        votes().ifPresent(n -> v.check(n >= 0, "votes", "must not be negative"));
        v.throwIfAny();
    }

    /** Builds a {@link JoinRequest}. */
    public static final class Builder extends ImmutableJoinRequest.Builder {
        /** Joins through the cluster's preferred member, with its address and fingerprint from {@code info}. */
        public Builder from(JoinInfo info) {
            Optional<JoinInfo.Member> via = info.members().stream().filter(m -> m.name().equals(info.preferredNode())).findFirst()
                    .or(() -> info.members().stream().findFirst());
            via.ifPresent(m -> peer(m.address()).fingerprint(m.fingerprint()));
            return this;
        }
    }
}
