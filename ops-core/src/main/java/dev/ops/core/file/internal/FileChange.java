package dev.ops.core.file.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.file.TextDiff;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The change behind {@link dev.ops.core.file.ManagedFile}: one file's content and mode, or its absence. */
public final class FileChange extends HostChange<String, Void> {
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3,4}");

    private final String path;
    private final byte[] content;
    private final String mode;
    private final boolean sudo;
    private final boolean followSymlinks;

    /** A file with {@code content} (absent when null) and {@code mode} ({@link FileWriteAction#KEEP} keeps it). */
    public FileChange(Host host, Ops ops, String path, byte[] content, String mode, boolean sudo, boolean followSymlinks) {
        super(host, ops);
        this.path = path;
        this.content = content == null ? null : content.clone();
        this.mode = mode;
        this.sudo = sudo;
        this.followSymlinks = followSymlinks;
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
    protected Planned<Void> planSteps() {
        FileSnapshot current = followSymlinks && content != null
                ? FileSnapshot.readFollowingLinks(host, path, sudo) : FileSnapshot.read(host, path, sudo);
        String file = current.path();
        String shown = file.equals(path) ? path : path + " (-> " + file + ")";
        List<Step> steps = new ArrayList<>();
        if (content == null) {
            if (current.exists()) {
                steps.add(Step.of("remove " + shown, FileWriteAction.remove(host.name(), file, sudo), FileWriteAction.restore(host.name(), current, sudo)));
            }
            return Planned.of(steps);
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
        return Planned.of(steps);
    }

    @Override
    protected String result(Void none) {
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    private static String normalize(String mode) {
        String m = mode.replaceFirst("^0+", "");
        return m.isEmpty() ? "0" : m;
    }
}
