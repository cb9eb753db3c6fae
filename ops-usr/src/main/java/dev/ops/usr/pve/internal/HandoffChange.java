package dev.ops.usr.pve.internal;

import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;

/**
 * A change whose apply may leave a token secret under a hand-off id: whatever the outcome of
 * apply, the hand-off is cleared afterwards, so a secret that no result took does not linger.
 *
 * @param <T> what applying yields
 */
public final class HandoffChange<T> implements Change<T> {
    private final Change<T> inner;
    private final String handoff;

    public HandoffChange(Change<T> inner, String handoff) {
        this.inner = inner;
        this.handoff = handoff;
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public Plan plan() {
        return inner.plan();
    }

    @Override
    public Applied<T> apply() {
        try {
            return inner.apply();
        } finally {
            TokenSecrets.discard(handoff);
        }
    }

    @Override
    public Applied<T> apply(Plan reviewed) {
        try {
            return inner.apply(reviewed);
        } finally {
            TokenSecrets.discard(handoff);
        }
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
