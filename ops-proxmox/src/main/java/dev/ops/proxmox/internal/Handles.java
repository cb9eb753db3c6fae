package dev.ops.proxmox.internal;

import dev.ops.proxmox.ProxmoxClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Makes the read handles (nodes, guests, storages...) whose constructors are not public: each
 * handle class registers its maker here when it is initialized, and ops-pve's own code in other
 * packages makes handles through {@link #make}. Callers get handles from {@link dev.ops.proxmox.ProxmoxClient}.
 */
public final class Handles {
    private static final Map<Class<?>, Function<Object[], ?>> MAKERS = new ConcurrentHashMap<>();

    private Handles() {}

    /** Called once by {@code type}'s static initializer; a second registration is ignored. */
    public static <T> void register(Class<T> type, Function<Object[], T> maker) {
        MAKERS.putIfAbsent(type, maker);
    }

    /** A new {@code type} made from {@code args}, in the order of its constructor. */
    public static <T> T make(Class<T> type, Object... args) {
        Function<Object[], ?> maker = MAKERS.get(type);
        if (maker == null) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
            maker = MAKERS.get(type);
            if (maker == null) {
                throw new IllegalStateException(type.getName() + " registers no maker");
            }
        }
        return type.cast(maker.apply(args));
    }
}
