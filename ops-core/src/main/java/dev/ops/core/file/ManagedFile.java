package dev.ops.core.file;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.file.internal.FileChange;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file with desired content and mode (or desired absent), as a {@link dev.ops.core.change.Change}:
 * the plan shows a unified diff, apply writes atomically, rollback restores the previous content.
 *
 * <p>Content is bytes: a file that is not UTF-8 is compared and restored byte for byte. Apply and
 * rollback keep the owner, group, ACLs and extended attributes of the file they replace, and its
 * mode unless {@link Builder#mode} asks for one (a new file gets 0644). A file that apply removed
 * is restored with its content, owner, group and mode; its ACLs and extended attributes are not.
 *
 * <p>Symbolic links are never replaced by regular files. A path that is a link is refused, unless
 * {@link Builder#followSymlinks()} is set: then the file the link resolves to (when the plan is
 * made) is managed, and the link is left as it is. {@code absent()} refuses a link either way.
 *
 * <pre>{@code
 * Change<String> motd = ManagedFile.on(host, ops).path("/etc/motd").content("welcome\n").mode("0644").present();
 * System.out.println(motd.plan().render());
 * }</pre>
 */
public final class ManagedFile {
    private ManagedFile() {}

    /** Starts describing a file on {@code host}, in {@code ops}. */
    public static Builder on(Host host, Ops ops) {
        return new Builder(Objects.requireNonNull(host, "host"), Objects.requireNonNull(ops, "ops"));
    }

    /** Describes a {@link ManagedFile}. */
    public static final class Builder {
        private final Host host;
        private final Ops ops;
        private String path;
        private byte[] content = new byte[0];
        private String mode = FileWriteAction.KEEP;
        private boolean sudo;
        private boolean followSymlinks;

        private Builder(Host host, Ops ops) {
            this.host = host;
            this.ops = ops;
        }

        /** The absolute path of the file. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The desired content as UTF-8 text. */
        public Builder content(String content) {
            this.content = content.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** The desired content as bytes, written exactly. */
        public Builder content(byte[] content) {
            this.content = content.clone();
            return this;
        }

        /** Octal mode; when not set, an existing file keeps its mode and a new one gets 0644. */
        public Builder mode(String mode) {
            // An empty mode given on purpose is refused by validation; only an unset one keeps the file's.
            this.mode = mode == null || mode.isEmpty() ? "(empty)" : mode;
            return this;
        }

        /** Read and write as root. */
        public Builder asRoot() {
            this.sudo = true;
            return this;
        }

        /** Manage the file a symbolic link at the path points to, instead of refusing the link. */
        public Builder followSymlinks() {
            this.followSymlinks = true;
            return this;
        }

        /** The file with the given content and mode. */
        public Change<String> present() {
            return new FileChange(host, ops, path, content, mode, sudo, followSymlinks);
        }

        /** The file removed. */
        public Change<String> absent() {
            return new FileChange(host, ops, path, null, mode, sudo, followSymlinks);
        }
    }
}
