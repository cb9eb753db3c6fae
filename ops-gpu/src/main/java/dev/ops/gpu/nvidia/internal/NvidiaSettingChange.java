package dev.ops.gpu.nvidia.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.gpu.nvidia.NvidiaGpu;
import dev.ops.gpu.nvidia.NvidiaSmi;
import dev.ops.gpu.pci.PciAddress;
import java.util.List;
import java.util.Locale;

/** Sets one NVIDIA GPU's persistence mode or power limit with {@code nvidia-smi -i <bus id>}; the undo sets the value read at plan. */
public final class NvidiaSettingChange extends HostChange<NvidiaGpu, Void> {
    private final String address;
    private final String setting;
    private final double value;

    private NvidiaSettingChange(Host host, Ops ops, String address, String setting, double value) {
        super(host, ops);
        this.address = address;
        this.setting = setting;
        this.value = value;
    }

    /** Persistence mode on or off. */
    public static Change<NvidiaGpu> persistence(Host host, Ops ops, String address, boolean on) {
        return new NvidiaSettingChange(host, ops, address, "pm", on ? 1 : 0);
    }

    /** The power limit in watts. */
    public static Change<NvidiaGpu> powerLimit(Host host, Ops ops, String address, double watts) {
        return new NvidiaSettingChange(host, ops, address, "pl", watts);
    }

    @Override
    public String description() {
        return (setting.equals("pm") ? "persistence mode " + (value == 1 ? "on" : "off") : "power limit " + fmt(value) + " W") + " for NVIDIA GPU "
                + address + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        try {
            PciAddress.parse(address, "address");
        } catch (ValidationException e) {
            e.violations().forEach(x -> v.add(x.field(), x.message()));
        }
        if (setting.equals("pl")) {
            v.check(value > 0 && value <= 5000, "powerLimit", "must be a positive number of watts, not " + fmt(value));
        }
    }

    private NvidiaGpu current() {
        PciAddress at = PciAddress.parse(address, "address");
        List<NvidiaGpu> gpus = NvidiaSmi.on(host).list();
        return gpus.stream().filter(g -> g.address().equals(at)).findFirst().orElseThrow(() -> new ValidationException("NVIDIA GPU",
                Violations.of("NVIDIA GPU").add("address", "nvidia-smi on " + host.name() + " knows no GPU at " + at).list()));
    }

    @Override
    protected Planned<Void> planSteps() {
        NvidiaGpu now = current();
        double old = setting.equals("pm") ? (now.persistenceMode() ? 1 : 0) : now.powerLimitWatts();
        if (old == value) {
            return Planned.none(null);
        }
        String bus = "0000" + now.address();
        return Planned.of(List.of(Step.of(description(), command(bus, value), command(bus, old))));
    }

    private CommandAction command(String bus, double v) {
        return CommandAction.of(host.name(), Command.of("nvidia-smi", "-i", bus, "-" + setting, setting.equals("pm") ? String.valueOf((int) v) : fmt(v))
                .asRoot());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    protected NvidiaGpu result(Void context) {
        return current();
    }
}
