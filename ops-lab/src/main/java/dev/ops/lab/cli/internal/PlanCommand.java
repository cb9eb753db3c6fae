package dev.ops.lab.cli.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Plan;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.FileStateStore;
import dev.ops.lab.Lab;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.replicate.ReplicateRequest;
import dev.ops.lab.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ops plan replicate VMID [--to NODE]...}: the plan, shown and saved for {@code ops apply}. */
@Command(name = "plan", description = "Plan a change (replicate) and save it for 'ops apply'; nothing is changed.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Parameters(index = "0", description = "what to plan: replicate")
    String what;

    @Parameters(index = "1", description = "the source VMID")
    int vmid;

    @Option(names = "--to", description = "a target node (default: the site's rules)")
    List<String> targets = new ArrayList<>();

    @Option(names = "--out", description = "where to save the plan (default: <state>/plans/<task>.json)")
    Path outFile;

    @Override
    public Integer call() {
        if (!what.equals("replicate")) {
            ops.err.println("ops: 'plan " + what + "' is not in this build (only: replicate)");
            return ExitCode.INVALID.code();
        }
        Site site = ops.site();
        Lab lab = ops.connect(site);
        ReplicateRequest request = ReplicateRequest.builder().vmid(vmid).targets(targets).build();
        try (FileStateStore store = ops.store(site)) {
            Ops o = ops.ops(site, store, false);
            Plan plan = lab.replication(o).replicate(request).plan();
            SavedPlan saved = new SavedPlan("replicate", vmid, targets, request.taskId(), plan.render());
            Path file = outFile != null ? outFile : ops.stateDir(site).resolve("plans").resolve(request.taskId() + ".json");
            write(file, Json.writePretty(saved));
            List<String> approvals = SitePolicy.approvalsFor(site, plan);
            if (ops.json) {
                ops.out.println(plan.toJson());
            } else {
                ops.out.print(plan.render());
                ops.out.println("saved: " + file);
                if (!approvals.isEmpty()) {
                    ops.out.println("needs approval (" + site.policies().file() + "): " + String.join(", ", approvals)
                            + "; apply with: ops apply " + file + " --yes");
                }
            }
        }
        return ExitCode.OK.code();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
