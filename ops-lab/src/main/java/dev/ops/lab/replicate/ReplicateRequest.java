package dev.ops.lab.replicate;

import dev.ops.core.error.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What to replicate and where: the source's VMID and the target nodes (none named: the site's rules
 * decide: a resource on the primary node goes to every other node; one made elsewhere only when the
 * site replicates cluster-wide). The task id names the replication task in the catalog.
 *
 * <pre>{@code
 * ReplicateRequest r = ReplicateRequest.builder().vmid(9000).targets("pve2", "pve3").build();
 * }</pre>
 */
public final class ReplicateRequest {
    private final int vmid;
    private final List<String> targets;
    private final String taskId;

    private ReplicateRequest(Builder b) {
        this.vmid = b.vmid;
        this.targets = List.copyOf(b.targets);
        this.taskId = b.taskId == null ? UUID.randomUUID().toString() : b.taskId;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's settings. */
    public Builder toBuilder() {
        return builder().vmid(vmid).targets(targets).taskId(taskId);
    }

    /** The source's VMID. */
    public int vmid() {
        return vmid;
    }

    /** The target nodes; empty when the site's rules decide. */
    public List<String> targets() {
        return targets;
    }

    /** The replication task's id. */
    public String taskId() {
        return taskId;
    }

    @Override
    public String toString() {
        return "replicate " + vmid + (targets.isEmpty() ? "" : " to " + targets) + " (task " + taskId + ")";
    }

    /** Builds a {@link ReplicateRequest}. */
    public static final class Builder {
        private int vmid;
        private final List<String> targets = new ArrayList<>();
        private String taskId;

        private Builder() {}

        /** The source's VMID. */
        public Builder vmid(int vmid) {
            this.vmid = vmid;
            return this;
        }

        /** Target nodes, added to those already named. */
        public Builder targets(String... nodes) {
            return targets(List.of(nodes));
        }

        /** Target nodes, added to those already named. */
        public Builder targets(List<String> nodes) {
            nodes.forEach(n -> targets.add(Objects.requireNonNull(n, "node")));
            return this;
        }

        /** The task id; a random UUID unless given. */
        public Builder taskId(String taskId) {
            this.taskId = Objects.requireNonNull(taskId, "taskId");
            return this;
        }

        /** The request; a {@link dev.ops.core.error.ValidationException} listing every problem. */
        public ReplicateRequest build() {
            Violations v = Violations.of("replicate request");
            v.check(vmid >= 100 && vmid <= 999_999_999, "vmid", "must be a VMID from 100 to 999999999");
            v.check(targets.stream().distinct().count() == targets.size(), "targets", "names a node twice");
            v.check(taskId == null || taskId.matches("[A-Za-z0-9_.-]{1,64}"), "taskId", "must be letters, digits, '_', '.' or '-'");
            v.throwIfAny();
            return new ReplicateRequest(this);
        }
    }
}
