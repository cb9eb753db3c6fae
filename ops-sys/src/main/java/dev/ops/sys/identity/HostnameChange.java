package dev.ops.sys.identity;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violation;
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

/** Sets a host name live, in /etc/hostname and in /etc/hosts; built by {@link Hostname}. */
final class HostnameChange extends AbstractChange<String> {
    private final Host host;
    private final String name;

    HostnameChange(Ops ops, Host host, String name) {
        super(ops);
        this.host = host;
        this.name = name;
    }

    @Override
    public String description() {
        return "hostname " + name + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        List<Violation> problems = Hostname.problems(name);
        if (!problems.isEmpty()) {
            throw new InvalidHostnameException(name, problems);
        }
    }

    @Override
    protected List<Step> computeSteps() {
        String live = Hostname.on(host, ops).read();
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
        return steps;
    }

    @Override
    protected Targets targets() {
        return Targets.of(host);
    }

    @Override
    protected String result(Plan plan) {
        return Hostname.on(host, ops).read();
    }
}
