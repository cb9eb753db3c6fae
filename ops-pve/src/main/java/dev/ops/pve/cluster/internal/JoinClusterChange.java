package dev.ops.pve.cluster.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.cluster.ClusterStatusEntry;
import dev.ops.pve.cluster.JoinRequest;
import dev.ops.pve.cluster.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the node the client speaks to into a cluster. The plan refuses, as the node's own checks
 * would, a node that is in a cluster already or holds guests (unless forced); the step cannot be
 * undone through the API. Yields the cluster's name.
 */
public final class JoinClusterChange extends PveChange<String, Void> {
    private final JoinRequest request;

    public JoinClusterChange(Ops ops, PveClient client, JoinRequest request) {
        super(ops, client);
        this.request = request;
    }

    @Override
    protected String what() {
        return "join the cluster through " + request.peer();
    }

    @Override
    protected Planned<Void> planSteps() {
        List<ClusterStatusEntry> status = client.cluster().status();
        String self = status.stream().filter(e -> e.type().equals("node") && e.local()).map(ClusterStatusEntry::name).findFirst()
                .orElseGet(() -> status.stream().filter(e -> e.type().equals("node")).map(ClusterStatusEntry::name).findFirst().orElse("?"));
        status.stream().filter(e -> e.type().equals("cluster")).findFirst().ifPresent(c -> {
            if (!request.force()) {
                throw new ConflictException("node " + self, "is already in cluster " + c.name()
                        + "; a node leaves a cluster only through 'pvecm delnode' on a remaining member", false);
            }
        });
        List<String> guests = client.cluster().resources(ResourceType.VM).stream().map(r -> String.valueOf(r.vmid().orElse(0))).toList();
        if (!guests.isEmpty() && !request.force()) {
            throw new ConflictException("node " + self, "holds guests " + guests
                    + "; Proxmox refuses to join a node with guests (their ids could clash in the cluster): move or remove them first", false);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hostname", request.peer());
        p.put("fingerprint", request.fingerprint());
        p.put("password", request.password().reveal());
        request.links().forEach((n, link) -> p.put("link" + n, link));
        request.nodeId().ifPresent(id -> p.put("nodeid", id));
        request.votes().ifPresent(n -> p.put("votes", n));
        if (request.force()) {
            p.put("force", 1);
        }
        return Planned.<Void>of(List.of(Step.irreversible("join node " + self + " to the cluster through " + request.peer()
                + " (certificate " + request.fingerprint().substring(0, 11) + "...)", task("POST", "/cluster/config/join", p))))
                .withNote("cannot be undone through the API: to leave, shut node " + self
                        + " down and run 'pvecm delnode " + self + "' on a remaining member");
    }

    @Override
    protected String result(Void none) {
        return client.cluster().status().stream().filter(e -> e.type().equals("cluster")).map(ClusterStatusEntry::name).findFirst().orElse("");
    }
}
