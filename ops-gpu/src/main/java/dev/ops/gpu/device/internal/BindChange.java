package dev.ops.gpu.device.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.gpu.device.GpuBinding;
import dev.ops.gpu.device.GpuInUseException;
import dev.ops.gpu.pci.DeviceUser;
import dev.ops.gpu.pci.Pci;
import dev.ops.gpu.pci.PciAddress;
import dev.ops.gpu.pci.PciDevice;
import dev.ops.gpu.pci.PciTopology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detaches a GPU and its sibling functions from their host drivers to vfio-pci, or attaches them
 * back; built by {@link dev.ops.gpu.device.Gpus}. Each function is one {@link BindAction} step whose
 * undo binds the driver it had and restores its {@code driver_override}. Refused while processes hold
 * the GPU, unless forced (then the plan names them).
 */
public final class BindChange extends HostChange<GpuBinding, Void> {
    private static final String VFIO = "vfio-pci";

    private final String sysfs;
    private final String procfs;
    private final String address;
    /** The driver for the GPU function: vfio-pci to detach, a name or {@link BindAction#KERNEL_CHOICE} to attach. */
    private final String driver;
    private final boolean force;

    private BindChange(Host host, Ops ops, String sysfs, String procfs, String address, String driver, boolean force) {
        super(host, ops);
        this.sysfs = sysfs;
        this.procfs = procfs;
        this.address = address;
        this.driver = driver;
        this.force = force;
    }

    /** Moves the slot of {@code address} to vfio-pci. */
    public static Change<GpuBinding> detach(Host host, Ops ops, String sysfs, String procfs, String address, boolean force) {
        return new BindChange(host, ops, sysfs, procfs, address, VFIO, force);
    }

    /** Moves the slot of {@code address} back to host drivers: {@code driver} for the GPU, the kernel's choice for its siblings. */
    public static Change<GpuBinding> attach(Host host, Ops ops, String sysfs, String procfs, String address, String driver, boolean force) {
        return new BindChange(host, ops, sysfs, procfs, address, driver, force);
    }

    private boolean detaching() {
        return driver.equals(VFIO);
    }

    @Override
    public String description() {
        return (detaching() ? "detach GPU " + address + " for passthrough" : "attach GPU " + address + " to "
                + (driver.equals(BindAction.KERNEL_CHOICE) ? "its host driver" : driver)) + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        try {
            PciAddress.parse(address, "address");
        } catch (dev.ops.core.error.ValidationException e) {
            e.violations().forEach(x -> v.add(x.field(), x.message()));
        }
        v.check(driver.equals(BindAction.KERNEL_CHOICE) || driver.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}"), "driver",
                "'" + driver + "' is not a driver name");
    }

    @Override
    protected Planned<Void> planSteps() {
        PciAddress at = PciAddress.parse(address, "address");
        PciTopology t = Pci.on(host).sysfs(sysfs).procfs(procfs).pciIds(List.of()).asRoot().topology();
        PciDevice gpu = Inspection.requireGpu(t, at, host.name(), "address");
        List<PciDevice> slot = new ArrayList<>();
        slot.add(gpu);
        slot.addAll(t.siblings(at));
        Violations v = Violations.of("GPU slot " + at.slot());
        for (PciDevice d : slot) {
            var c = d.pciClass();
            v.check(c.isDisplay() || c.isAudio() || c.isUsb() || c.isSerialBus(), d.address().toString(),
                    d.label() + " shares the GPU's slot but is not a GPU function; refusing to move it");
        }
        v.throwIfAny();
        List<String> notes = new ArrayList<>();
        List<DeviceUser> users = slot.stream().flatMap(d -> t.usersOf(d.address()).stream()).distinct().toList();
        boolean moves = slot.stream().anyMatch(d -> !d.driver().isEmpty() && !target(d, gpu).equals(d.driver()));
        if (!users.isEmpty() && moves) {
            if (!force) {
                throw new GpuInUseException(at.toString(), users);
            }
            notes.add("forced while in use: " + users + " (the kernel blocks the unbind until they let go)");
        }
        List<Step> steps = new ArrayList<>();
        String wanted = detaching() ? VFIO : driver;
        if (!wanted.equals(BindAction.KERNEL_CHOICE) && !t.drivers().contains(wanted)) {
            steps.add(Step.irreversible("load " + wanted, CommandAction.of(host.name(), Command.of("modprobe", wanted).asRoot())));
            notes.add(wanted + " is loaded and stays loaded after a rollback");
        }
        for (PciDevice d : slot) {
            String to = target(d, gpu);
            String finalOverride = detaching() ? VFIO : "";
            boolean done = detaching() ? d.onVfio() && d.driverOverride().equals(VFIO)
                    : (to.equals(BindAction.KERNEL_CHOICE) ? !d.driver().isEmpty() && !d.onVfio() : d.driver().equals(to))
                            && d.driverOverride().isEmpty();
            if (done) {
                continue;
            }
            String undoDriver = d.driver().isEmpty() ? "" : d.driver();
            steps.add(Step.of("bind " + d.label() + " to " + (to.equals(BindAction.KERNEL_CHOICE) ? "its host driver" : to)
                            + " (now " + (d.driver().isEmpty() ? "no driver" : d.driver()) + ")",
                    new BindAction(host.name(), sysfs, d.address().toString(), to, finalOverride),
                    new BindAction(host.name(), sysfs, d.address().toString(), undoDriver, d.driverOverride())).undoneAlsoOnFailure());
        }
        if (detaching() && gpu.bootVga()) {
            notes.add(at + " is the boot display: the host's console on it goes dark");
        }
        return new Planned<>(steps, notes, null);
    }

    private String target(PciDevice d, PciDevice gpu) {
        if (detaching()) {
            return VFIO;
        }
        return d == gpu ? driver : BindAction.KERNEL_CHOICE;
    }

    @Override
    protected GpuBinding result(Void context) {
        PciAddress at = PciAddress.parse(address, "address");
        PciTopology t = Pci.on(host).sysfs(sysfs).procfs(procfs).pciIds(List.of()).topology();
        Map<PciAddress, String> drivers = new LinkedHashMap<>();
        t.device(at).ifPresent(d -> drivers.put(at, d.driver()));
        t.siblings(at).forEach(d -> drivers.put(d.address(), d.driver()));
        return new GpuBinding(at, drivers);
    }
}
