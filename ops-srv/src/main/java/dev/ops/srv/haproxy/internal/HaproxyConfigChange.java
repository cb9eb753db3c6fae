package dev.ops.srv.haproxy.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.file.TextDiff;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a server's weight or maintenance state into HAProxy's configuration file; rollback restores the exact earlier bytes. */
public final class HaproxyConfigChange extends HostChange<String, Void> {
    private final String path;
    private final boolean sudo;
    private final String backend;
    private final List<Edit> edits;

    /**
     * One server line's edit.
     *
     * @param server the server
     * @param weight the weight, or -1 to leave it
     * @param disabled whether the server is {@code disabled}, or null to leave it
     */
    public record Edit(String server, int weight, Boolean disabled) {
        @Override
        public String toString() {
            return (weight >= 0 ? "weight " + weight : Boolean.TRUE.equals(disabled) ? "disabled" : "enabled") + " " + server;
        }
    }

    public HaproxyConfigChange(Host host, Ops ops, String path, boolean sudo, String backend, List<Edit> edits) {
        super(host, ops);
        this.path = path;
        this.sudo = sudo;
        this.backend = backend;
        this.edits = List.copyOf(edits);
    }

    @Override
    public String description() {
        return "write " + edits() + " into " + path + " on " + host.name();
    }

    private String edits() {
        return edits.stream().map(Edit::toString).collect(Collectors.joining(", ")) + " of backend " + backend;
    }

    @Override
    protected void validate(Violations v) {
        v.check(path.startsWith("/") && !path.contains(".."), "path", "'" + path + "' must be an absolute path");
        v.check(backend.matches("[A-Za-z0-9_.:-]+"), "backend", "'" + backend + "' is not a proxy name");
        for (Edit e : edits) {
            v.check(e.server().matches("[A-Za-z0-9_.:-]+"), "server", "'" + e.server() + "' is not a server name");
            if (e.disabled() == null) {
                v.check(e.weight() >= 0 && e.weight() <= 256, "weight", e.weight() + " is not a weight from 0 to 256");
            }
        }
    }

    @Override
    protected Planned<Void> planSteps() {
        FileSnapshot old = FileSnapshot.read(host, path, sudo);
        byte[] was = old.content().orElseThrow(() -> new NotFoundException("file " + path, "no HAProxy configuration at " + path
                + " on " + host.name()));
        String text = new String(was, StandardCharsets.UTF_8);
        for (Edit e : edits) {
            text = HaproxyConfigText.edit(text, backend, e.server(), e.weight(), e.disabled());
        }
        byte[] now = text.getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(was, now)) {
            return Planned.none(null);
        }
        String diff = TextDiff.unified(path, was, now);
        return Planned.of(List.of(Step.of("rewrite " + path + " (" + edits() + ")",
                new HaproxyConfigAction(host.name(), FileWriteAction.write(host.name(), old, now, sudo, diff), true),
                new HaproxyConfigAction(host.name(), FileWriteAction.restore(host.name(), old, sudo), false))));
    }

    @Override
    protected String result(Void context) {
        return path;
    }
}
