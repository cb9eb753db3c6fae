package dev.ops.net.mac.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** Claims {@code mac} for {@code owner} with compare-and-set; a conflict naming the holder when someone else has it. */
public record MacClaimAction(String mac, String owner) implements Action {

    public MacClaimAction {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(owner, "owner");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "claim " + mac + " for " + owner + " in the state store (compare-and-set)";
    }

    @Override
    public void execute(Targets targets) {
        StateStore store = targets.resolve(Targets.STATE_STORE, StateStore.class);
        String key = MacClaims.key(dev.ops.net.MacAddress.parse(mac));
        Optional<Versioned> now = store.get(key);
        if (now.isPresent() && now.get().text().equals(owner)) {
            return;
        }
        if (now.isPresent() || !store.compareAndSet(key, StateStore.ABSENT, owner.getBytes(StandardCharsets.UTF_8))) {
            throw new ConflictException("mac/" + mac, "already held by " + store.get(key).map(Versioned::text).orElse("another owner"), false);
        }
    }
}
