package dev.ops.lab.restore;

import dev.ops.core.error.Violations;
import java.util.Objects;
import java.util.UUID;

/**
 * Which backup to restore, where, and as what: the archive's volume id
 * ({@code local:backup/vzdump-qemu-101-2026_12_01-00_00_00.vma.zst}, or a PBS storage's
 * {@code pbs:backup/vm/101/2026-12-01T00:00:00Z}), the node, and whether it is a container.
 *
 * <pre>{@code
 * RestoreBackupRequest r = RestoreBackupRequest.builder().archive(volid).node("pve3").build();
 * }</pre>
 */
public final class RestoreBackupRequest {
    private final String archive;
    private final String node;
    private final boolean container;
    private final String taskId;

    private RestoreBackupRequest(Builder b) {
        this.archive = b.archive;
        this.node = b.node;
        this.container = b.container;
        this.taskId = b.taskId == null ? UUID.randomUUID().toString() : b.taskId;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The archive's volume id. */
    public String archive() {
        return archive;
    }

    /** The node the guest is restored on. */
    public String node() {
        return node;
    }

    /** Whether the backup is of a container (an LXC restore) rather than a VM. */
    public boolean container() {
        return container;
    }

    /** The task's id in the catalog. */
    public String taskId() {
        return taskId;
    }

    /** Builds a {@link RestoreBackupRequest}. */
    public static final class Builder {
        private String archive;
        private String node;
        private boolean container;
        private String taskId;

        private Builder() {}

        /** The archive's volume id. */
        public Builder archive(String archive) {
            this.archive = Objects.requireNonNull(archive, "archive");
            return this;
        }

        /** The node to restore on. */
        public Builder node(String node) {
            this.node = Objects.requireNonNull(node, "node");
            return this;
        }

        /** A container backup ({@code vzdump-lxc-...}); guessed from the archive's name unless said. */
        public Builder container(boolean container) {
            this.container = container;
            return this;
        }

        /** The task id; a random UUID unless given. */
        public Builder taskId(String taskId) {
            this.taskId = Objects.requireNonNull(taskId, "taskId");
            return this;
        }

        /** The request; a {@link dev.ops.core.error.ValidationException} listing every problem. */
        public RestoreBackupRequest build() {
            Violations v = Violations.of("restore request");
            v.checkText(archive, "archive", a -> a.matches("[A-Za-z0-9_.-]+:\\S+"), "must be a volume id, storage:path");
            v.checkText(node, "node", n -> n.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?"), "must be a node name");
            v.check(taskId == null || taskId.matches("[A-Za-z0-9_.-]{1,64}"), "taskId", "must be letters, digits, '_', '.' or '-'");
            v.throwIfAny();
            if (archive.contains("vzdump-lxc-") || archive.contains("/ct/")) {
                container = true;
            }
            return new RestoreBackupRequest(this);
        }
    }
}
