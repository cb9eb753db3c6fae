package dev.ops.net.mac.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.change.internal.StoreChange;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.Violations;
import dev.ops.net.MacAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A MAC claimed for an owner at apply, as a journaled step whose undo frees it: a given one (a
 * derived MAC, or one a guest already has), or a random one drawn at apply. A given MAC another
 * owner holds fails the plan with a {@link ConflictException}; one the owner holds plans nothing.
 */
public final class MacChange extends StoreChange<MacAddress, Void> {
    private final MacClaims claims;
    private final String target;
    private final MacAddress mac;
    private final String owner;
    private final String claim = UUID.randomUUID().toString();

    /** A change that claims {@code mac}, or draws a random one when {@code mac} is null. */
    public MacChange(Ops ops, MacClaims claims, String target, MacAddress mac, String owner) {
        super(ops);
        this.claims = claims;
        this.target = target;
        this.mac = mac;
        this.owner = owner;
    }

    @Override
    public String description() {
        return (mac == null ? "claim a random MAC" : "claim " + mac) + " for " + owner;
    }

    @Override
    protected void validate(Violations v) {
        v.check(owner != null && !owner.isBlank() && owner.length() <= 200, "owner", "must be 1-200 characters");
        v.check(mac == null || !mac.isMulticast(), "mac", mac + " is a multicast address");
    }

    @Override
    protected Planned<Void> planSteps() {
        if (mac == null) {
            return Planned.of(List.of(Step.of("claim a random MAC under 02:00:00 for " + owner + " (drawn at apply)",
                    new MacRandomAction(target, owner, claim), new MacReleaseClaimAction(claim))), null);
        }
        Optional<String> holder = claims.owner(mac);
        if (holder.isPresent()) {
            if (!holder.get().equals(owner)) {
                throw new ConflictException("mac/" + mac, "already held by " + holder.get(), false);
            }
            return Planned.<Void>none(null).withNote(owner + " already holds " + mac);
        }
        return Planned.of(List.of(Step.of("claim " + mac + " for " + owner,
                new MacClaimAction(mac.toString(), owner), new MacReleaseAction(mac.toString(), owner))), null);
    }

    @Override
    protected Targets targets() {
        return super.targets().with(target, claims);
    }

    @Override
    protected MacAddress result(Void none) {
        return mac != null ? mac : claims.claimed(claim).orElseThrow(() -> new OpsException("no MAC was drawn for " + owner));
    }
}
