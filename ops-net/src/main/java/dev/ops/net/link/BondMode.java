package dev.ops.net.link;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import java.util.Arrays;
import java.util.Optional;

/** The bonding modes ops creates, by their kernel names. */
public enum BondMode {
    /** Round-robin over the slaves. */
    BALANCE_RR("balance-rr"),
    /** One active slave, the others on standby. */
    ACTIVE_BACKUP("active-backup"),
    /** IEEE 802.3ad dynamic link aggregation (LACP). */
    LACP("802.3ad");

    private final String kernelName;

    BondMode(String kernelName) {
        this.kernelName = kernelName;
    }

    /** The name {@code ip} and {@code /etc/network/interfaces} use. */
    public String kernelName() {
        return kernelName;
    }

    /** The mode of that kernel name, if ops knows it. */
    public static Optional<BondMode> fromKernelName(String name) {
        return Arrays.stream(values()).filter(m -> m.kernelName.equals(name)).findFirst();
    }

    /** The mode of that kernel name; a {@link ValidationException} when unknown. */
    public static BondMode parse(String name) {
        return fromKernelName(name).orElseThrow(() -> new ValidationException("bond mode",
                Violations.of("bond mode").add("mode", "'" + name + "' is not one of balance-rr, active-backup, 802.3ad").list()));
    }
}
