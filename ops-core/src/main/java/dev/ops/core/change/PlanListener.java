package dev.ops.core.change;

import dev.ops.core.Ops;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Hears about every plan a change makes, for {@code plan()} and for the plan {@code apply()} makes
 * before it runs anything. Implementations are found with {@link ServiceLoader}
 * ({@code META-INF/services/dev.ops.core.change.PlanListener}); ops-testkit registers one that
 * checks that planning changed nothing (the state store, the fake Proxmox servers, sandboxes).
 */
public interface PlanListener {

    /** Before {@code change} starts planning in {@code ops}. */
    default void planning(Change<?> change, Ops ops) {}

    /** After {@code change} planned in {@code ops}, whether or not planning succeeded. */
    default void planned(Change<?> change, Ops ops) {}

    /** The listeners on the class path, loaded once. */
    static List<PlanListener> installed() {
        return Installed.LISTENERS;
    }

    /** Holds the listeners found when first asked for. */
    final class Installed {
        private static final List<PlanListener> LISTENERS = ServiceLoader.load(PlanListener.class, PlanListener.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();

        private Installed() {}
    }
}
