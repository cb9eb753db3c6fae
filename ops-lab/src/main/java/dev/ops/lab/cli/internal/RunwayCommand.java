package dev.ops.lab.cli.internal;

import dev.ops.core.json.internal.Json;
import dev.ops.lab.SshConnections;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.runway.Runway;
import dev.ops.lab.runway.RunwayReport;
import dev.ops.lab.site.Site;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ops runway}: the L0 checks; exit 1 when any fails. */
@Command(name = "runway", description = "Check settings, secrets, endpoint, nodes, storages, token privileges and the hosts' tools; change nothing.")
final class RunwayCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Option(names = "--hosts", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also check over SSH that each site host answers and has the tools layers L3 and L4 call (default; --no-hosts skips it)")
    boolean hosts;

    @Override
    public Integer call() {
        Site site = ops.site();
        try (SshConnections ssh = SshConnections.of(site)) {
            Runway runway = Runway.of(site, ops.environment);
            RunwayReport report = (hosts ? runway.hosts(ssh) : runway).run();
            ops.out.println(ops.json ? Json.writePretty(report) : report.render());
            return report.ok() ? ExitCode.OK.code() : ExitCode.FAILED.code();
        }
    }
}
