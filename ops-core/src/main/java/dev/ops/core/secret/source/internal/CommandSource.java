package dev.ops.core.secret.source.internal;

import dev.ops.core.secret.Secret;
import dev.ops.core.secret.source.SecretSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A command whose output is the secret; {@code {name}} in its arguments is the secret's name. */
public final class CommandSource implements SecretSource {
    private final List<String> commandLine;
    private final Map<String, String> environment;

    public CommandSource(List<String> commandLine, Map<String, String> environment) {
        if (commandLine.isEmpty()) {
            throw new IllegalArgumentException("a secret command needs at least an executable");
        }
        this.commandLine = List.copyOf(commandLine);
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String describe() {
        return "command " + String.join(" ", commandLine);
    }

    @Override
    public Optional<Secret> find(String name) {
        List<String> argv = commandLine.stream().map(a -> a.replace("{name}", name)).toList();
        String out = SecretProcess.run(argv, environment, Duration.ofSeconds(30)).strip();
        return out.isEmpty() ? Optional.empty() : Optional.of(Secret.of(out));
    }
}
