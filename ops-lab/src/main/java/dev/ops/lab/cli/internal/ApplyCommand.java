package dev.ops.lab.cli.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.StalePlanException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.FileStateStore;
import dev.ops.lab.SshConnections;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ops apply FILE [--yes]}: applies a saved plan, or refuses when it no longer matches. */
@Command(name = "apply", description = "Apply a plan saved by 'ops plan'; refused when what would be done has changed.")
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Parameters(index = "0", description = "the saved plan")
    Path file;

    @Option(names = "--yes", description = "approve the plan's approval_required actions")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("plan " + file, "no such file");
        }
        SavedPlan saved = Json.mapper().readValue(Files.readString(file), SavedPlan.class);
        Site site = ops.site();
        Lab lab = ops.connect(site);
        try (FileStateStore store = ops.store(site); SshConnections ssh = SshConnections.of(site)) {
            Ops o = ops.ops(site, store, yes);
            Change<?> change = saved.change(lab, o, ssh);
            Plan now = change.plan();
            if (!now.render().equals(saved.plan())) {
                throw new StalePlanException(now.change(), List.of("the plan saved in " + file + " differs from what would be done now; plan again"));
            }
            Applied<?> done = change.apply(now);
            if (ops.json) {
                ops.out.println(Json.writePretty(done.value()));
            } else {
                if (done.value() instanceof ReplicationTask task) {
                    ops.out.println("applied " + done.id().orElse("") + ": task " + task.id() + " " + task.status());
                    task.targets().forEach(t -> ops.out.println("  " + t.node() + ": " + t.state() + " " + t.vmid() + " " + t.name() + " "
                            + t.address() + " " + t.mac()));
                } else {
                    ops.out.println("applied " + done.id().orElse("") + ": " + saved.title());
                }
                ops.out.println("roll back with: ops rollback " + done.id().orElse(""));
            }
        }
        return ExitCode.OK.code();
    }
}
