package dev.ops.sys.sysctl.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.text.RawText;
import dev.ops.sys.sysctl.SysctlKeys;
import dev.ops.sys.sysctl.SysctlValue;
import dev.ops.sys.sysctl.UnknownSysctlKeyException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sets one sysctl key live and, optionally, in a drop-in file; built by {@link dev.ops.sys.sysctl.Sysctl}.
 * A key the kernel lacks fails at plan with an {@link UnknownSysctlKeyException}.
 */
public final class SysctlChange extends HostChange<SysctlValue, Void> {
    private static final String SEARCH = "for f in /etc/sysctl.d/*.conf /run/sysctl.d/*.conf /usr/local/lib/sysctl.d/*.conf "
            + "/usr/lib/sysctl.d/*.conf /lib/sysctl.d/*.conf /etc/sysctl.conf; do [ -f \"$f\" ] && echo \"$f\"; done; exit 0";

    private final String key;
    private final String value;
    /** The drop-in's path, or null when not persisting. */
    private final String file;
    /** The drop-in's name as the caller gave it, or null for the default name. */
    private final String fileName;

    private SysctlChange(Host host, Ops ops, String key, String value, boolean persist, String fileName) {
        super(host, ops);
        this.key = key;
        this.value = value;
        this.file = !persist ? null
                : "/etc/sysctl.d/" + (fileName != null ? fileName : "90-ops-" + (key == null ? "" : SysctlKeys.dotted(key)) + ".conf");
        this.fileName = fileName;
    }

    /**
     * The change that sets {@code key} to {@code value} live and, when {@code persist}, in
     * {@code /etc/sysctl.d/<fileName>} ({@code 90-ops-<key>.conf} when {@code fileName} is empty).
     */
    public static Change<SysctlValue> of(Host host, Ops ops, String key, String value, boolean persist, Optional<String> fileName) {
        return new SysctlChange(host, ops, key, value, persist, fileName.orElse(null));
    }

    /** The live value of a well-formed {@code key}, whitespace normalized; empty when the kernel lacks it. */
    public static Optional<String> live(Host host, String key) {
        return host.readFile("/proc/sys/" + SysctlKeys.path(key), false).map(b -> SysctlKeys.normalize(new String(b, StandardCharsets.UTF_8)));
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
    protected Planned<Void> planSteps() {
        String dotted = SysctlKeys.dotted(key);
        String desired = SysctlKeys.normalize(value);
        String live = live(host, key).orElseThrow(() -> new UnknownSysctlKeyException(host.name(), key));
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
        return new Planned<>(steps, notes(steps), null);
    }

    private static String diff(Optional<String> old, String content) {
        StringBuilder d = new StringBuilder();
        old.ifPresent(t -> RawText.printable(t).lines().forEach(l -> d.append("- ").append(l).append('\n')));
        content.lines().forEach(l -> d.append("+ ").append(l).append('\n'));
        return d.toString().stripTrailing();
    }

    /** Drop-ins read after ours at boot that set the same key, and so win there. */
    private List<String> notes(List<Step> steps) {
        List<String> notes = new ArrayList<>();
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
    protected SysctlValue result(Void context) {
        return new SysctlValue(SysctlKeys.dotted(key), live(host, key).orElseThrow(() -> new UnknownSysctlKeyException(host.name(), key)),
                file == null ? "" : file);
    }
}
