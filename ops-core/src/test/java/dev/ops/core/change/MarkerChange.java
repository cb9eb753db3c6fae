package dev.ops.core.change;

import dev.ops.core.Ops;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test change that creates marker files, one step each; a step named "hang" blocks, one named
 * "fail" fails, one named "spawn" blocks with a background child that writes "spawn.late" once
 * "spawn.release" exists (its pids in "spawn.pid" and "spawn.bg").
 */
public final class MarkerChange extends HostChange<List<String>, Void> {
    private final Path dir;
    private final List<String> names;

    public MarkerChange(Ops ops, Host host, Path dir, List<String> names) {
        super(host, ops);
        this.dir = dir;
        this.names = names;
    }

    @Override
    public String description() {
        return "markers " + names + " in " + dir;
    }

    @Override
    protected Planned<Void> planSteps() {
        List<Step> steps = new ArrayList<>();
        for (String name : names) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                continue;
            }
            Command make = switch (name) {
                case "hang" -> Command.builder().addArgv("sh", "-c", "touch \"$1\"; exec sleep 120", "sh", file.toString()).timeout(java.time.Duration.ofMinutes(3)).build();
                case "fail" -> Command.of("sh", "-c", "echo refusing >&2; exit 9");
                // Leaves a background child (which escapes a parent-death signal) that touches NAME.late once NAME.release exists.
                case "spawn" -> Command.builder().addArgv("sh", "-c", "touch \"$1\"; echo $$ > \"$1.pid\"; "
                        + "(while [ ! -e \"$1.release\" ]; do sleep 0.05; done; touch \"$1.late\") & echo $! > \"$1.bg.tmp\"; "
                        + "mv \"$1.bg.tmp\" \"$1.bg\"; wait", "sh", file.toString()).timeout(java.time.Duration.ofMinutes(3)).build();
                default -> Command.of("touch", file.toString());
            };
            steps.add(Step.of("create marker " + name, CommandAction.of(host.name(), make),
                    CommandAction.of(host.name(), Command.of("rm", "--", file.toString()))));
        }
        return Planned.of(steps);
    }

    @Override
    protected List<String> result(Void none) {
        return names;
    }
}
