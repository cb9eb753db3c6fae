package dev.ops.sys.identity;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violation;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        Optional<byte[]> oldFile = host.readFile("/etc/hostname", true);
        String content = name + "\n";
        if (oldFile.isEmpty() || !new String(oldFile.get(), StandardCharsets.UTF_8).equals(content)) {
            steps.add(Step.of("write /etc/hostname", FileWriteAction.write(host.name(), "/etc/hostname", content, "0644", true,
                    "- " + oldFile.map(b -> new String(b, StandardCharsets.UTF_8).strip()).orElse("(none)") + "\n+ " + name), undo("/etc/hostname", oldFile)));
        }
        String oldName = oldFile.map(b -> new String(b, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty()).orElse(live);
        Optional<byte[]> hosts = host.readFile("/etc/hosts", true);
        if (hosts.isPresent() && !oldName.equals(name)) {
            String before = new String(hosts.get(), StandardCharsets.UTF_8);
            String after = HostsFile.rename(before, oldName, name);
            if (!after.equals(before)) {
                steps.add(Step.of("rename " + oldName + " to " + name + " in /etc/hosts",
                        FileWriteAction.write(host.name(), "/etc/hosts", after, "0644", true, HostsFile.diff(before, after)),
                        undo("/etc/hosts", hosts)));
            }
        }
        return steps;
    }

    private FileWriteAction undo(String path, Optional<byte[]> old) {
        return old.isPresent() ? new FileWriteAction(host.name(), path, old.get(), "0644", true, "restore the earlier " + path)
                : FileWriteAction.remove(host.name(), path, true);
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
