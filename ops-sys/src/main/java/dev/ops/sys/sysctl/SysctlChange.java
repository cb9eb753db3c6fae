package dev.ops.sys.sysctl;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.text.RawText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Sets one sysctl key live and, optionally, in a drop-in file; built by {@link Sysctl}. */
final class SysctlChange extends AbstractChange<SysctlValue> {
    private static final String SEARCH = "for f in /etc/sysctl.d/*.conf /run/sysctl.d/*.conf /usr/local/lib/sysctl.d/*.conf "
            + "/usr/lib/sysctl.d/*.conf /lib/sysctl.d/*.conf /etc/sysctl.conf; do [ -f \"$f\" ] && echo \"$f\"; done; exit 0";

    private final Host host;
    private final String key;
    private final String value;
    private final String file;
    private final String fileName;

    SysctlChange(Ops ops, Host host, String key, String value, String file, String fileName) {
        super(ops);
        this.host = host;
        this.key = key;
        this.value = value;
        this.file = file;
        this.fileName = fileName;
    }

    @Override
    public String description() {
        return "sysctl " + key + " = " + value + (file != null ? " (persisted in " + file + ")" : "") + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        v.check(SysctlKeys.valid(key), "key", "'" + key + "' is not a sysctl key (letters, digits, _ and - separated by dots)");
        v.checkText(value, "value", s -> s.indexOf('\n') < 0 && s.indexOf('\0') < 0 && s.indexOf('\r') < 0,
                "must be one line");
        if (fileName != null) {
            v.check(fileName.matches("[A-Za-z0-9_.@+-]+\\.conf") && !fileName.startsWith("."), "fileName",
                    "'" + fileName + "' must be a plain file name ending in .conf");
        }
    }

    @Override
    protected List<Step> computeSteps() {
        String dotted = SysctlKeys.dotted(key);
        String desired = SysctlKeys.normalize(value);
        String live = Sysctl.on(host, ops).read(key);
        List<Step> steps = new ArrayList<>();
        if (!live.equals(desired)) {
            steps.add(Step.of("set " + dotted + " live from '" + live + "' to '" + desired + "'",
                    CommandAction.of(host.name(), Command.of("sysctl", "-w", dotted + "=" + desired).asRoot()),
                    CommandAction.of(host.name(), Command.of("sysctl", "-w", dotted + "=" + live).asRoot())));
        }
        if (file != null) {
            // an existing drop-in keeps its mode, owner and line ends (CR LF or LF); rollback restores its exact bytes
            FileSnapshot old = FileSnapshot.read(host, file, true);
            Optional<String> oldText = old.content().map(RawText::decode);
            String text = "# Written by ops\n" + dotted + " = " + desired + "\n";
            byte[] content = RawText.encode(oldText.map(RawText::usesCrlf).orElse(false) ? RawText.toCrlf(text) : text);
            if (old.content().isEmpty() || !Arrays.equals(old.content().get(), content)) {
                steps.add(Step.of((old.content().isPresent() ? "rewrite " : "create ") + file,
                        FileWriteAction.write(host.name(), old, content, true, diff(oldText, text)),
                        FileWriteAction.restore(host.name(), old, true)));
            }
        }
        return steps;
    }

    private static String diff(Optional<String> old, String content) {
        StringBuilder d = new StringBuilder();
        old.ifPresent(t -> RawText.printable(t).lines().forEach(l -> d.append("- ").append(l).append('\n')));
        content.lines().forEach(l -> d.append("+ ").append(l).append('\n'));
        return d.toString().stripTrailing();
    }

    @Override
    protected List<String> notes(List<Step> steps) {
        List<String> notes = new ArrayList<>(super.notes(steps));
        if (file == null || steps.isEmpty()) {
            return notes;
        }
        // sysctl --system applies files by name order across these directories; a later one wins at boot.
        String ours = file.substring(file.lastIndexOf('/') + 1);
        String dotted = SysctlKeys.dotted(key);
        for (String f : host.run(Command.shell(SEARCH)).stdoutText().split("\n")) {
            if (f.isBlank() || f.equals(file)) {
                continue;
            }
            String name = f.substring(f.lastIndexOf('/') + 1);
            boolean later = f.equals("/etc/sysctl.conf") || name.compareTo(ours) > 0;
            if (later && setsKey(f, dotted)) {
                notes.add(f + " also sets " + dotted + " and is read after " + file + " at boot, so it wins there");
            }
        }
        return notes;
    }

    private boolean setsKey(String path, String dotted) {
        return host.readText(path).orElse("").lines().map(String::strip).filter(l -> !l.startsWith("#") && !l.startsWith(";"))
                .map(l -> l.startsWith("-") ? l.substring(1) : l).anyMatch(l -> {
                    int eq = l.indexOf('=');
                    return eq > 0 && SysctlKeys.dotted(l.substring(0, eq).strip()).equals(dotted);
                });
    }

    @Override
    protected Targets targets() {
        return Targets.of(host);
    }

    @Override
    protected SysctlValue result(Plan plan) {
        return new SysctlValue(SysctlKeys.dotted(key), Sysctl.on(host, ops).read(key), file == null ? "" : file);
    }
}
