package dev.ops.gpu.device.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Moves one PCI function to a driver the way the kernel documents it for a single device, never by
 * vendor:device id (which would also take an identical second card): set {@code driver_override},
 * unbind from the driver it has, ask {@code drivers_probe} to bind it, check the result, and leave
 * {@code driver_override} as {@code finalOverride} says. Every write is a {@code tee} as root.
 * Stored in the journal as {@code gpu.bind}; its undo is another {@code BindAction} with what was there.
 *
 * @param target the host
 * @param sysfs the sysfs root ({@code /sys})
 * @param address the function's address
 * @param driver the driver to bind: a name, {@link #KERNEL_CHOICE} for whatever the kernel picks, or
 *     empty to leave the function without a driver
 * @param finalOverride what {@code driver_override} holds afterwards; empty for none
 */
public record BindAction(String target, String sysfs, String address, String driver, String finalOverride) implements Action {
    /** {@link #driver()} value meaning: no override, the kernel's own match. */
    public static final String KERNEL_CHOICE = "*";

    public BindAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sysfs, "sysfs");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(finalOverride, "finalOverride");
    }

    @Override
    public boolean needsRoot() {
        return true;
    }

    @Override
    public String render() {
        String to = driver.isEmpty() ? "no driver" : driver.equals(KERNEL_CHOICE) ? "the driver the kernel picks" : driver;
        return "bind " + address + " to " + to + " (driver_override, unbind, drivers_probe under " + sysfs + ")"
                + (finalOverride.equals(driver) ? "" : "; driver_override then " + (finalOverride.isEmpty() ? "cleared" : finalOverride));
    }

    @Override
    public void execute(Targets targets) {
        Host host = targets.host(target);
        String dev = sysfs + "/bus/pci/devices/" + address;
        String now = current(host, dev);
        boolean named = !driver.isEmpty() && !driver.equals(KERNEL_CHOICE);
        String override = named ? driver : "";
        write(host, dev + "/driver_override", override.isEmpty() ? "\n" : override);
        if (!now.isEmpty() && !now.equals(driver)) {
            write(host, sysfs + "/bus/pci/drivers/" + now + "/unbind", address);
        }
        if (!driver.isEmpty() && !now.equals(driver)) {
            write(host, sysfs + "/bus/pci/drivers_probe", address);
        }
        String after = current(host, dev);
        boolean ok = named ? after.equals(driver) : driver.isEmpty() ? after.isEmpty() : !after.isEmpty();
        if (!finalOverride.equals(override)) {
            write(host, dev + "/driver_override", finalOverride.isEmpty() ? "\n" : finalOverride);
        }
        if (!ok) {
            throw new ConflictException("pci " + address, "expected " + (driver.isEmpty() ? "no driver" : driver) + " after binding, found "
                    + (after.isEmpty() ? "no driver" : after) + (named ? " (is the " + driver + " module loaded?)" : ""), false);
        }
    }

    private static String current(Host host, String dev) {
        CommandResult r = host.run(Command.of("readlink", dev + "/driver"));
        if (!r.ok()) {
            return "";
        }
        String t = r.stdoutText().strip();
        return t.substring(t.lastIndexOf('/') + 1);
    }

    private static void write(Host host, String path, String value) {
        host.check(Command.builder().addArgv("tee", path).stdin(value.getBytes(StandardCharsets.UTF_8)).sudo(true).build());
    }
}
