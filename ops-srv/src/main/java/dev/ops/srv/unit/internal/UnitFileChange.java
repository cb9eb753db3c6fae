package dev.ops.srv.unit.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.file.TextDiff;
import dev.ops.core.host.Host;
import dev.ops.srv.unit.LintFinding;
import dev.ops.srv.unit.ServiceUnit;
import dev.ops.srv.unit.UnitNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Puts a unit file or drop-in in place (or removes it) and reloads systemd; its rollback puts back
 * the exact earlier file and reloads again. Built by {@link dev.ops.srv.unit.Service}.
 */
public final class UnitFileChange extends HostChange<String, Void> {
    private final String root;
    private final String unit;
    /** The drop-in's file name, or null for the unit file itself. */
    private final String dropIn;
    /** The content, or null to remove. */
    private final String content;
    /** The typed unit the content came from, or null: linted at validate. */
    private final ServiceUnit typed;

    private UnitFileChange(Host host, Ops ops, String root, String unit, String dropIn, String content, ServiceUnit typed) {
        super(host, ops);
        this.root = root;
        this.unit = unit;
        this.dropIn = dropIn;
        this.content = content;
        this.typed = typed;
    }

    /** Installs {@code unit} as {@code name}. */
    public static UnitFileChange unit(Host host, Ops ops, String root, String name, ServiceUnit unit) {
        return new UnitFileChange(host, ops, root, name, null, unit.render(), unit);
    }

    /** Installs or removes ({@code content} empty) the drop-in {@code fileName} of {@code name}. */
    public static UnitFileChange dropIn(Host host, Ops ops, String root, String name, String fileName, Optional<String> content) {
        return new UnitFileChange(host, ops, root, name, fileName, content.orElse(null), null);
    }

    /** Removes the unit file of {@code name}. */
    public static UnitFileChange absent(Host host, Ops ops, String root, String name) {
        return new UnitFileChange(host, ops, root, name, null, null, null);
    }

    /** The path of the file this change manages. */
    public String path() {
        String base = (root.equals("/") ? "" : root) + "/etc/systemd/system/";
        return dropIn == null ? base + unit : base + unit + ".d/" + dropIn;
    }

    @Override
    public String description() {
        return (content == null ? "remove " : "install ") + (dropIn == null ? "unit " + unit : "drop-in " + dropIn + " of " + unit)
                + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        UnitNames.check(v, "name", unit);
        v.check(root.startsWith("/") && !root.contains(".."), "root", "'" + root + "' must be an absolute path");
        if (typed != null) {
            v.check(unit.endsWith(".service"), "name", "'" + unit + "' must end in .service for a service unit");
            for (LintFinding f : typed.lint()) {
                if (f.severity() == LintFinding.Severity.ERROR) {
                    v.add(f.field(), f.message());
                }
            }
        }
    }

    @Override
    protected Planned<Void> planSteps() {
        boolean sudo = root.equals("/");
        FileSnapshot old = FileSnapshot.read(host, path(), sudo);
        List<String> notes = new ArrayList<>();
        if (typed != null) {
            typed.lint().stream().filter(f -> f.severity() == LintFinding.Severity.WARNING).forEach(f -> notes.add(f.toString()));
        }
        if (content == null) {
            if (!old.exists()) {
                return Planned.none(null);
            }
            Step s = Step.of("remove " + path(), new UnitFileAction(host.name(), unit, FileWriteAction.remove(host.name(), path(), sudo), false, root),
                    new UnitFileAction(host.name(), unit, FileWriteAction.restore(host.name(), old, sudo), false, root));
            return new Planned<>(List.of(s), notes, null);
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (old.exists() && Arrays.equals(old.content().get(), bytes)) {
            return new Planned<>(List.of(), notes, null);
        }
        String diff = TextDiff.unified(path(), old.content().orElse(new byte[0]), bytes);
        Step s = Step.of((old.exists() ? "rewrite " : "create ") + path(),
                new UnitFileAction(host.name(), unit, FileWriteAction.write(host.name(), old, bytes, sudo, diff), dropIn == null, root),
                new UnitFileAction(host.name(), unit, FileWriteAction.restore(host.name(), old, sudo), false, root));
        return new Planned<>(List.of(s), notes, null);
    }

    @Override
    protected String result(Void context) {
        return path();
    }
}
