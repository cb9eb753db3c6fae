package dev.ops.gpu.pve;

import dev.ops.core.error.Violations;
import dev.ops.gpu.pci.PciDevice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Performance settings of a GPU guest: {@code numa=1}, {@code hugepages} ({@code 2}, {@code 1024} or
 * {@code any}; Proxmox needs NUMA for them) and CPU {@code affinity} to the CPUs near the GPU.
 */
public final class GuestTuning {
    private static final Pattern CPUSET = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    private final Map<String, String> values;

    private GuestTuning(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** NUMA on, and the guest's CPUs pinned to those near {@code gpu} (its {@code local_cpulist}), when the host says which. */
    public static GuestTuning forGpu(PciDevice gpu) {
        Builder b = builder().numa(true);
        if (!gpu.localCpus().isEmpty()) {
            b.affinity(gpu.localCpus());
        }
        return b.build();
    }

    /** The config keys and values this tuning sets. */
    public Map<String, String> values() {
        return values;
    }

    /** Builds a {@link GuestTuning}; {@link #build()} checks every value. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder() {}

        /** {@code numa}: expose NUMA topology to the guest. */
        public Builder numa(boolean on) {
            values.put("numa", on ? "1" : "0");
            return this;
        }

        /** {@code hugepages}: {@code 2} (MiB), {@code 1024} (1 GiB) or {@code any}. */
        public Builder hugepages(String size) {
            values.put("hugepages", Objects.requireNonNull(size, "hugepages"));
            return this;
        }

        /** {@code affinity}: the host CPUs the guest's vCPUs run on ({@code 0-7,16-23}). */
        public Builder affinity(String cpus) {
            values.put("affinity", Objects.requireNonNull(cpus, "affinity"));
            return this;
        }

        /** The tuning; a {@link dev.ops.core.error.ValidationException} names every bad value. */
        public GuestTuning build() {
            Violations v = Violations.of("guest tuning");
            v.check(!values.isEmpty(), "tuning", "sets nothing");
            String h = values.get("hugepages");
            if (h != null) {
                v.check(h.equals("2") || h.equals("1024") || h.equals("any"), "hugepages", "must be 2, 1024 or any, not '" + h + "'");
                v.check("1".equals(values.get("numa")), "hugepages", "Proxmox uses hugepages only with numa=1");
            }
            String a = values.get("affinity");
            if (a != null) {
                v.check(CPUSET.matcher(a).matches(), "affinity", "'" + a + "' is not a CPU list (0-7,16-23)");
            }
            v.throwIfAny();
            return new GuestTuning(values);
        }
    }
}
