package dev.ops.lab.cli.internal;

import dev.ops.core.Ops;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.PolicyDeniedException;
import dev.ops.core.error.StalePlanException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.policy.Approver;
import dev.ops.core.store.FileStateStore;
import dev.ops.core.change.Targets;
import dev.ops.lab.SshConnections;
import dev.ops.lab.Lab;
import dev.ops.lab.site.SiteHost;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.site.Site;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ops}: the options every subcommand shares, and the mapping of outcomes to exit codes. */
@Command(name = "ops", mixinStandardHelpOptions = true, version = "ops 0.1.0",
        description = "The lab as code: runway, plans, apply, rollback, recovery and status over a site directory.",
        subcommands = {RunwayCommand.class, PlanCommand.class, ApplyCommand.class, RollbackCommand.class, RecoverCommand.class,
                StatusCommand.class, CleanCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class})
public final class OpsCommand implements Callable<Integer> {
    @Option(names = "--site", description = "the site directory (default: $OPS_SITE)")
    Path site;

    @Option(names = "--state", description = "local state: the journal and catalog store, saved plans (default: <site>/.ops)")
    Path state;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Option(names = "--progress", negatable = true,
            description = "each step of an apply, rollback or recovery on the error stream as it ends (default: when that stream is a terminal and --json is not given)")
    Boolean progress;

    Map<String, String> environment = Map.of();
    PrintWriter out;
    PrintWriter err;
    boolean terminal;

    /** Parses and runs {@code args}; returns the exit status. {@code terminal}: whether {@code err} is a terminal. */
    public static int execute(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err, boolean terminal) {
        OpsCommand root = new OpsCommand();
        root.environment = environment;
        root.out = out;
        root.err = err;
        root.terminal = terminal;
        CommandLine cl = new CommandLine(root).setOut(out).setErr(err)
                .setExitCodeExceptionMapper(OpsCommand::exitCodeOf)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    err.println("ops: " + e.getMessage());
                    err.flush();
                    return exitCodeOf(e);
                });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    static int exitCodeOf(Throwable e) {
        ExitCode c;
        if (e instanceof ValidationException || e instanceof CommandLine.ParameterException) {
            c = ExitCode.INVALID;
        } else if (e instanceof PolicyDeniedException) {
            c = ExitCode.REFUSED;
        } else if (e instanceof StalePlanException) {
            c = ExitCode.STALE;
        } else if (e instanceof NotFoundException) {
            c = ExitCode.NOT_FOUND;
        } else if (e instanceof OpsException) {
            c = ExitCode.FAILED;
        } else {
            return ExitCode.FAILED.code();
        }
        return c.code();
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return ExitCode.INVALID.code();
    }

    Site site() {
        Path dir = site != null ? site : environment.containsKey("OPS_SITE") ? Path.of(environment.get("OPS_SITE")) : null;
        if (dir == null) {
            throw new ValidationException("ops command", java.util.List.of(new dev.ops.core.error.Violation("--site", "name the site directory (or set OPS_SITE)")));
        }
        return Site.load(dir);
    }

    Path stateDir(Site loaded) {
        if (state != null) {
            return state;
        }
        Path dir = site != null ? site : Path.of(environment.getOrDefault("OPS_SITE", "."));
        return dir.resolve(".ops");
    }

    Lab connect(Site loaded) {
        return Lab.connect(loaded, Lab.secrets(loaded, environment));
    }

    /** The store of local state, with the site's policy; {@code approve} is the operator's {@code --yes}. */
    FileStateStore store(Site loaded) {
        return FileStateStore.open(stateDir(loaded).resolve("store"));
    }

    /**
     * What a rollback or recovery may need to reach: the cluster and the state store, and each site
     * host whose connection settings are usable (one that is not is left out: a step on it then
     * names it as a target it cannot reach).
     */
    static Targets targets(Lab lab, Ops o, SshConnections ssh) {
        Targets t = lab.client().targets(o);
        for (SiteHost h : lab.site().hosts()) {
            try {
                t = t.with(ssh.apply(h));
            } catch (ValidationException e) {
                // left out, as said above
            }
        }
        return t;
    }

    Ops ops(Site loaded, FileStateStore store, boolean approve) {
        Approver approver = approve ? plan -> Approver.Decision.approve()
                : plan -> Approver.Decision.reject("not approved: review the plan and run again with --yes");
        Ops.Builder b = Ops.builder().store(store).actor(environment.getOrDefault("USER", "ops")).policy(SitePolicy.of(loaded, approver));
        if (progress != null ? progress : terminal && !json) {
            b.listener(new Progress(err));
        }
        return b.build();
    }
}
