package dev.ops.net.ipam;

import dev.ops.core.error.ConflictException;

/** A pool has no free address left. Not retryable: only a release or a bigger range helps. */
public class AddressExhaustedException extends ConflictException {
    private final String node;
    private final Pool pool;

    public AddressExhaustedException(String node, Pool pool, IpRange range) {
        super("ip/" + node + "/" + pool.configName(), "every address of " + range + " is allocated", false);
        this.node = node;
        this.pool = pool;
    }

    /** The node. */
    public String node() {
        return node;
    }

    /** The exhausted pool. */
    public Pool pool() {
        return pool;
    }
}
