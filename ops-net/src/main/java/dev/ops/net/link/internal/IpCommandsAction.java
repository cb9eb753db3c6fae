package dev.ops.net.link.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs several commands on one host in order, stopping at the first failure; used where one
 * undo must restore a whole link (recreate it, re-enslave its ports, re-add its addresses).
 */
public record IpCommandsAction(String target, List<Command> commands) implements Action {

    public IpCommandsAction {
        Objects.requireNonNull(target, "target");
        commands = List.copyOf(commands);
    }

    @Override
    public String render() {
        return commands.stream().map(Command::render).collect(Collectors.joining("\n"));
    }

    @Override
    public void execute(Targets targets) {
        for (Command c : commands) {
            targets.host(target).check(c);
        }
    }
}
