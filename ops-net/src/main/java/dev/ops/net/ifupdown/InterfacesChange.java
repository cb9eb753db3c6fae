package dev.ops.net.ifupdown;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.core.privilege.Privilege;
import dev.ops.core.file.FileSnapshot;
import dev.ops.net.ifupdown.internal.InterfacesWriteAction;
import dev.ops.core.text.RawText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
public final class InterfacesChange extends AbstractChange<InterfacesFile> {
    private final Host host;
    private final NetworkInterfaces file;
    private final UnaryOperator<InterfacesFile> edit;
    private FileSnapshot current;
    private Optional<String> currentText;
    private InterfacesFile desired;

    InterfacesChange(Ops ops, Host host, NetworkInterfaces file, UnaryOperator<InterfacesFile> edit) {
        super(ops);
        this.host = host;
        this.file = file;
        this.edit = edit;
    }

    @Override
    public String description() {
        return "write " + file.path() + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        file.check(v);
        if (!v.isEmpty()) {
            return;
        }
        current = file.snapshot();
        currentText = current.content().map(RawText::decode);
        InterfacesFile parsed = currentText.map(InterfacesFile::parse).orElse(InterfacesFile.empty());
        desired = edit.apply(parsed);
        v.addAll("", desired.violations().list());
    }

    @Override
    protected List<Step> computeSteps() {
        String before = currentText.orElse("");
        String after = desired.render();
        if (currentText.isPresent() && before.equals(after)) {
            return List.of();
        }
        String diff = InterfacesFile.parse(before).diff(desired, file.path().replaceFirst("^/", ""));
        List<String> reload = file.reloadCommand();
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
        return steps;
    }

    @Override
    protected Map<String, Set<Privilege>> requiredPrivileges(Plan plan) {
        Map<String, Set<Privilege>> needed = new LinkedHashMap<>(super.requiredPrivileges(plan));
        if (file.sudo() && !plan.isEmpty()) {
            needed.computeIfAbsent(host.name(), k -> new LinkedHashSet<>()).add(Privilege.root());
        }
        return needed;
    }

    @Override
    protected Targets targets() {
        return Targets.of(host);
    }

    @Override
    protected InterfacesFile result(Plan plan) {
        return file.read();
    }
}
