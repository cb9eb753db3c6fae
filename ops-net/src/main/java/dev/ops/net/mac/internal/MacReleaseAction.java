package dev.ops.net.mac.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import dev.ops.net.MacAddress;
import java.util.Objects;

/** Frees {@code mac} when {@code owner} still holds it; needs only the state store. */
public record MacReleaseAction(String mac, String owner) implements Action {

    public MacReleaseAction {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(owner, "owner");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "release " + mac + " of " + owner + " in the state store";
    }

    @Override
    public void execute(Targets targets) {
        MacClaims.releaseHeld(targets.resolve(Targets.STATE_STORE, StateStore.class), MacAddress.parse(mac), owner);
    }
}
