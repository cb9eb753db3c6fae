package dev.ops.core.change.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Targets;

/**
 * The base of a change that acts only on the state store of its {@link Ops}: reserving an address,
 * a MAC, a name or an id, and releasing it. Its target is the store under
 * {@link Targets#STATE_STORE}, which every rollback and recovery knows without being told, so a
 * reservation interrupted by a crash is released by a fresh JVM given no targets at all.
 *
 * @param <T> what applying yields
 * @param <C> what planning hands to {@link #result}; {@link Void} when nothing
 */
public abstract class StoreChange<T, C> extends AbstractChange<T, C> {

    protected StoreChange(Ops ops) {
        super(ops);
    }

    @Override
    protected Targets targets() {
        return Targets.none().withStore(ops.store());
    }
}
