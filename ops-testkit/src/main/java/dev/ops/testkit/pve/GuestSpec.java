package dev.ops.testkit.pve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The seed of a VM or container: its config keys (as in the guest's {@code .conf} file) and power state.
 * Filled by the lambda given to {@link PveFakeServer.Builder#vm} or {@link PveFakeServer.Builder#container}.
 */
public final class GuestSpec {

    private final Map<String, String> config = new LinkedHashMap<>();
    private boolean running;
    private String name;
    private String pool;

    GuestSpec() {}

    /** Sets the name (qemu {@code name}, lxc {@code hostname}). */
    public GuestSpec name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Sets a config key, e.g. {@code set("memory", "2048")} or {@code set("scsi0", "local-lvm:32")}. */
    public GuestSpec set(String key, String value) {
        config.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Marks the guest as a template ({@code template: 1}). */
    public GuestSpec template() {
        config.put("template", "1");
        return this;
    }

    /** Puts the guest in a pool the builder seeds with {@link PveFakeServer.Builder#pool}. */
    public GuestSpec pool(String poolid) {
        this.pool = Objects.requireNonNull(poolid, "poolid");
        return this;
    }

    /** Seeds the guest as running. */
    public GuestSpec running() {
        running = true;
        return this;
    }

    Map<String, String> config() {
        return config;
    }

    String nameOrNull() {
        return name;
    }

    String poolOrNull() {
        return pool;
    }

    boolean isRunning() {
        return running;
    }
}
