package dev.ops.lab.cli.internal;

import dev.ops.core.Ops;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.FileStateStore;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.site.Site;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ops status}: the catalog's replication tasks and resources; reads local state only. */
@Command(name = "status", description = "Show replication tasks (status, progress, per-target results) and the catalog's resources.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Override
    public Integer call() {
        Site site = ops.site();
        try (FileStateStore store = ops.store(site)) {
            Catalog catalog = Catalog.of(site, Ops.builder().store(store).build());
            List<ReplicationTask> tasks = catalog.tasks();
            List<ResourceRecord> resources = catalog.resources();
            if (ops.json) {
                ops.out.println(Json.writePretty(Map.of("tasks", tasks, "resources", resources)));
                return ExitCode.OK.code();
            }
            ops.out.println("tasks:");
            for (ReplicationTask t : tasks) {
                ops.out.printf("  %s %s/%d %s %.0f%%%n", t.id(), t.sourceNode(), t.sourceVmid(), t.status(), t.progress() * 100);
                t.targets().forEach(r -> ops.out.println("    " + r.node() + ": " + r.state() + (r.done() ? " " + r.vmid() + " " + r.name() + " "
                        + r.address() + " " + r.mac() : "")));
            }
            ops.out.println("resources:");
            resources.forEach(r -> ops.out.println("  " + r.vmid() + " " + r.name() + " on " + r.node() + (r.replica() ? " replica of "
                    + r.originNode() + "/" + r.originVmid() + " (" + r.originTemplate() + ")" : "")));
        }
        return ExitCode.OK.code();
    }
}
