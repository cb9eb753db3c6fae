package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.pbs.PbsClient;
import dev.ops.proxmox.internal.ConfigEntryChange;
import java.util.List;
import java.util.Map;

/**
 * Runs a prune, verify or sync job now and awaits its task. PBS answers a UPID although its schema
 * says null (a known erratum); the step awaits it, and a failed run throws as any failed task. What a
 * run did (snapshots pruned or pulled) cannot be undone.
 */
final class JobRunChange extends PbsChange<Boolean, Void> {
    private final String kind;
    private final String id;

    JobRunChange(Ops ops, PbsClient pbs, String kind, String id) {
        super(ops, pbs);
        this.kind = kind;
        this.id = id;
    }

    @Override
    protected String what() {
        return "run " + kind + " job " + id + " now";
    }

    @Override
    protected Planned<Void> planSteps() {
        ConfigEntryChange.Section jobs = JobWire.section(kind);
        boolean known = pbs.api().get(jobs.path(), jobs.listQuery()).elements().stream().anyMatch(e -> id.equals(e.path("id").asText("")));
        if (!known) {
            throw new NotFoundException(kind + " job " + id, "does not exist");
        }
        return Planned.of(List.of(Step.irreversible(what() + " (await its task)", task("POST", "/admin/" + kind + "/{id}/run",
                Map.of("id", id)))));
    }

    @Override
    protected Boolean result(Void none) {
        return true;
    }
}
