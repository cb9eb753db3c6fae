package dev.ops.lab.cli.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.RollbackReport;
import dev.ops.core.store.FileStateStore;
import dev.ops.lab.SshConnections;
import dev.ops.lab.Lab;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.site.Site;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ops rollback ID}: reverts an applied change by its journal id. */
@Command(name = "rollback", description = "Roll back an applied change by its id.")
final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Parameters(index = "0", description = "the applied change's id")
    String id;

    @Override
    public Integer call() {
        Site site = ops.site();
        Lab lab = ops.connect(site);
        try (FileStateStore store = ops.store(site); SshConnections ssh = SshConnections.of(site)) {
            Ops o = ops.ops(site, store, true);
            RollbackReport report = o.rollback(id, OpsCommand.targets(lab, o, ssh)).run();
            ops.out.println("rolled back " + id + ": " + report);
        }
        return ExitCode.OK.code();
    }
}
