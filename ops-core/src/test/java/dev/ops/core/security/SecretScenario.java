package dev.ops.core.security;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.core.secret.Secret;
import dev.ops.core.store.FileStateStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every core change that can carry a secret through plan, apply, failure and rollback, in a
 * JVM of its own whose slf4j backend logs everything at TRACE, and writes every rendering and
 * exception it met to files, so that {@link SecretSinksTest} can look for the secrets in all of them.
 * Arguments: state directory, work directory, output directory, then the secrets.
 */
public final class SecretScenario {
    private SecretScenario() {}

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path out = Path.of(args[2]);
        List<Secret> secrets = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            secrets.add(Secret.of(args[i]));
        }
        Ops ops = Ops.builder().store(FileStateStore.open(state)).actor("security-suite").build();
        Host host = LocalHost.create();
        int n = 0;
        for (Secret s : secrets) {
            n++;
            Path file = work.resolve("app-" + n + ".conf");
            Files.writeString(file, "user=app\nold=" + s.reveal() + "\n");
            record(out, "file-" + n, ManagedFile.on(host, ops).path(file.toString()).content("user=app\npass=" + s.reveal() + "\n").present(), true);
            record(out, "new-file-" + n, ManagedFile.on(host, ops).path(work.resolve("new-" + n).toString()).content(s.reveal()).present(), true);
            record(out, "failing-file-" + n, ManagedFile.on(host, ops).path(work.resolve("missing-dir/x-" + n).toString())
                    .content(s.reveal()).present(), false);
            record(out, "command-" + n, new SecretCommand(ops, host, s, false), true);
            record(out, "failing-command-" + n, new SecretCommand(ops, host, s, true), false);
        }
        ops.journal().list().forEach(r -> append(out, "journal-records", r.toString()));
        ops.audit().records().forEach(r -> append(out, "audit-records", r.toString()));
        ops.store().close();
    }

    private static void record(Path out, String name, Change<?> change, boolean rollBack) {
        try {
            Plan plan = change.plan();
            append(out, name, plan.render());
            append(out, name, plan.toJson());
            append(out, name, plan.toString());
            plan.steps().forEach(s -> append(out, name, s.toString()));
            Applied<?> done = change.apply();
            if (rollBack) {
                append(out, name, done.rollback().toString());
            }
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            append(out, name, e.getMessage() + "\n" + e + "\n" + trace);
        }
    }

    private static void append(Path out, String name, String text) {
        try {
            Files.writeString(out.resolve(name + ".txt"), text + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A change of one command that takes the secret as an argument and echoes it to stderr (and fails, when asked). */
    static final class SecretCommand extends HostChange<String, Void> {
        private final Secret secret;
        private final boolean fail;

        SecretCommand(Ops ops, Host host, Secret secret, boolean fail) {
            super(host, ops);
            this.secret = secret;
            this.fail = fail;
        }

        @Override
        public String description() {
            return "set a password with a command" + (fail ? " that fails" : "");
        }

        @Override
        protected Planned<Void> planSteps() {
            Command set = Command.builder().addArgv("sh", "-c", "echo \"chpasswd: rejected $1\" >&2; exit $2", "sh", secret.reveal(),
                    fail ? "3" : "0").addSensitive(secret.reveal()).build();
            Command undo = Command.builder().addArgv("sh", "-c", "echo \"restored $1\" >&2", "sh", secret.reveal())
                    .addSensitive(secret.reveal()).build();
            return Planned.of(List.of(Step.of("set the password", CommandAction.of(host.name(), set), CommandAction.of(host.name(), undo))));
        }

        @Override
        protected String result(Void none) {
            return "set";
        }
    }
}
