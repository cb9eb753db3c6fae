package dev.ops.pve.node.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.proxmox.ListAnswer;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.node.NetworkInterface;
import java.util.List;
import java.util.Map;

/**
 * Makes a node's staged network live ({@code PUT /nodes/{node}/network}, an {@code ifreload}) or
 * drops it ({@code DELETE}, a revert). The plan shows the pending diff; with nothing pending,
 * nothing is planned. Neither can be undone by the API: to go back, stage the old interfaces and
 * apply again.
 */
public final class NetworkApplyChange extends PveChange<String, String> {
    private final String node;
    private final boolean apply;

    public NetworkApplyChange(Ops ops, PveClient client, String node, boolean apply) {
        super(ops, client);
        this.node = node;
        this.apply = apply;
    }

    @Override
    protected String what() {
        return (apply ? "apply" : "revert") + " the staged network of " + node;
    }

    @Override
    protected Planned<String> planSteps() {
        ListAnswer<NetworkInterface> now = client.api().listAnswer("/nodes/{node}/network", Map.of("node", node), NetworkInterface.class);
        String pending = now.field("changes").map(v -> v.asText()).orElse("");
        if (pending.isEmpty()) {
            return Planned.<String>none("").withNote("no network changes are pending on " + node);
        }
        Step step = apply ? Step.irreversible("apply the staged network of " + node + " (ifreload)",
                task("PUT", "/nodes/{node}/network", Map.of("node", node)))
                : Step.irreversible("drop the staged network changes of " + node, call("DELETE", "/nodes/{node}/network", Map.of("node", node)));
        return Planned.of(List.of(step), pending).withNote("pending:\n" + pending.strip());
    }

    @Override
    protected String result(String pending) {
        return pending;
    }
}
