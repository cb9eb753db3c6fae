package dev.ops.srv.discovery.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces a registry record by compare-and-set: only when the store still holds {@code expected}
 * (null: no record) does it write {@code value} (null: remove), so that a registration never
 * overwrites what another controller wrote since it was planned. The undo is the same action with
 * the two swapped.
 *
 * @param target {@link Targets#STATE_STORE}
 * @param key the record's key
 * @param expected the record's text now, or null when there is none
 * @param value the record's text to write, or null to remove it
 */
public record RegistryPutAction(String target, String key, String expected, String value) implements Action {

    public RegistryPutAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String render() {
        return value == null ? "delete " + key : "put " + key + " " + value.strip().replace('\n', ' ');
    }

    @Override
    public void execute(Targets targets) {
        StateStore store = targets.resolve(target, StateStore.class);
        Optional<Versioned> now = store.get(key);
        byte[] expectedBytes = expected == null ? null : expected.getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(now.map(Versioned::value).orElse(null), expectedBytes)) {
            throw new ConflictException(key, "the record changed since the plan: " + now.map(Versioned::text).orElse("(none)"), true);
        }
        boolean done = value == null
                ? now.isEmpty() || store.compareAndDelete(key, now.get().version())
                : store.compareAndSet(key, now.map(Versioned::version).orElse(StateStore.ABSENT), value.getBytes(StandardCharsets.UTF_8));
        if (!done) {
            throw new ConflictException(key, "the record changed while it was written", true);
        }
    }
}
