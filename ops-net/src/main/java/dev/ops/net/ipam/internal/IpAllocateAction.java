package dev.ops.net.ipam.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.net.IpFamily;
import dev.ops.net.ipam.Pool;
import java.util.List;
import java.util.Objects;

/**
 * Allocates the lowest free address of {@code pool} in the node's subnet of {@code family} to
 * {@code owner}, marked with {@code claim} (an owner that already holds one keeps it, unmarked).
 *
 * @param target the name of the allocating {@link IpamEngine} in {@link Targets}
 */
public record IpAllocateAction(String target, String node, Pool pool, IpFamily family, String owner, String claim) implements Action {

    public IpAllocateAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(claim, "claim");
    }

    @Override
    public String render() {
        return "allocate the lowest free " + pool.configName() + " address of " + node + " (" + family + ") to " + owner
                + " in the state store (compare-and-set)";
    }

    @Override
    public void execute(Targets targets) {
        targets.resolve(target, IpamEngine.class).allocateAll(node, pool, family, List.of(owner), claim);
    }
}
