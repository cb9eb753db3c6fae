package dev.ops.testkit.host;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A host for unit tests that answers commands from rules instead of running them, and records
 * every command it was asked to run. The first matching rule answers; a command no rule matches
 * exits 127 with "not scripted: ..." on stderr, so an unexpected command never passes silently.
 *
 * <pre>{@code
 * ScriptedHost host = ScriptedHost.named("web-1")
 *         .on("uname", "-r").reply("6.8.12-4-pve\n")
 *         .on("useradd").exit(9, "useradd: user 'alice' already exists\n");
 * }</pre>
 */
public final class ScriptedHost implements Host {
    private final String name;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Command> received = new CopyOnWriteArrayList<>();

    private ScriptedHost(String name) {
        this.name = name;
    }

    /** A host of that name with no rules yet. */
    public static ScriptedHost named(String name) {
        return new ScriptedHost(name);
    }

    /** Starts a rule for commands whose argv starts with {@code argvPrefix}. */
    public RuleBuilder on(String... argvPrefix) {
        List<String> prefix = List.of(argvPrefix);
        return new RuleBuilder(c -> c.argv().size() >= prefix.size() && c.argv().subList(0, prefix.size()).equals(prefix),
                String.join(" ", prefix));
    }

    /** Starts a rule for commands matching {@code predicate}. */
    public RuleBuilder when(Predicate<Command> predicate, String description) {
        return new RuleBuilder(predicate, description);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CommandResult run(Command command) {
        received.add(command);
        for (Rule rule : rules) {
            if (rule.matches().test(command)) {
                return rule.answer().apply(command);
            }
        }
        return result(command, 127, "", "not scripted: " + command.render() + "\n");
    }

    /** Every command received, in order. */
    public List<Command> commands() {
        return List.copyOf(received);
    }

    /** Every command received, rendered as command lines. */
    public List<String> commandLines() {
        List<String> out = new ArrayList<>();
        received.forEach(c -> out.add(c.render()));
        return out;
    }

    private CommandResult result(Command c, int exit, String stdout, String stderr) {
        return CommandResult.of(name, c, exit, stdout.getBytes(StandardCharsets.UTF_8),
                stderr.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
    }

    private record Rule(Predicate<Command> matches, Function<Command, CommandResult> answer, String description) {}

    /** Completes a rule with its answer. */
    public final class RuleBuilder {
        private final Predicate<Command> matches;
        private final String description;

        private RuleBuilder(Predicate<Command> matches, String description) {
            this.matches = matches;
            this.description = description;
        }

        /** Exit 0 with this standard output. */
        public ScriptedHost reply(String stdout) {
            return answer(c -> result(c, 0, stdout, ""));
        }

        /** This exit code and standard error. */
        public ScriptedHost exit(int code, String stderr) {
            return answer(c -> result(c, code, "", stderr));
        }

        /** Computes the answer from the command (e.g. to echo stdin or keep state). */
        public ScriptedHost answer(Function<Command, CommandResult> answer) {
            rules.add(new Rule(matches, answer, description));
            return ScriptedHost.this;
        }
    }
}
