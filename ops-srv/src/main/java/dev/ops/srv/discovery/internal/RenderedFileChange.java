package dev.ops.srv.discovery.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.file.TextDiff;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A file whose content is rendered from the registry when planned (from the file as it is, for a
 * section of a larger file), written with its reload; rollback puts back the exact earlier bytes and
 * reloads again. An unchanged rendering plans nothing.
 */
public final class RenderedFileChange extends HostChange<String, Void> {
    private final String what;
    private final String path;
    private final boolean sudo;
    private final UnaryOperator<String> render;
    private final boolean haproxyCheck;
    private final Command reload;

    public RenderedFileChange(Host host, Ops ops, String what, String path, boolean sudo, UnaryOperator<String> render, boolean haproxyCheck,
            Command reload) {
        super(host, ops);
        this.what = what;
        this.path = path;
        this.sudo = sudo;
        this.render = render;
        this.haproxyCheck = haproxyCheck;
        this.reload = reload;
    }

    @Override
    public String description() {
        return "render " + what + " into " + path + " on " + host.name();
    }

    @Override
    protected Planned<Void> planSteps() {
        FileSnapshot old = FileSnapshot.read(host, path, sudo);
        byte[] was = old.content().orElse(new byte[0]);
        byte[] now = render.apply(new String(was, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        if (old.exists() && Arrays.equals(was, now)) {
            return Planned.none(null);
        }
        FileWriteAction write = old.exists() ? FileWriteAction.write(host.name(), old, now, sudo, TextDiff.unified(path, was, now))
                : FileWriteAction.write(host.name(), path, new String(now, StandardCharsets.UTF_8), "0644", sudo, TextDiff.unified(path, was, now));
        return Planned.of(List.of(Step.of((old.exists() ? "rewrite " : "create ") + path + " (" + what + ")",
                new RenderedFileAction(host.name(), write, haproxyCheck, reload),
                new RenderedFileAction(host.name(), old.exists() ? FileWriteAction.restore(host.name(), old, sudo)
                        : FileWriteAction.remove(host.name(), path, sudo), false, reload))));
    }

    @Override
    protected String result(Void context) {
        return path;
    }
}
