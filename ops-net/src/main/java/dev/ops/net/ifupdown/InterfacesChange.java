package dev.ops.net.ifupdown;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.core.privilege.Privilege;
import dev.ops.net.ifupdown.internal.InterfacesWriteAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes an interfaces file: a backup step (the previous text to {@code PATH.ops-backup}), then
 * the atomic write with reload, whose plan text is the unified diff. Already-identical text plans
 * nothing. Rollback writes the previous text back and reloads again.
 */
public final class InterfacesChange extends AbstractChange<InterfacesFile> {
    private final Host host;
    private final NetworkInterfaces file;
    private final UnaryOperator<InterfacesFile> edit;
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
        currentText = file.readText();
        InterfacesFile current = currentText.map(InterfacesFile::parse).orElse(InterfacesFile.empty());
        desired = edit.apply(current);
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
        if (currentText.isPresent()) {
            Optional<byte[]> oldBackup = host.readFile(file.backupPath(), file.sudo());
            FileWriteAction backup = FileWriteAction.write(host.name(), file.backupPath(), before, "0644", file.sudo(),
                    "backup of " + file.path());
            FileWriteAction undoBackup = oldBackup
                    .map(b -> new FileWriteAction(host.name(), file.backupPath(), b, "0644", file.sudo(), "previous backup"))
                    .orElse(FileWriteAction.remove(host.name(), file.backupPath(), file.sudo()));
            steps.add(Step.of("back up " + file.path() + " to " + file.backupPath(), backup, undoBackup));
        }
        byte[] beforeBytes = currentText.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
        String undoDiff = desired.diff(InterfacesFile.parse(before), file.path().replaceFirst("^/", ""));
        steps.add(Step.of("write " + file.path() + (reload.isEmpty() ? "" : " and reload with " + String.join(" ", reload)),
                new InterfacesWriteAction(host.name(), file.path(), after.getBytes(StandardCharsets.UTF_8), file.sudo(), reload, diff),
                new InterfacesWriteAction(host.name(), file.path(), beforeBytes, file.sudo(), reload, undoDiff)));
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
