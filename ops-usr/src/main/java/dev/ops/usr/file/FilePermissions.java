package dev.ops.usr.file;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.usr.file.internal.FilePermissionsChange;
import dev.ops.usr.file.internal.PathSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * Mode, owner, group and POSIX ACLs of paths on a host. The plan lists every path that changes
 * with its exact before and after (owner, mode, extended ACL); apply and rollback set each path to
 * exactly that state with {@code setfacl --restore}.
 *
 * <pre>{@code
 * FilePermissions.on(host, ops).path("/srv/app").owner("deploy").group("dev").mode("0750")
 *         .acl("user:alice:r-x", "default:group:dev:rwx").recursive().present().apply();
 * }</pre>
 *
 * <p>Order of effect, as chown, chmod and setfacl would apply them: owner and group, mode (on a
 * path with an ACL mask the group digit sets the mask), clearing the ACL, removing entries, then
 * adding entries, which recalculates the mask unless one is given.
 */
public final class FilePermissions {
    private final Host host;
    private final Ops ops;

    private FilePermissions(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The paths of {@code host}, changed in the given runtime. */
    public static FilePermissions on(Host host, Ops ops) {
        return new FilePermissions(host, ops);
    }

    /** One path (a file or a directory) to describe. */
    public PathBuilder path(String path) {
        return new PathBuilder(path);
    }

    /** The owner, group, flags and ACL of {@code path} as they are now; empty when nothing is at that path. */
    public Optional<FileAccess> get(String path) {
        return FilePermissionsChange.find(host, path);
    }

    /** Describes what one path (or tree) should look like; only what is set is managed. */
    public final class PathBuilder {
        private final String path;
        private String owner;
        private String group;
        private String mode;
        private String directoryMode;
        private boolean clearAcl;
        private final List<String> remove = new ArrayList<>();
        private final List<String> set = new ArrayList<>();
        private boolean recursive;

        private PathBuilder(String path) {
            this.path = path;
        }

        /** The owner, by name or numeric uid. */
        public PathBuilder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** The group, by name or numeric gid. */
        public PathBuilder group(String group) {
            this.group = group;
            return this;
        }

        /** The mode in octal, e.g. {@code 0750} or {@code 2775}. */
        public PathBuilder mode(String mode) {
            this.mode = mode;
            return this;
        }

        /** For recursive changes: the mode of directories (files get {@link #mode}). */
        public PathBuilder directoryMode(String mode) {
            this.directoryMode = mode;
            return this;
        }

        /** ACL entries to add or change, e.g. {@code user:alice:r-x}, {@code d:g:dev:rwx}. */
        public PathBuilder acl(String... entries) {
            set.addAll(Arrays.asList(entries));
            return this;
        }

        /** Named ACL entries to remove, e.g. {@code user:alice} or {@code default:group:dev}. */
        public PathBuilder removeAcl(String... entries) {
            remove.addAll(Arrays.asList(entries));
            return this;
        }

        /** Removes every extended entry first: named entries, the mask and the default ACL. */
        public PathBuilder clearAcl() {
            this.clearAcl = true;
            return this;
        }

        /** Applies to everything under the path too (symlinks are skipped, never followed). */
        public PathBuilder recursive() {
            this.recursive = true;
            return this;
        }

        /** The change that makes the path (or tree) look as described; its value is the state of every path afterwards. */
        public Change<List<FileAccess>> present() {
            return FilePermissionsChange.of(host, ops, new PathSpec(path, owner, group, mode, directoryMode, clearAcl, remove, set, recursive));
        }
    }
}
