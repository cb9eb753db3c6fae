package dev.ops.net.ifupdown.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.host.Host;
import dev.ops.core.text.RawText;
import dev.ops.net.ifupdown.InterfacesFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes an interfaces file: a backup step (the previous bytes to {@code PATH.ops-backup}), then
 * the atomic write with reload, whose plan text is the unified diff. Already-identical text plans
 * nothing. Rollback writes the previous bytes back and reloads again.
 *
 * <p>The file is edited as bytes: lines the edit does not touch keep every byte, whatever their
 * encoding, and the new file, the backup and the restored file keep the mode, owner and group the
 * file had when the plan was made.
 */
public final class InterfacesChange extends HostChange<InterfacesFile, Void> {
    private final InterfacesTarget file;
    private final UnaryOperator<InterfacesFile> edit;

    private InterfacesChange(Host host, Ops ops, InterfacesTarget file, UnaryOperator<InterfacesFile> edit) {
        super(host, ops);
        this.file = file;
        this.edit = edit;
    }

    /** The change that writes {@code file} as {@code edit} makes it from what is read at plan time; yields the file as then read. */
    public static Change<InterfacesFile> of(Host host, Ops ops, InterfacesTarget file, UnaryOperator<InterfacesFile> edit) {
        return new InterfacesChange(host, ops, file, edit);
    }

    /** The file on {@code host} parsed; an empty model when it does not exist. */
    public static InterfacesFile read(Host host, InterfacesTarget file) {
        return file.snapshot(host).content().map(InterfacesFile::parse).orElse(InterfacesFile.empty());
    }

    @Override
    public String description() {
        return "write " + file.path() + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        file.check(v);
    }

    @Override
    protected Planned<Void> planSteps() {
        FileSnapshot current = file.snapshot(host);
        Optional<String> currentText = current.content().map(RawText::decode);
        InterfacesFile desired = edit.apply(currentText.map(InterfacesFile::parse).orElse(InterfacesFile.empty()));
        Violations v = Violations.of(description());
        v.addAll("", desired.violations().list());
        v.throwIfAny();
        String before = currentText.orElse("");
        String after = desired.render();
        if (currentText.isPresent() && before.equals(after)) {
            return Planned.none(null);
        }
        String diff = InterfacesFile.parse(before).diff(desired, file.path().replaceFirst("^/", ""));
        List<String> reload = file.reloadCommand(host);
        List<Step> steps = new ArrayList<>();
        if (current.content().isPresent()) {
            // the backup holds what the file holds, so it gets the file's mode and owner (a 0600 file stays private)
            FileSnapshot oldBackup = FileSnapshot.read(host, file.backupPath(), file.sudo());
            InterfacesWriteAction backup = InterfacesWriteAction.of(host.name(), file.backupPath(), current.bytesOrNull(), current,
                    file.sudo(), List.of(), "backup of " + file.path());
            InterfacesWriteAction undoBackup = InterfacesWriteAction.of(host.name(), file.backupPath(), oldBackup.bytesOrNull(), oldBackup,
                    file.sudo(), List.of(), oldBackup.content().isPresent() ? "previous backup" : "");
            steps.add(Step.of("back up " + file.path() + " to " + file.backupPath(), backup, undoBackup));
        }
        String undoDiff = desired.diff(InterfacesFile.parse(before), file.path().replaceFirst("^/", ""));
        steps.add(Step.of("write " + file.path() + (reload.isEmpty() ? "" : " and reload with " + String.join(" ", reload)),
                InterfacesWriteAction.of(host.name(), file.path(), RawText.encode(after), current, file.sudo(), reload, diff),
                InterfacesWriteAction.of(host.name(), file.path(), current.bytesOrNull(), current, file.sudo(), reload, undoDiff)));
        return Planned.of(steps);
    }

    @Override
    protected InterfacesFile result(Void context) {
        return read(host, file);
    }
}
