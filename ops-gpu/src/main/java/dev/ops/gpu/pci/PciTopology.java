package dev.ops.gpu.pci;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one read of a host's sysfs and procfs found: every PCI function, the IOMMU groups, whether the
 * IOMMU is active, the PCI drivers loaded, the boot framebuffer's memory, the processes holding
 * GPU device nodes, and the disks below each storage controller with where they are mounted. Immutable; read again to see changes.
 */
public final class PciTopology {
    private final NavigableMap<PciAddress, PciDevice> devices;
    private final NavigableMap<Integer, IommuGroup> groups;
    private final IommuStatus iommu;
    private final Set<String> drivers;
    private final List<MemoryRange> framebuffers;
    private final List<DeviceUser> users;
    private final Map<PciAddress, Integer> nvidiaMinors;
    private final List<HostDisk> disks;

    /** A topology of these parts, with no disks; for readers and tests. */
    public PciTopology(Collection<PciDevice> devices, IommuStatus iommu, Set<String> drivers, List<MemoryRange> framebuffers,
            List<DeviceUser> users, Map<PciAddress, Integer> nvidiaMinors) {
        this(devices, iommu, drivers, framebuffers, users, nvidiaMinors, List.of());
    }

    /** A topology of these parts; for readers and tests. */
    public PciTopology(Collection<PciDevice> devices, IommuStatus iommu, Set<String> drivers, List<MemoryRange> framebuffers,
            List<DeviceUser> users, Map<PciAddress, Integer> nvidiaMinors, List<HostDisk> disks) {
        TreeMap<PciAddress, PciDevice> d = new TreeMap<>();
        TreeMap<Integer, List<PciAddress>> g = new TreeMap<>();
        for (PciDevice p : devices) {
            d.put(p.address(), p);
            if (p.iommuGroup() >= 0) {
                g.computeIfAbsent(p.iommuGroup(), k -> new ArrayList<>()).add(p.address());
            }
        }
        TreeMap<Integer, IommuGroup> groupMap = new TreeMap<>();
        g.forEach((n, m) -> groupMap.put(n, new IommuGroup(n, m)));
        this.devices = java.util.Collections.unmodifiableNavigableMap(d);
        this.groups = java.util.Collections.unmodifiableNavigableMap(groupMap);
        this.iommu = iommu;
        this.drivers = Set.copyOf(drivers);
        this.framebuffers = List.copyOf(framebuffers);
        this.users = List.copyOf(users);
        this.nvidiaMinors = Map.copyOf(nvidiaMinors);
        this.disks = List.copyOf(disks);
    }

    /** The host's disks that sit below a PCI function, with where they are mounted. */
    public List<HostDisk> disks() {
        return disks;
    }

    /** The disks below the PCI function at {@code controller}: what the host loses when the function goes to a guest. */
    public List<HostDisk> disksOn(PciAddress controller) {
        return disks.stream().filter(d -> d.controller().equals(controller)).toList();
    }

    /** Every PCI function, by address. */
    public List<PciDevice> devices() {
        return List.copyOf(devices.values());
    }

    /** The function at {@code address}, if the host has it. */
    public Optional<PciDevice> device(PciAddress address) {
        return Optional.ofNullable(devices.get(address));
    }

    /** The other functions of {@code address}'s slot, in function order. */
    public List<PciDevice> siblings(PciAddress address) {
        return devices.values().stream().filter(d -> d.address().sameSlot(address) && !d.address().equals(address)).toList();
    }

    /** The IOMMU groups, by number; empty when the IOMMU is off. */
    public List<IommuGroup> groups() {
        return List.copyOf(groups.values());
    }

    /** The group numbered {@code number}, if there is one. */
    public Optional<IommuGroup> group(int number) {
        return Optional.ofNullable(groups.get(number));
    }

    /** Whether the IOMMU is active, and what says so. */
    public IommuStatus iommu() {
        return iommu;
    }

    /** The PCI drivers the kernel has loaded ({@code /sys/bus/pci/drivers}). */
    public Set<String> drivers() {
        return drivers;
    }

    /** The memory ranges that /proc/iomem names as the boot framebuffer; empty when none, or when only root may see addresses. */
    public List<MemoryRange> framebuffers() {
        return framebuffers;
    }

    /** Processes holding a GPU device node open. */
    public List<DeviceUser> users() {
        return users;
    }

    /**
     * The processes that hold {@code address}'s device nodes: its DRM card and render nodes, its
     * {@code /dev/nvidiaN}, and for an NVIDIA device also the nodes all NVIDIA GPUs share
     * ({@code /dev/nvidiactl}, {@code /dev/nvidia-uvm}), since a process holding those may use any of them.
     */
    public List<DeviceUser> usersOf(PciAddress address) {
        PciDevice d = devices.get(address);
        if (d == null) {
            return List.of();
        }
        List<String> nodes = new ArrayList<>();
        d.drmNodes().forEach(n -> nodes.add("/dev/dri/" + n));
        Integer minor = nvidiaMinors.get(address);
        if (minor != null) {
            nodes.add("/dev/nvidia" + minor);
        }
        boolean nvidia = d.driver().equals("nvidia");
        return users.stream().filter(u -> nodes.contains(u.node())
                || (nvidia && u.node().startsWith("/dev/nvidia") && !u.node().matches("/dev/nvidia[0-9]+"))).toList();
    }
}
