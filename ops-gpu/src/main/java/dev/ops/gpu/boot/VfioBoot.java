package dev.ops.gpu.boot;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.host.Host;
import dev.ops.gpu.boot.internal.BootChange;
import dev.ops.gpu.pci.Pci;
import dev.ops.gpu.pci.PciTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The boot-level prerequisites of VFIO passthrough on a host: kernel command-line options (a
 * {@code /etc/default/grub.d} snippet for GRUB, an in-place edit of {@code /etc/kernel/cmdline} for
 * systemd-boot, as {@code proxmox-boot-tool status} tells), the vfio modules loaded at boot
 * ({@code vfio_virqfd} only before kernel 6.2, where it became part of vfio), modprobe.d softdeps and
 * blacklists, then the initramfs and boot loader refreshed. A {@link Change} with byte-exact rollback;
 * its plan notes that it requires a reboot, and {@link #verify()} checks the result after one.
 *
 * <pre>{@code
 * Plan plan = VfioBoot.on(host, ops).softdep("nvidia", "vfio-pci").blacklist("nouveau").present().plan();
 * VfioBoot.requiresReboot(plan);   // true
 * }</pre>
 */
public final class VfioBoot {
    /** The note every plan that changes something carries, so tools can find it. */
    public static final String REQUIRES_REBOOT = "requiresReboot: the kernel command line, modules and initramfs take effect at the next boot";

    private final Host host;
    private final Ops ops;
    private final String root;
    private final List<String> options;
    private final List<String> softdeps;
    private final List<String> blacklist;
    private final Bootloader bootloader;
    private final List<String> boundAtBoot;

    private VfioBoot(Host host, Ops ops, String root, List<String> options, List<String> softdeps, List<String> blacklist, Bootloader bootloader) {
        this(host, ops, root, options, softdeps, blacklist, bootloader, List.of());
    }

    private VfioBoot(Host host, Ops ops, String root, List<String> options, List<String> softdeps, List<String> blacklist, Bootloader bootloader,
            List<String> boundAtBoot) {
        this.boundAtBoot = List.copyOf(boundAtBoot);
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
        this.root = root;
        this.options = List.copyOf(options);
        this.softdeps = List.copyOf(softdeps);
        this.blacklist = List.copyOf(blacklist);
        this.bootloader = bootloader;
    }

    /** The boot prerequisites of {@code host}, changed through {@code ops}; kernel options chosen for its CPU and kernel. */
    public static VfioBoot on(Host host, Ops ops) {
        return new VfioBoot(host, ops, "", List.of(), List.of(), List.of(), null);
    }

    /**
     * Reads and writes {@code /etc} and {@code /proc} under {@code path} instead of {@code /} (a mounted
     * system being prepared, or a temporary root in tests). The boot tools ({@code proxmox-boot-tool},
     * {@code update-initramfs}, {@code update-grub}) then run chrooted into it when it is a full root
     * (an executable {@code usr/sbin/update-initramfs} and {@code bin/sh}); a plain directory gets no
     * refresh, and the plan says so in a note. The host's own boot files are never rebuilt from another root.
     */
    public VfioBoot root(String path) {
        return new VfioBoot(host, ops, path.endsWith("/") ? path.substring(0, path.length() - 1) : path, options, softdeps, blacklist, bootloader,
                boundAtBoot);
    }

    /**
     * Puts these options on the kernel command line instead of the chosen ones ({@code iommu=pt}, and
     * {@code intel_iommu=on} on Intel CPUs before kernel 6.8).
     */
    public VfioBoot kernelOptions(String... options) {
        return new VfioBoot(host, ops, root, List.of(options), softdeps, blacklist, bootloader, boundAtBoot);
    }

    /** Loads {@code module} only after {@code before} ({@code softdep nvidia pre: vfio-pci}), so vfio-pci can claim a card first. */
    public VfioBoot softdep(String module, String before) {
        List<String> s = new ArrayList<>(softdeps);
        s.add(module + " " + before);
        return new VfioBoot(host, ops, root, options, s, blacklist, bootloader, boundAtBoot);
    }

    /** Keeps {@code module} from loading at boot ({@code blacklist nouveau}). */
    public VfioBoot blacklist(String module) {
        List<String> b = new ArrayList<>(blacklist);
        b.add(module);
        return new VfioBoot(host, ops, root, options, softdeps, b, bootloader, boundAtBoot);
    }

    /**
     * Gives these functions (addresses, never vendor:device ids, so an identical second card stays with
     * the host) to vfio-pci from boot on: a udev rule sets their {@code driver_override} when they appear,
     * before {@code 80-drivers.rules} loads their host driver's module. A host driver built into the
     * kernel or loaded from the initramfs can still win: softdep or blacklist it too.
     */
    public VfioBoot bindAtBoot(String... addresses) {
        List<String> b = new ArrayList<>(boundAtBoot);
        b.addAll(List.of(addresses));
        return new VfioBoot(host, ops, root, options, softdeps, blacklist, bootloader, b);
    }

    /** Uses this boot loader instead of asking {@code proxmox-boot-tool status}. */
    public VfioBoot bootloader(Bootloader loader) {
        return new VfioBoot(host, ops, root, options, softdeps, blacklist, Objects.requireNonNull(loader, "loader"), boundAtBoot);
    }

    /** The change that puts the prerequisites in place; rolling it back restores every file byte for byte. */
    public Change<BootConfig> present() {
        return BootChange.present(host, ops, root, options, softdeps, blacklist, boundAtBoot, Optional.ofNullable(bootloader));
    }

    /** The change that removes ops's files and the command-line options it added. */
    public Change<BootConfig> absent() {
        return BootChange.absent(host, ops, root, options, Optional.ofNullable(bootloader));
    }

    /** Whether a plan changes boot settings, so that the host must reboot after applying it. */
    public static boolean requiresReboot(Plan plan) {
        return plan.notes().contains(REQUIRES_REBOOT);
    }

    /**
     * After a reboot, what is not as it should be: the IOMMU inactive, an option missing from the
     * running command line, a vfio module not loaded. Empty when all is well.
     */
    public List<String> verify() {
        String sys = root.isEmpty() ? "/sys" : root + "/sys";
        String proc = root.isEmpty() ? "/proc" : root + "/proc";
        PciTopology t = Pci.on(host).sysfs(sys).procfs(proc).pciIds(List.of()).topology();
        List<String> problems = new ArrayList<>();
        if (!t.iommu().active()) {
            problems.add("the IOMMU is not active");
        }
        for (String o : BootChange.chosenOptions(host, root, options)) {
            if (!List.of(t.iommu().cmdline().split("\\s+")).contains(o)) {
                problems.add("the running kernel's command line lacks " + o);
            }
        }
        if (!t.drivers().contains("vfio-pci")) {
            problems.add("vfio-pci is not loaded");
        }
        return problems;
    }
}
