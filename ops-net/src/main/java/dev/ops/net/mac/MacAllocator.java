package dev.ops.net.mac;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.net.MacAddress;
import dev.ops.net.mac.internal.MacChange;
import dev.ops.net.mac.internal.MacClaims;
import dev.ops.net.mac.internal.MacReleaseChange;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Hands out locally administered unicast MACs under the prefix {@code 02:00:00}, random or
 * derived from node and resource ids, each claimed in the state store of {@link Ops} with
 * compare-and-set ({@code net/mac/020000xxxxxx}) so that no two owners ever get the same one.
 * Every claim and release is a {@link Change} whose undo gives back what it took.
 *
 * <pre>{@code
 * MacAllocator macs = MacAllocator.on(ops);
 * MacAddress a = macs.random("vm/101/net0").apply().value();            // drawn at apply
 * MacAddress b = macs.derived("node-02", "vm/102/net0").apply().value(); // the same every time for that pair
 * }</pre>
 */
public final class MacAllocator {
    /** The key prefix of MAC claims. */
    public static final String PREFIX = MacClaims.PREFIX;
    /** The prefix of every generated MAC: locally administered, unicast. */
    public static final long OUI = MacClaims.OUI;

    private final Ops ops;
    private final MacClaims claims;
    private final String target;

    private MacAllocator(Ops ops, MacClaims claims) {
        this.ops = Objects.requireNonNull(ops, "ops");
        this.claims = claims;
        this.target = "macs@" + Integer.toHexString(System.identityHashCode(claims));
    }

    /** An allocator over {@code ops}'s state store, drawing with a secure random source. */
    public static MacAllocator on(Ops ops) {
        return new MacAllocator(ops, MacClaims.create(ops.store()));
    }

    /** The same allocator drawing from {@code random} (seeded in tests). */
    public MacAllocator withRandom(RandomGenerator random) {
        return new MacAllocator(ops, claims.withRandom(random));
    }

    /** A fresh random MAC claimed for {@code owner}, drawn at apply; a conflict if 64 draws all collide. */
    public Change<MacAddress> random(String owner) {
        return new MacChange(ops, claims, target, null, owner);
    }

    /**
     * The MAC derived from {@code node} and {@code resourceId} (SHA-256, low 24 bits), claimed for
     * {@code node/resourceId}: asking again yields the same MAC and plans nothing; the plan fails
     * with a conflict naming the other owner if it collides with one.
     */
    public Change<MacAddress> derived(String node, String resourceId) {
        Violations v = Violations.of("derived MAC");
        v.check(node != null && !node.isBlank(), "node", "must not be blank");
        v.check(resourceId != null && !resourceId.isBlank(), "resourceId", "must not be blank");
        v.throwIfAny();
        return new MacChange(ops, claims, target, derive(node, resourceId), node + "/" + resourceId);
    }

    /** The MAC {@link #derived} would give, without claiming it. */
    public static MacAddress derive(String node, String resourceId) {
        return MacClaims.derive(node, resourceId);
    }

    /**
     * Claims a given MAC (e.g. one a VM already has) for {@code owner}; nothing is planned when the
     * owner holds it, the plan fails with a conflict for another. Multicast MACs are refused.
     */
    public Change<MacAddress> claim(MacAddress mac, String owner) {
        return new MacChange(ops, claims, target, Objects.requireNonNull(mac, "mac"), owner);
    }

    /** Claims the MAC written in {@code text}; a {@link ValidationException} when it is not a MAC. */
    public Change<MacAddress> claim(String text, String owner) {
        return claim(MacAddress.parse(text), owner);
    }

    /** Frees {@code mac}; yields whether it was held. The undo claims it again for its owner. */
    public Change<Boolean> release(MacAddress mac) {
        return new MacReleaseChange(ops, claims, mac);
    }

    /** Who holds {@code mac}, if anyone. */
    public Optional<String> owner(MacAddress mac) {
        return claims.owner(mac);
    }
}
