package dev.ops.sys.sysctl;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import java.util.Objects;

/**
 * Kernel parameters of a host: read live values, set them live, persist them as a drop-in under
 * /etc/sysctl.d. Setting is a {@link Change}: its rollback restores the old live value and the old
 * drop-in file (or removes the one it created).
 *
 * <pre>{@code
 * String v = Sysctl.on(host).read("net.ipv4.ip_forward");
 * Applied<SysctlValue> done = Sysctl.on(host).key("net.ipv4.ip_forward").value("1").persist().change().apply();
 * }</pre>
 */
public final class Sysctl {
    private final Host host;
    /** The runtime for changes; null until one is needed, then {@link Ops#defaults()} (reads never touch the state store). */
    private final Ops ops;

    private Sysctl(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = ops;
    }

    /** Sysctls of this host, changed through {@link Ops#defaults()}. */
    public static Sysctl on(Host host) {
        return new Sysctl(host, null);
    }

    /** Sysctls of this host, changed through the given runtime. */
    public static Sysctl on(Host host, Ops ops) {
        return new Sysctl(host, Objects.requireNonNull(ops, "ops"));
    }

    /** The live value of {@code key}, whitespace normalized; {@link UnknownSysctlKeyException} when the kernel lacks it. */
    public String read(String key) {
        Violations.of("sysctl key").check(SysctlKeys.valid(key), "key", "'" + key + "' is not a sysctl key").throwIfAny();
        return SysctlKeys.normalize(new String(host.readFile("/proc/sys/" + SysctlKeys.path(key), false)
                .orElseThrow(() -> new UnknownSysctlKeyException(host.name(), key)), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Starts a change of one key. */
    public KeySetting key(String key) {
        return new KeySetting(host, ops, key, null, false, null);
    }

    /** The desired state of one key; immutable, each call returns a new one. */
    public static final class KeySetting {
        private final Host host;
        private final Ops ops;
        private final String key;
        private final String value;
        private final boolean persist;
        private final String fileName;

        private KeySetting(Host host, Ops ops, String key, String value, boolean persist, String fileName) {
            this.host = host;
            this.ops = ops;
            this.key = key;
            this.value = value;
            this.persist = persist;
            this.fileName = fileName;
        }

        /** The value to set (for multi-field keys, fields separated by spaces). */
        public KeySetting value(String value) {
            return new KeySetting(host, ops, key, value, persist, fileName);
        }

        /** Also persist the value in {@code /etc/sysctl.d/90-ops-<key>.conf}. */
        public KeySetting persist() {
            return new KeySetting(host, ops, key, value, true, null);
        }

        /** Also persist the value in {@code /etc/sysctl.d/<fileName>} (a name ending in {@code .conf}). */
        public KeySetting persist(String fileName) {
            return new KeySetting(host, ops, key, value, true, fileName);
        }

        /** The change: set live, and write the drop-in when persisting. */
        public Change<SysctlValue> change() {
            String file = !persist ? null
                    : "/etc/sysctl.d/" + (fileName != null ? fileName : "90-ops-" + (key == null ? "" : SysctlKeys.dotted(key)) + ".conf");
            return new SysctlChange(ops != null ? ops : Ops.defaults(), host, key, value, file, fileName);
        }
    }
}
