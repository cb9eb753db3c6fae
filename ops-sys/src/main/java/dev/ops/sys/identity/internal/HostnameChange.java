package dev.ops.sys.identity.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violation;
import dev.ops.core.error.Violations;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.text.HostNames;
import dev.ops.core.text.RawText;
import dev.ops.sys.identity.InvalidHostnameException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Sets a host name live, in /etc/hostname and in /etc/hosts; built by {@link dev.ops.sys.identity.Hostname}. */
public final class HostnameChange extends HostChange<String, Void> {
    /** The longest host name the kernel takes. */
    private static final int KERNEL_MAX = 64;

    private final String name;

    private HostnameChange(Host host, Ops ops, String name) {
        super(host, ops);
        this.name = name;
    }

    /** The change that sets the host name of {@code host} to {@code name}; yields the name as the kernel then has it. */
    public static Change<String> of(Host host, Ops ops, String name) {
        return new HostnameChange(host, ops, name);
    }

    /** The kernel's host name now. */
    public static String live(Host host) {
        return host.readText("/proc/sys/kernel/hostname").orElse("").strip();
    }

    /** Every problem with {@code name} as a host's own name: an RFC 1123 name the kernel takes (64 characters at most). */
    public static List<Violation> problems(String name) {
        Violations v = Violations.of("hostname");
        HostNames.check(v, "hostname", name);
        if (name != null) {
            v.check(name.length() <= KERNEL_MAX, "hostname", "is " + name.length() + " characters long; the kernel allows " + KERNEL_MAX);
        }
        return v.list();
    }

    @Override
    public String description() {
        return "hostname " + name + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        List<Violation> problems = problems(name);
        if (!problems.isEmpty()) {
            throw new InvalidHostnameException(name, problems);
        }
    }

    @Override
    protected Planned<Void> planSteps() {
        String live = live(host);
        List<Step> steps = new ArrayList<>();
        if (!live.equals(name)) {
            steps.add(Step.of("set the live host name from " + live + " to " + name,
                    CommandAction.of(host.name(), Command.of("hostname", name).asRoot()),
                    CommandAction.of(host.name(), Command.of("hostname", live).asRoot())));
        }
        // Both files are edited as bytes with their mode and owner kept, and /etc/hostname keeps its line end (CR LF or LF).
        FileSnapshot oldFile = FileSnapshot.read(host, "/etc/hostname", true);
        Optional<String> oldText = oldFile.content().map(RawText::decode);
        byte[] content = RawText.encode(name + (oldText.map(RawText::usesCrlf).orElse(false) ? "\r\n" : "\n"));
        if (oldFile.content().isEmpty() || !Arrays.equals(oldFile.content().get(), content)) {
            steps.add(Step.of("write /etc/hostname", FileWriteAction.write(host.name(), oldFile, content, true,
                    "- " + oldText.map(t -> RawText.printable(t.strip())).orElse("(none)") + "\n+ " + name),
                    FileWriteAction.restore(host.name(), oldFile, true)));
        }
        String oldName = oldText.map(String::strip).filter(s -> !s.isEmpty()).orElse(live);
        FileSnapshot hosts = FileSnapshot.read(host, "/etc/hosts", true);
        if (hosts.content().isPresent() && !oldName.equals(name)) {
            String before = RawText.decode(hosts.content().get());
            String after = HostsFile.rename(before, oldName, name);
            if (!after.equals(before)) {
                steps.add(Step.of("rename " + oldName + " to " + name + " in /etc/hosts",
                        FileWriteAction.write(host.name(), hosts, RawText.encode(after), true,
                                RawText.printable(HostsFile.diff(before, after))),
                        FileWriteAction.restore(host.name(), hosts, true)));
            }
        }
        return Planned.of(steps);
    }

    @Override
    protected String result(Void context) {
        return live(host);
    }
}
