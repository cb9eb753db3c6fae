package dev.ops.gpu.device.internal;

import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.gpu.device.Gpu;
import dev.ops.gpu.device.Isolation;
import dev.ops.gpu.device.Preflight;
import dev.ops.gpu.device.PreflightRequest;
import dev.ops.gpu.device.Problem;
import dev.ops.gpu.device.Problem.Severity;
import dev.ops.gpu.pci.DeviceUser;
import dev.ops.gpu.pci.IommuGroup;
import dev.ops.gpu.pci.IommuStatus;
import dev.ops.gpu.pci.PciAddress;
import dev.ops.gpu.pci.PciBar;
import dev.ops.gpu.pci.PciDevice;
import dev.ops.gpu.pci.PciTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** GPUs, isolation verdicts and the passthrough preflight, computed from one {@link PciTopology}. */
public final class Inspection {
    /** Host drivers that hold GPUs and their siblings; a detach takes the device from them. */
    static final Set<String> HOST_DRIVERS = Set.of("nvidia", "nouveau", "amdgpu", "radeon", "i915", "xe", "snd_hda_intel", "xhci_hcd",
            "nvidia-gpu", "i2c-nvidia-gpu", "ast", "mgag200");

    /**
     * AMD GPUs known for the reset bug (Polaris, Vega 10, Vega 20, Navi 10/12/14): they reset only
     * through a device-specific method (the vendor-reset module), never by bus reset.
     */
    static final Set<Integer> AMD_RESET_BUG = Set.of(0x67c0, 0x67c2, 0x67c4, 0x67c7, 0x67df, 0x67e0, 0x67e3, 0x67e8, 0x67eb, 0x67ef,
            0x67ff, 0x6980, 0x6981, 0x6985, 0x6986, 0x6987, 0x6995, 0x6997, 0x699f, 0x6860, 0x6861, 0x6862, 0x6863, 0x6864, 0x6867,
            0x6868, 0x6869, 0x686a, 0x686b, 0x686c, 0x686d, 0x686e, 0x686f, 0x687f, 0x66a0, 0x66a1, 0x66a2, 0x66a3, 0x66a4, 0x66a7,
            0x66af, 0x7310, 0x7312, 0x7318, 0x7319, 0x731a, 0x731b, 0x731e, 0x731f, 0x7360, 0x7362, 0x7340, 0x7341, 0x7347, 0x734f);

    private Inspection() {}

    /** Every GPU of the topology with its siblings and isolation verdict. */
    public static List<Gpu> gpus(PciTopology t) {
        return t.devices().stream().filter(d -> d.pciClass().isGpu()).map(d -> gpu(t, d)).toList();
    }

    /** The GPU at {@code d}. */
    public static Gpu gpu(PciTopology t, PciDevice d) {
        return new Gpu(d, t.siblings(d.address()), isolation(t, d.address()));
    }

    /** Whether {@code address}'s slot can go to a guest without taking anything else. */
    public static Isolation isolation(PciTopology t, PciAddress address) {
        PciDevice d = t.device(address).orElseThrow();
        if (d.iommuGroup() < 0) {
            return new Isolation(Isolation.Verdict.NO_IOMMU, -1, List.of());
        }
        List<PciDevice> others = new ArrayList<>();
        for (PciAddress a : t.group(d.iommuGroup()).map(IommuGroup::members).orElse(List.of())) {
            PciDevice m = t.device(a).orElseThrow();
            if (!a.sameSlot(address) && !m.pciClass().isBridge()) {
                others.add(m);
            }
        }
        return new Isolation(others.isEmpty() ? Isolation.Verdict.ISOLATED : Isolation.Verdict.SHARED, d.iommuGroup(), others);
    }

    /**
     * The GPU at {@code address}, or a {@link dev.ops.core.error.ValidationException} naming {@code field}
     * when the host has no such function or it is not a GPU.
     */
    public static PciDevice requireGpu(PciTopology t, PciAddress address, String host, String field) {
        Optional<PciDevice> d = t.device(address);
        Violations v = Violations.of("GPU");
        if (d.isEmpty()) {
            v.add(field, "no PCI function " + address + " on " + host);
        } else if (!d.get().pciClass().isGpu()) {
            v.add(field, address + " is a " + d.get().pciClass().kind() + " (class " + d.get().pciClass() + "), not a GPU (class 0x0300 or 0x0302)");
        }
        v.throwIfAny();
        return d.get();
    }

    /** What the host loses with the controller {@code o}: its disks, and where they are mounted. */
    static String disks(PciTopology t, PciDevice o) {
        List<dev.ops.gpu.pci.HostDisk> disks = t.disksOn(o.address());
        if (disks.isEmpty()) {
            return o.driver().isEmpty() ? "no disk below it in sysfs" : "no disk below it in sysfs, but its disks would vanish from the host";
        }
        String root = disks.stream().anyMatch(d -> d.mountPoints().contains("/")) ? " (the host's root file system)" : "";
        String zfs = disks.stream().allMatch(dev.ops.gpu.pci.HostDisk::inUse) ? ""
                : " (a disk of a ZFS pool shows as not mounted: check zpool status)";
        return "the " + o.pciClass().kind() + " " + o.address() + " holding "
                + String.join("; ", disks.stream().map(dev.ops.gpu.pci.HostDisk::describe).toList()) + root + zfs + ": the host would lose "
                + (disks.size() == 1 ? "it" : "them");
    }

    /** Every problem with giving {@code address}'s GPU to a guest. */
    public static Preflight preflight(Host host, PciTopology t, PciAddress address, PreflightRequest r) {
        PciDevice gpu = requireGpu(t, address, host.name(), "address");
        List<PciDevice> siblings = t.siblings(address);
        List<Problem> p = new ArrayList<>();
        IommuStatus io = t.iommu();
        if (!io.active()) {
            String hint = io.option("intel_iommu").filter("off"::equals).isPresent() ? "the command line has intel_iommu=off"
                    : io.option("amd_iommu").filter("off"::equals).isPresent() ? "the command line has amd_iommu=off"
                    : !io.kernelAtLeast(6, 8) && io.option("intel_iommu").isEmpty()
                            ? "kernel " + io.kernel() + " needs intel_iommu=on on Intel (on by default from 6.8); on AMD enable it in the firmware"
                            : "enable VT-d / AMD-Vi (IOMMU) in the firmware";
            p.add(new Problem(Severity.ERROR, "iommu-off", "iommu", "the IOMMU is not active (no unit under /sys/class/iommu or no groups): " + hint));
        } else if (io.remapping() == IommuStatus.Remapping.UNKNOWN) {
            p.add(new Problem(Severity.WARNING, "interrupt-remapping-unknown", "iommu", "nothing read from " + host.name()
                    + " says whether interrupts are remapped (/proc/interrupts shows no PCI-MSI or IO-APIC interrupt, and "
                    + (io.vendor().equals("amd") ? "AMD-Vi" : "the IOMMU") + " shows no capability in sysfs); look for 'Interrupt remapping enabled'"
                    + " in the kernel log, or vfio may refuse the device"));
        } else if (!io.interruptRemapping()) {
            boolean unsafe = io.option("vfio_iommu_type1.allow_unsafe_interrupts").filter("1"::equals).isPresent();
            p.add(new Problem(unsafe ? Severity.INFO : Severity.WARNING, "no-interrupt-remapping", "iommu",
                    "the IOMMU has no interrupt remapping" + (unsafe ? "; unsafe interrupts are allowed on the command line"
                            : "; vfio refuses the device unless vfio_iommu_type1.allow_unsafe_interrupts=1")));
        }
        Isolation iso = isolation(t, address);
        if (iso.verdict() == Isolation.Verdict.SHARED) {
            long boundNics = t.devices().stream().filter(d -> d.pciClass().isNetwork() && !d.driver().isEmpty() && !d.onVfio()).count();
            for (PciDevice o : iso.others()) {
                String what = o.label() + (o.driver().isEmpty() ? ", no driver" : ", driven by " + o.driver());
                if (o.pciClass().isNetwork() && boundNics == 1 && !o.driver().isEmpty()) {
                    what += " - the host's only NIC";
                } else if (o.pciClass().isStorage() || !t.disksOn(o.address()).isEmpty()) {
                    what += " - " + disks(t, o);
                }
                p.add(new Problem(Severity.ERROR, "group-shared", o.address().toString(), "IOMMU group " + iso.group() + " also holds " + what
                        + "; Proxmox binds every non-bridge device of the group to vfio-pci when the guest starts"));
            }
        }
        List<PciDevice> slot = new ArrayList<>();
        slot.add(gpu);
        slot.addAll(siblings);
        for (PciDevice d : slot) {
            if (!d.driver().isEmpty() && !d.onVfio()) {
                List<DeviceUser> users = t.usersOf(d.address());
                if (!users.isEmpty()) {
                    p.add(new Problem(Severity.ERROR, "in-use", d.address().toString(), d.driver() + " holds " + d.address() + " and processes use it: "
                            + users + "; stop them before detaching"));
                } else {
                    p.add(new Problem(Severity.INFO, "host-driver", d.address().toString(), d.driver() + " holds " + d.address()
                            + (HOST_DRIVERS.contains(d.driver()) ? "" : " (not a driver known for GPUs)") + "; a detach moves it to vfio-pci"));
                }
            }
            if (d != gpu && d.iommuGroup() != gpu.iommuGroup()) {
                p.add(new Problem(Severity.WARNING, "sibling-other-group", d.address().toString(), "sibling " + d.label()
                        + " is in IOMMU group " + d.iommuGroup() + ", not the GPU's " + gpu.iommuGroup() + "; pass that group too"));
            }
        }
        if (gpu.bootVga()) {
            List<dev.ops.gpu.pci.MemoryRange> fbs = t.framebuffers();
            Optional<PciBar> hit = gpu.bars().stream().filter(b -> fbs.stream().anyMatch(f -> b.overlaps(f.start(), f.end()))).findFirst();
            if (hit.isPresent()) {
                p.add(new Problem(Severity.WARNING, "boot-framebuffer", "boot_vga", "the boot framebuffer (/proc/iomem) lies in BAR " + hit.get().index()
                        + " of the GPU; add initcall_blacklist=sysfb_init (or video=efifb:off) to the command line, or the guest sees a BAR it cannot map"));
            } else {
                p.add(new Problem(Severity.INFO, "boot-vga", "boot_vga", "the firmware used this GPU as the boot display"
                        + (fbs.isEmpty() ? " (/proc/iomem shows no framebuffer or needs root to show addresses)" : "")));
            }
            boolean otherDisplay = t.devices().stream().anyMatch(d -> d.pciClass().isDisplay() && !d.address().sameSlot(address) && !d.driver().isEmpty()
                    && !d.onVfio());
            if (!otherDisplay) {
                p.add(new Problem(Severity.WARNING, "host-console", "boot_vga", "no other display device is driven: the host loses its local console"));
            }
        }
        if (gpu.vendor() == 0x1002 && AMD_RESET_BUG.contains(gpu.device()) && !gpu.resetMethods().contains("device_specific")) {
            p.add(new Problem(Severity.ERROR, "amd-reset-bug", "reset_method", gpu.label() + " does not reset by " + gpu.resetMethods()
                    + " (the AMD reset bug): load the vendor-reset module so that reset_method offers device_specific, or the guest starts once per host boot"));
        } else if (!gpu.resettable()) {
            p.add(new Problem(Severity.WARNING, "no-reset", "reset_method", "the kernel has no reset method for " + address
                    + "; a guest may start once per host boot"));
        }
        if (!r.romfile().isEmpty()) {
            p.addAll(RomCheck.problems(host, r.romDirectory(), r.romfile(), r.ovmf(), gpu.ids(), "romfile"));
        } else if (!gpu.hasRom()) {
            p.add(new Problem(Severity.WARNING, "rom-absent", "rom", "sysfs exposes no ROM for " + address
                    + " (usual for laptop GPUs, whose vBIOS is in the system firmware); give the guest a romfile"));
        }
        if (!r.allFunctions() && !siblings.isEmpty()) {
            p.add(new Problem(Severity.WARNING, "siblings-left-out", "functions", "only " + address + " goes to the guest; "
                    + siblings.stream().map(PciDevice::label).toList() + " stay with the host, though the guest's driver expects them"));
        }
        if (gpu.link().widthDegraded()) {
            p.add(new Problem(Severity.WARNING, "link-width", "link", "the link runs at x" + gpu.link().currentWidth() + " of x" + gpu.link().maxWidth()
                    + " (a slot with fewer lanes, or a riser)"));
        } else if (gpu.link().degraded()) {
            p.add(new Problem(Severity.INFO, "link-speed", "link", "the link runs at " + gpu.link().currentSpeed() + " of " + gpu.link().maxSpeed()
                    + "; GPUs slow their link when idle, so check under load"));
        }
        if (!t.drivers().contains("vfio-pci")) {
            p.add(new Problem(Severity.INFO, "vfio-not-loaded", "driver", "vfio-pci is not loaded; a detach loads it, the boot prerequisites load it at boot"));
        }
        return new Preflight(address, p);
    }
}
