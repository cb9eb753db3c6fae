package dev.ops.lab.cli.internal;

import dev.ops.core.json.internal.Json;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.runway.Runway;
import dev.ops.lab.runway.RunwayReport;
import dev.ops.lab.site.Site;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ops runway}: the L0 checks; exit 1 when any fails. */
@Command(name = "runway", description = "Check settings, secrets, endpoint, nodes, storages and token privileges; change nothing.")
final class RunwayCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Override
    public Integer call() {
        Site site = ops.site();
        RunwayReport report = Runway.of(site, ops.environment).run();
        ops.out.println(ops.json ? Json.writePretty(report) : report.render());
        return report.ok() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
