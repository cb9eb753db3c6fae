package dev.ops.core.change;

import dev.ops.core.error.NotFoundException;
import dev.ops.core.host.Host;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves the target names that actions carry to live objects: hosts, API clients. A normal
 * apply builds it from the change's own hosts; {@code Journal.recover} needs one from the caller,
 * since a fresh JVM has no hosts until it is given them.
 */
public final class Targets {
    /**
     * The name of the {@link dev.ops.core.store.StateStore} of {@link dev.ops.core.Ops}: actions
     * that reserve or release something in the store (addresses, MACs, names, VMIDs) name it as
     * their target. The journal knows it in every rollback and recovery, so such an undo never
     * needs the caller's targets.
     */
    public static final String STATE_STORE = "ops#store";

    private final Map<String, Object> byName;

    private Targets(Map<String, Object> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** Targets for the given hosts, by their names. */
    public static Targets of(Host... hosts) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Host h : hosts) {
            m.put(h.name(), h);
        }
        return new Targets(m);
    }

    /** No targets at all. */
    public static Targets none() {
        return new Targets(Map.of());
    }

    /** These targets plus {@code value} under {@code name}. */
    public Targets with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(byName);
        m.put(name, value);
        return new Targets(m);
    }

    /** These targets plus {@code store} under {@link #STATE_STORE}. */
    public Targets withStore(dev.ops.core.store.StateStore store) {
        return with(STATE_STORE, store);
    }

    /** These targets plus a host under its own name. */
    public Targets with(Host host) {
        return with(host.name(), host);
    }

    /** These targets and all of {@code others}; where both know a name, this one's target is kept. */
    public Targets withAll(Targets others) {
        Map<String, Object> m = new LinkedHashMap<>(byName);
        others.byName.forEach(m::putIfAbsent);
        return new Targets(m);
    }

    /** The host of that name. */
    public Host host(String name) {
        return resolve(name, Host.class);
    }

    /** The target of that name and type. */
    public <T> T resolve(String name, Class<T> type) {
        Object o = byName.get(name);
        if (!type.isInstance(o)) {
            throw new NotFoundException("target " + name, "no " + type.getSimpleName() + " of that name is known here; known: " + byName.keySet());
        }
        return type.cast(o);
    }

    /** The names known. */
    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
