package dev.ops.pve.cluster;

import java.util.List;

/**
 * What a node needs to join the cluster ({@code GET /cluster/config/join}): the cluster's name, the
 * node to join through, the config digest, and each member's address and certificate fingerprint.
 *
 * @param clusterName the cluster's name
 * @param preferredNode the node to send the join to
 * @param configDigest the digest of the corosync config the join is made against
 * @param members the nodes of the cluster
 */
public record JoinInfo(String clusterName, String preferredNode, String configDigest, List<Member> members) {

    public JoinInfo {
        members = List.copyOf(members);
    }

    /** The fingerprint of {@code node}'s certificate, for the join's {@code fingerprint}. */
    public java.util.Optional<String> fingerprintOf(String node) {
        return members.stream().filter(m -> m.name().equals(node)).map(Member::fingerprint).findFirst();
    }

    /**
     * One member of the cluster.
     *
     * @param name the node's name
     * @param nodeid its corosync node id
     * @param address its address for the API and the cluster network
     * @param fingerprint the SHA-256 fingerprint of its certificate
     */
    public record Member(String name, int nodeid, String address, String fingerprint) {}
}
