package dev.ops.lab.testing;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import java.time.Duration;
import java.util.List;

/** A host that runs everything on {@code real} except {@code true}, which it fails: a host that stops answering a layer's gate. */
public record Unanswering(Host real) implements Host {

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public CommandResult run(Command command) {
        if (command.argv().equals(List.of("true"))) {
            return CommandResult.of(name(), command, 255, new byte[0], "ssh: connect to host: Connection timed out\n".getBytes(), Duration.ZERO, false);
        }
        return real.run(command);
    }
}
