package dev.ops.testkit.pve.internal;

/**
 * The cluster a fake node in no cluster joins: its state and users (the join authenticates as
 * {@code root@pam} there) and the certificate fingerprints its join information shows.
 *
 * @param cluster the cluster's state
 * @param auth its users
 */
public record JoinPeer(Cluster cluster, Auth auth) {}
