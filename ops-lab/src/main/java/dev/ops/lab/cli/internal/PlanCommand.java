package dev.ops.lab.cli.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Plan;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.FileStateStore;
import dev.ops.lab.Lab;
import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.policy.SitePolicy;
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

/**
 * {@code ops plan replicate VMID [--to NODE]...}, {@code ops plan restore ARCHIVE --node NODE} and {@code ops plan l2}:
 * the plan, shown and saved for {@code ops apply}.
 */
@Command(name = "plan", description = "Plan a change (replicate VMID, restore ARCHIVE, l1, l2) and save it for 'ops apply'; nothing is changed.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Parameters(index = "0", description = "what to plan: replicate, restore, l1 (templates) or l2 (guests)")
    String what;

    @Parameters(index = "1", arity = "0..1", description = "replicate: the source VMID; restore: the backup's volume id")
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
        if (!List.of("replicate", "restore", "l1", "l2").contains(what)) {
            ops.err.println("ops: 'plan " + what + "' is not in this build (only: replicate, restore, l1, l2)");
            return ExitCode.INVALID.code();
        }
        Site site = ops.site();
        Lab lab = ops.connect(site);
        String taskId = java.util.UUID.randomUUID().toString();
        SavedPlan request = switch (what) {
            case "replicate" -> new SavedPlan("replicate", vmid(), targets, "", "", taskId, "", false);
            case "restore" -> new SavedPlan("restore", 0, List.of(), source, requireNode(), taskId, "", false);
            case "l1" -> new SavedPlan("l1", 0, List.of(), "", "", taskId, "", stable || "yes".equals(System.getenv("UPDATE_STABLE")));
            default -> new SavedPlan("l2", 0, List.of(), "", "", taskId, "", false);
        };
        try (FileStateStore store = ops.store(site)) {
            Ops o = ops.ops(site, store, false);
            if (what.equals("l2") && lab.layers(o).missingGuests().isEmpty()) {
                ops.out.println("layer L2: every guest of the site exists; nothing to do");
                return ExitCode.OK.code();
            }
            if (what.equals("l1") && lab.layers(o).templates(request.stable() ? dev.ops.lab.layer.Stable.PROMOTE
                    : dev.ops.lab.layer.Stable.KEEP).isEmpty()) {
                ops.out.println("layer L1: every template of the site is built as its manifest says; nothing to do");
                return ExitCode.OK.code();
            }
            Plan plan = request.change(lab, o).plan();
            SavedPlan saved = new SavedPlan(request.kind(), request.vmid(), request.targets(), request.archive(), request.node(), taskId,
                    plan.render(), request.stable());
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
            throw new dev.ops.core.error.ValidationException("ops plan replicate", List.of(new dev.ops.core.error.Violation("VMID",
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
