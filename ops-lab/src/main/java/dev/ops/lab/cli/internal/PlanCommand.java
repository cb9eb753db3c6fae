package dev.ops.lab.cli.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.error.StalePlanException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.FileStateStore;
import dev.ops.lab.SshConnections;
import dev.ops.lab.Lab;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ops plan replicate VMID [--to NODE]...}, {@code ops plan restore ARCHIVE --node NODE} and
 * {@code ops plan l1|l2|l3|l4} and {@code ops plan retention VMID}: the plan, shown and saved for {@code ops apply}. L3 and L4 read the
 * site's hosts over SSH ({@link SshConnections}); nothing is changed.
 */
@Command(name = "plan", description = "Plan a change (replicate VMID, restore ARCHIVE, l1, l2, l3, l4, retention VMID) and save it for 'ops apply'; nothing is changed.")
final class PlanCommand implements Callable<Integer> {
    private static final List<String> KINDS = List.of("replicate", "restore", "l1", "l2", "l3", "l4", "retention");

    @ParentCommand
    OpsCommand ops;

    @Parameters(index = "0", description = "what to plan: replicate, restore, l1 (templates), l2 (guests), l3 (hosts, over SSH), l4 (services, over SSH) or retention (a guest's safety snapshots)")
    String what;

    @Parameters(index = "1", arity = "0..1", description = "replicate: the source VMID; restore: the backup's volume id; retention: the guest's VMID")
    String source = "";

    @Option(names = "--to", description = "replicate: a target node (default: the site's rules)")
    List<String> targets = new ArrayList<>();

    @Option(names = "--node", description = "restore: the node to restore on")
    String node;

    @Option(names = "--stable", description = "l1: promote the templates to stable (as UPDATE_STABLE=yes does)")
    boolean stable;

    @Option(names = "--out", description = "where to save the plan (default: <state>/plans/<task>.json)")
    Path outFile;

    @Override
    public Integer call() {
        if (!KINDS.contains(what)) {
            ops.err.println("ops: 'plan " + what + "' is not in this build (only: " + String.join(", ", KINDS) + ")");
            return ExitCode.INVALID.code();
        }
        Site site = ops.site();
        Lab lab = ops.connect(site);
        String taskId = java.util.UUID.randomUUID().toString();
        String planned = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        SavedPlan request = switch (what) {
            case "replicate", "retention" -> new SavedPlan(what, vmid(), targets, "", "", taskId, "", false, planned);
            case "restore" -> new SavedPlan("restore", 0, List.of(), source, requireNode(), taskId, "", false, planned);
            case "l1" -> new SavedPlan("l1", 0, List.of(), "", "", taskId, "", stable || "yes".equals(ops.environment.get("UPDATE_STABLE")),
                    planned);
            default -> new SavedPlan(what, 0, List.of(), "", "", taskId, "", false, planned);
        };
        try (FileStateStore store = ops.store(site); SshConnections ssh = SshConnections.of(site)) {
            Ops o = ops.ops(site, store, false);
            Change<?> change;
            try {
                change = request.change(lab, o, ssh);
            } catch (StalePlanException e) {
                ops.out.println(request.title() + ": " + request.nothing());
                return ExitCode.OK.code();
            }
            Plan plan = change.plan();
            SavedPlan saved = request.reviewed(plan.render());
            Path file = outFile != null ? outFile : ops.stateDir(site).resolve("plans").resolve(taskId + ".json");
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

    private int vmid() {
        try {
            return dev.ops.core.text.AsciiNumbers.parseInt(source);
        } catch (NumberFormatException e) {
            throw new dev.ops.core.error.ValidationException("ops plan " + what, List.of(new dev.ops.core.error.Violation("VMID",
                    "'" + source + "' is not a VMID")));
        }
    }

    private String requireNode() {
        if (node == null) {
            throw new dev.ops.core.error.ValidationException("ops plan restore", List.of(new dev.ops.core.error.Violation("--node",
                    "name the node to restore on")));
        }
        return node;
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
