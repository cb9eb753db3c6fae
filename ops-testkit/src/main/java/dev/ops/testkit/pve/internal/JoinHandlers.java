package dev.ops.testkit.pve.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Joining a cluster ({@code POST /cluster/config/join}), as pve-cluster does it: the node's own
 * checks before the task (already in a cluster, guests on the node; {@code force} turns them into
 * warnings), then a {@code clusterjoin} task that authenticates as {@code root@pam} on the peer,
 * compares the peer's certificate fingerprint, and on success makes the node a member: the peer
 * lists it, and it answers with the cluster's name and nodes.
 */
final class JoinHandlers extends HandlerSection {

    JoinHandlers(Cluster cluster, Views views) {
        super(cluster, views);
    }

    @Override
    void routes() {
        on("POST", "/cluster/config/join", this::join);
    }

    private Object join(Call c) {
        String self = cluster.nodes.keySet().iterator().next();
        boolean force = c.flag("force", false);
        List<String> errors = new ArrayList<>();
        if (cluster.clustered()) {
            errors.add("corosync config '/etc/pve/corosync.conf' already exists");
        }
        if (!cluster.guests.isEmpty()) {
            errors.add("this host already contains virtual guests");
        }
        if (!errors.isEmpty() && !force) {
            throw ApiError.die("detected the following error(s):\n* " + String.join("\n* ", errors) + "\nCheck if node may join a cluster failed!");
        }
        Task t = cluster.startTask(self, "clusterjoin", "", c.user());
        errors.forEach(e -> t.log.add("WARN: " + e));
        JoinPeer peer = cluster.joinPeer;
        String failure = failure(peer, c.req("hostname"), c.req("fingerprint"), c.req("password"), self, force);
        if (failure == null) {
            t.onSuccess(() -> becomeMember(peer, self));
        }
        return cluster.schedule(t, failure);
    }

    /** Why the task fails, or null when the join succeeds. */
    private static String failure(JoinPeer peer, String hostname, String fingerprint, String password, String self, boolean force) {
        if (peer == null) {
            return "unable to connect to " + hostname + ":8006 - No route to host";
        }
        synchronized (peer.cluster()) {
            Cluster.Node via = peer.cluster().nodes.values().stream().filter(n -> n.ip.equals(hostname) || n.name.equals(hostname))
                    .findFirst().orElse(null);
            if (via == null) {
                return "unable to connect to " + hostname + ":8006 - No route to host";
            }
            if (!fingerprint.equalsIgnoreCase(OperatorHandlers.fingerprint(via.name))) {
                return "Certificate SHA 256 fingerprint of " + hostname + " does not match: got " + OperatorHandlers.fingerprint(via.name);
            }
            Auth.User root = peer.auth().users().get("root@pam");
            if (root == null || !root.password.equals(password)) {
                return "500 Unable to authenticate to " + hostname + ": 401 authentication failure";
            }
            if (peer.cluster().nodes.containsKey(self) && !force) {
                return "node " + self + " already defined";
            }
            return null;
        }
    }

    private void becomeMember(JoinPeer peer, String self) {
        synchronized (peer.cluster()) {
            if (!peer.cluster().nodes.containsKey(self)) {
                peer.cluster().addNode(self);
            }
            peer.cluster().changed();
            cluster.clusterName = peer.cluster().clusterName;
            for (String n : peer.cluster().nodes.keySet()) {
                if (!cluster.nodes.containsKey(n)) {
                    cluster.addNode(n);
                }
            }
        }
    }
}
