package dev.ops.core.file;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

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
public final class ManagedFile extends AbstractChange<String> {
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3,4}");

    private final Host host;
    private final String path;
    private final byte[] content;
    private final String mode;
    private final boolean sudo;
    private final boolean followSymlinks;

    private ManagedFile(Ops ops, Builder b, byte[] content) {
        super(ops);
        this.host = b.host;
        this.path = b.path;
        this.content = content;
        this.mode = b.mode;
        this.sudo = b.sudo;
        this.followSymlinks = b.followSymlinks;
    }

    /** Starts describing a file on {@code host}, in the default runtime. */
    public static Builder on(Host host) {
        return new Builder(host, Ops.defaults());
    }

    /** Starts describing a file on {@code host}, in {@code ops}. */
    public static Builder on(Host host, Ops ops) {
        return new Builder(host, ops);
    }

    @Override
    public String description() {
        return "file " + path + (content == null ? " absent on " : " present on ") + host.name();
    }

    @Override
    protected void validate(Violations v) {
        boolean hasNul = path != null && path.indexOf('\0') >= 0;
        v.check(!hasNul, "path", "must not contain a NUL character");
        v.check(path != null && path.startsWith("/") && !path.endsWith("/"), "path", "must be an absolute file path, was " + path);
        v.check(path == null || !path.contains("/../") && !path.endsWith("/.."), "path", "must not contain '..'");
        v.check(mode.isEmpty() || MODE.matcher(mode).matches(), "mode", "must be octal like 0644, was " + mode);
    }

    @Override
    protected List<Step> computeSteps() {
        FileSnapshot current = followSymlinks && content != null
                ? FileSnapshot.readFollowingLinks(host, path, sudo) : FileSnapshot.read(host, path, sudo);
        String file = current.path();
        String shown = file.equals(path) ? path : path + " (-> " + file + ")";
        List<Step> steps = new ArrayList<>();
        if (content == null) {
            if (current.exists()) {
                steps.add(Step.of("remove " + shown, FileWriteAction.remove(host.name(), file, sudo), FileWriteAction.restore(host.name(), current, sudo)));
            }
            return steps;
        }
        boolean sameContent = current.exists() && Arrays.equals(current.bytesOrNull(), content);
        boolean sameMode = current.exists() && (mode.isEmpty() || normalize(current.mode()).equals(normalize(mode)));
        if (!sameContent || !sameMode) {
            String diff = TextDiff.unified(file, current.content().orElse(new byte[0]), content);
            String summary = diff.isEmpty() ? "mode " + current.mode() + " -> " + mode : diff.stripTrailing();
            // A replaced file keeps its owner through apply, so its undo need not set it.
            FileWriteAction undo = current.exists()
                    ? new FileWriteAction(host.name(), file, current.bytesOrNull(), current.mode(), sudo, "restore " + shown)
                    : FileWriteAction.remove(host.name(), file, sudo);
            steps.add(Step.of((current.exists() ? "update " : "create ") + shown,
                    new FileWriteAction(host.name(), file, content, mode, sudo, summary), undo));
        }
        return steps;
    }

    @Override
    protected Targets targets() {
        return Targets.of(host);
    }

    @Override
    protected String result(Plan plan) {
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    private static String normalize(String mode) {
        String m = mode.replaceFirst("^0+", "");
        return m.isEmpty() ? "0" : m;
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
            this.mode = mode == null ? "" : mode;
            if (this.mode.isEmpty()) {
                this.mode = "(empty)";
            }
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
        public ManagedFile present() {
            return new ManagedFile(ops, this, content.clone());
        }

        /** The file removed. */
        public ManagedFile absent() {
            return new ManagedFile(ops, this, null);
        }
    }
}
