package dev.ops.gpu.nvidia;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.gpu.nvidia.internal.NvidiaSettingChange;
import java.util.Objects;

/**
 * Host-side performance settings of NVIDIA GPUs, each a {@link Change} whose rollback puts back the
 * value read at plan time: persistence mode (keeps the driver initialised between jobs) and the
 * power limit.
 *
 * <pre>{@code
 * NvidiaSettings.on(host, ops).gpu("0000:01:00.0").persistenceMode().set(true).apply();
 * NvidiaSettings.on(host, ops).gpu("0000:01:00.0").powerLimit().set(250).apply();
 * }</pre>
 */
public final class NvidiaSettings {
    private final Host host;
    private final Ops ops;

    private NvidiaSettings(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The NVIDIA settings of {@code host}, changed through {@code ops}. */
    public static NvidiaSettings on(Host host, Ops ops) {
        return new NvidiaSettings(host, ops);
    }

    /** The settings of the GPU at {@code address}. */
    public Gpu gpu(String address) {
        return new Gpu(Objects.requireNonNull(address, "address"));
    }

    /** One GPU's settings. */
    public final class Gpu {
        private final String address;

        private Gpu(String address) {
            this.address = address;
        }

        /** Persistence mode, to {@link PersistenceMode#set set}. */
        public PersistenceMode persistenceMode() {
            return new PersistenceMode();
        }

        /** The power limit, to {@link PowerLimit#set set}. */
        public PowerLimit powerLimit() {
            return new PowerLimit();
        }

        /** The persistence mode setting. */
        public final class PersistenceMode {
            private PersistenceMode() {}

            /** The change that turns persistence mode on or off. */
            public Change<NvidiaGpu> set(boolean on) {
                return NvidiaSettingChange.persistence(host, ops, address, on);
            }
        }

        /** The power limit setting. */
        public final class PowerLimit {
            private PowerLimit() {}

            /** The change that sets the power limit to {@code watts}. */
            public Change<NvidiaGpu> set(double watts) {
                return NvidiaSettingChange.powerLimit(host, ops, address, watts);
            }
        }
    }
}
