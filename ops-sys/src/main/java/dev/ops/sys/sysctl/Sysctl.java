package dev.ops.sys.sysctl;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.sys.sysctl.internal.SysctlChange;
import java.util.Objects;
import java.util.Optional;

/**
 * Kernel parameters of a host: read live values, set them live, persist them as a drop-in under
 * /etc/sysctl.d. Setting is a {@link Change}: its rollback restores the old live value and the old
 * drop-in file (or removes the one it created).
 *
 * <pre>{@code
 * Optional<String> v = Sysctl.on(host, ops).get("net.ipv4.ip_forward");
 * Applied<SysctlValue> done = Sysctl.on(host, ops).key("net.ipv4.ip_forward").persist().set("1").apply();
 * }</pre>
 */
public final class Sysctl {
    private final Host host;
    private final Ops ops;

    private Sysctl(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** Sysctls of {@code host}, changed through {@code ops}. */
    public static Sysctl on(Host host, Ops ops) {
        return new Sysctl(host, ops);
    }

    /** The live value of {@code key}, whitespace normalized; empty when the kernel lacks the key. */
    public Optional<String> get(String key) {
        Violations.of("sysctl key").check(SysctlKeys.valid(key), "key", "'" + key + "' is not a sysctl key").throwIfAny();
        return SysctlChange.live(host, key);
    }

    /** One key, to {@link KeySetting#set set}. */
    public KeySetting key(String key) {
        return new KeySetting(host, ops, key, false, Optional.empty());
    }

    /** How one key is set: live only, or also persisted; immutable, each call returns a new one. */
    public static final class KeySetting {
        private final Host host;
        private final Ops ops;
        private final String key;
        private final boolean persist;
        private final Optional<String> fileName;

        private KeySetting(Host host, Ops ops, String key, boolean persist, Optional<String> fileName) {
            this.host = host;
            this.ops = ops;
            this.key = key;
            this.persist = persist;
            this.fileName = fileName;
        }

        /** Also persist the value in {@code /etc/sysctl.d/90-ops-<key>.conf}. */
        public KeySetting persist() {
            return new KeySetting(host, ops, key, true, Optional.empty());
        }

        /** Also persist the value in {@code /etc/sysctl.d/<fileName>} (a name ending in {@code .conf}). */
        public KeySetting persist(String fileName) {
            return new KeySetting(host, ops, key, true, Optional.of(Objects.requireNonNull(fileName, "fileName")));
        }

        /**
         * The change that sets the key to {@code value} (for multi-field keys, fields separated by
         * spaces) live, and in the drop-in when persisting; yields the live value after apply.
         */
        public Change<SysctlValue> set(String value) {
            return SysctlChange.of(host, ops, key, value, persist, fileName);
        }
    }
}
