package dev.ops.lab.cli.internal;

import dev.ops.core.Ops;
import dev.ops.core.journal.RecoveryReport;
import dev.ops.core.store.FileStateStore;
import dev.ops.lab.SshConnections;
import dev.ops.lab.Lab;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.site.Site;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ops recover}: rolls back what a crashed run left half-applied. */
@Command(name = "recover", description = "Roll back changes a crashed run left half-applied.")
final class RecoverCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Override
    public Integer call() {
        Site site = ops.site();
        Lab lab = ops.connect(site);
        try (FileStateStore store = ops.store(site); SshConnections ssh = SshConnections.of(site)) {
            Ops o = ops.ops(site, store, true);
            RecoveryReport report = o.journal().recover(OpsCommand.targets(lab, o, ssh));
            ops.out.println("recovered: " + report);
        }
        return ExitCode.OK.code();
    }
}
