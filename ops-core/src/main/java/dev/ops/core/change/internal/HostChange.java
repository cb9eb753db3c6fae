package dev.ops.core.change.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Host;
import java.util.Objects;

/**
 * The base of a change that acts on one host: its targets are that host, and root is asked of it
 * for every step whose action needs root.
 *
 * @param <T> what applying yields
 * @param <C> what planning hands to {@link #result}; {@link Void} when nothing
 */
public abstract class HostChange<T, C> extends AbstractChange<T, C> {
    protected final Host host;

    protected HostChange(Host host, Ops ops) {
        super(ops);
        this.host = Objects.requireNonNull(host, "host");
    }

    /** The host this change acts on. */
    public final Host host() {
        return host;
    }

    @Override
    protected final Targets targets() {
        return Targets.of(host);
    }
}
