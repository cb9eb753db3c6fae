package dev.ops.net.mac.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.StoreChange;
import dev.ops.net.MacAddress;
import java.util.List;
import java.util.Optional;

/** Frees a MAC, as a journaled step whose undo claims it again for the same owner; yields whether it was held. */
public final class MacReleaseChange extends StoreChange<Boolean, String> {
    private final MacClaims claims;
    private final MacAddress mac;

    public MacReleaseChange(Ops ops, MacClaims claims, MacAddress mac) {
        super(ops);
        this.claims = claims;
        this.mac = java.util.Objects.requireNonNull(mac, "mac");
    }

    @Override
    public String description() {
        return "release " + mac;
    }

    @Override
    protected Planned<String> planSteps() {
        Optional<String> holder = claims.owner(mac);
        if (holder.isEmpty()) {
            return Planned.<String>none(null).withNote(mac + " is not held");
        }
        return Planned.of(List.of(Step.of("release " + mac + " of " + holder.get(),
                new MacReleaseAction(mac.toString(), holder.get()), new MacClaimAction(mac.toString(), holder.get()))), holder.get());
    }

    @Override
    protected Boolean result(String holder) {
        return holder != null;
    }
}
