package dev.ops.lab.safety.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.lab.catalog.internal.SnapshotRecordAction;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.pve.guest.Guest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The retention of a guest's safety snapshots: deletes the ones named (the caller chose them), each
 * step irreversible. Its description starts with {@code retention}, which the site's policy
 * {@code prohibited_actions.delete_safety_snapshot} lets through and nothing else.
 */
public final class RetentionChange extends AbstractChange<List<String>, Void> {
    private final PveClient client;
    private final Guest guest;
    private final List<String> names;
    private final List<Map.Entry<SnapshotRecordAction, SnapshotRecordAction>> records;

    /**
     * @param names the snapshots to delete
     * @param records for each catalog record of those, the action marking it pruned and the one putting it back
     */
    public RetentionChange(Ops ops, PveClient client, Guest guest, List<String> names,
            List<Map.Entry<SnapshotRecordAction, SnapshotRecordAction>> records) {
        super(ops);
        this.client = client;
        this.guest = guest;
        this.names = List.copyOf(names);
        this.records = List.copyOf(records);
    }

    @Override
    public String description() {
        return "retention of the safety snapshots of " + guest + ": delete " + String.join(", ", names);
    }

    @Override
    protected Planned<Void> planSteps() {
        List<Step> steps = new ArrayList<>();
        for (String name : names) {
            if (guest.snapshots().get(name).isPresent()) {
                steps.add(Step.irreversible("delete safety snapshot " + name + " of " + guest + " (retention)",
                        ApiCallAction.of(client, "DELETE", "/nodes/{node}/" + guest.type().segment() + "/{vmid}/snapshot/{snapname}",
                                Map.of("node", guest.node(), "vmid", guest.vmid(), "snapname", name), true, false)));
            }
        }
        records.forEach(r -> steps.add(Step.of(r.getKey().render(), r.getKey(), r.getValue())));
        return Planned.of(steps, null);
    }

    @Override
    protected Targets targets() {
        return client.targets(ops).withStore(ops.store());
    }

    @Override
    protected List<String> result(Void none) {
        return names.stream().filter(n -> guest.snapshots().get(n).isEmpty()).toList();
    }
}
