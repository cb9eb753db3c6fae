package dev.ops.gpu.device;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.gpu.device.internal.BindAction;
import dev.ops.gpu.device.internal.BindChange;
import dev.ops.gpu.device.internal.Inspection;
import dev.ops.gpu.pci.Pci;
import dev.ops.gpu.pci.PciAddress;
import dev.ops.gpu.pci.PciTopology;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The GPUs of a host: find them with their sibling functions and isolation verdict, check what stands
 * in the way of passing one through, and move one between its host driver and vfio-pci as a
 * {@link Change} with rollback. Functions are always moved one by one through {@code driver_override},
 * never by vendor:device id, so an identical second GPU stays where it is.
 *
 * <pre>{@code
 * Gpus gpus = Gpus.on(host, ops);
 * Preflight report = gpus.preflight("0000:01:00.0");
 * Applied<GpuBinding> done = gpus.gpu("0000:01:00.0").detach().apply();   // gpu-ptd
 * done.rollback();                                                        // back to nvidia and snd_hda_intel
 * gpus.gpu("0000:01:00.0").attach("nvidia").apply();                      // gpu-pta
 * }</pre>
 */
public final class Gpus {
    private final Host host;
    private final Ops ops;
    private final String sysfs;
    private final String procfs;

    private Gpus(Host host, Ops ops, String sysfs, String procfs) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
        this.sysfs = sysfs;
        this.procfs = procfs;
    }

    /** The GPUs of {@code host}, changed through {@code ops}, read from {@code /sys} and {@code /proc}. */
    public static Gpus on(Host host, Ops ops) {
        return new Gpus(host, ops, "/sys", "/proc");
    }

    /** Reads and writes sysfs under {@code path} (a fake tree in tests). */
    public Gpus sysfs(String path) {
        Pci.on(host).sysfs(path);
        return new Gpus(host, ops, strip(path), procfs);
    }

    /** Reads procfs under {@code path}. */
    public Gpus procfs(String path) {
        Pci.on(host).procfs(path);
        return new Gpus(host, ops, sysfs, strip(path));
    }

    private static String strip(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private Pci pci() {
        return Pci.on(host).sysfs(sysfs).procfs(procfs);
    }

    /** One read of the host's PCI topology, as root so that every process holding a GPU is seen. */
    public PciTopology topology() {
        return pci().asRoot().topology();
    }

    /** Every GPU, in address order. */
    public List<Gpu> list() {
        return Inspection.gpus(pci().topology());
    }

    /** The GPU at {@code address}; empty when the host has none there or the function there is not a GPU. */
    public Optional<Gpu> get(PciAddress address) {
        PciTopology t = pci().topology();
        return t.device(address).filter(d -> d.pciClass().isGpu()).map(d -> Inspection.gpu(t, d));
    }

    /** {@link #get(PciAddress)} of an address in text, refused when malformed (field {@code address}). */
    public Optional<Gpu> get(String address) {
        return get(PciAddress.parse(address, "address"));
    }

    /** Every problem with passing the GPU at {@code address} through, assuming the whole slot and the card's own ROM. */
    public Preflight preflight(String address) {
        return preflight(address, r -> {});
    }

    /** Every problem with passing the GPU at {@code address} through to a guest as {@code request} describes it. */
    public Preflight preflight(String address, Consumer<PreflightRequest.Builder> request) {
        PciAddress a = PciAddress.parse(address, "address");
        PreflightRequest.Builder b = PreflightRequest.builder();
        request.accept(b);
        return Inspection.preflight(host, topology(), a, b.build());
    }

    /** The GPU at {@code address}, to {@link Selection#detach detach} or {@link Selection#attach attach}. */
    public Selection gpu(String address) {
        return new Selection(Objects.requireNonNull(address, "address"), false);
    }

    /** One GPU's slot, to move between drivers; immutable. */
    public final class Selection {
        private final String address;
        private final boolean force;

        private Selection(String address, boolean force) {
            this.address = address;
            this.force = force;
        }

        /** Plans the change even while processes hold the GPU, naming them in the plan. */
        public Selection force() {
            return new Selection(address, true);
        }

        /** Detaches the GPU and its sibling functions from their host drivers to vfio-pci (the lab's {@code gpu-ptd}). */
        public Change<GpuBinding> detach() {
            return BindChange.detach(host, ops, sysfs, procfs, address, force);
        }

        /** Attaches the slot back to host drivers, each the one the kernel picks (the lab's {@code gpu-pta}). */
        public Change<GpuBinding> attach() {
            return BindChange.attach(host, ops, sysfs, procfs, address, BindAction.KERNEL_CHOICE, force);
        }

        /** Attaches the GPU to {@code driver} ({@code nvidia}, {@code amdgpu}), its siblings to what the kernel picks. */
        public Change<GpuBinding> attach(String driver) {
            Violations.of("attach").checkText(driver, "driver", d -> !d.isBlank(), "must name a driver").throwIfAny();
            return BindChange.attach(host, ops, sysfs, procfs, address, driver, force);
        }
    }
}
