package dev.ops.core.change;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import java.util.Objects;

/** Runs one command on a host; a non-zero exit fails the step unless {@code tolerateFailure}. */
public record CommandAction(String target, Command command, boolean tolerateFailure) implements Action {

    public CommandAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(command, "command");
    }

    /** A command that must succeed. */
    public static CommandAction of(String host, Command command) {
        return new CommandAction(host, command, false);
    }

    @Override
    public boolean needsRoot() {
        return command.sudo();
    }

    @Override
    public String render() {
        return command.render();
    }

    @Override
    public void execute(Targets targets) {
        CommandResult result = targets.host(target).run(command);
        if (!tolerateFailure) {
            result.orThrow();
        }
    }
}
