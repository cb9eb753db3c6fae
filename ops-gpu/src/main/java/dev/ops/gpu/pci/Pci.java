package dev.ops.gpu.pci;

import dev.ops.core.host.Host;
import dev.ops.gpu.pci.internal.TopologyReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The PCI functions of a host, read from its sysfs ({@code /sys} by default) and procfs
 * ({@code /proc}) in one round trip, over SSH as well as locally. Both roots are parameters, so the
 * same code reads a fake tree (ops-testkit's {@code FakeSysfs}). Reads only.
 *
 * <pre>{@code
 * PciTopology t = Pci.on(host).topology();
 * Optional<PciDevice> gpu = Pci.on(host).get(PciAddress.parse("0000:01:00.0"));
 * }</pre>
 */
public final class Pci {
    /** Where the Debian and hwdata packages install pci.ids, in the order they are tried. */
    public static final List<String> PCI_IDS = List.of("/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids");

    private final Host host;
    private final String sysfs;
    private final String procfs;
    private final List<String> pciIds;
    private final boolean asRoot;

    private Pci(Host host, String sysfs, String procfs, List<String> pciIds, boolean asRoot) {
        this.host = Objects.requireNonNull(host, "host");
        this.sysfs = sysfs;
        this.procfs = procfs;
        this.pciIds = List.copyOf(pciIds);
        this.asRoot = asRoot;
    }

    /** The PCI functions of {@code host}, read from {@code /sys} and {@code /proc}. */
    public static Pci on(Host host) {
        return new Pci(host, "/sys", "/proc", PCI_IDS, false);
    }

    /** Reads sysfs under {@code path} instead of {@code /sys}. */
    public Pci sysfs(String path) {
        return new Pci(host, root(path, "sysfs"), procfs, pciIds, asRoot);
    }

    /** Reads procfs under {@code path} instead of {@code /proc}. */
    public Pci procfs(String path) {
        return new Pci(host, sysfs, root(path, "procfs"), pciIds, asRoot);
    }

    /** Takes names from the first of these pci.ids files that exists; none at all when the list is empty. */
    public Pci pciIds(List<String> paths) {
        return new Pci(host, sysfs, procfs, paths, asRoot);
    }

    /** Reads as root, so that processes of every user that hold a GPU are seen. */
    public Pci asRoot() {
        return new Pci(host, sysfs, procfs, pciIds, true);
    }

    private static String root(String path, String field) {
        dev.ops.core.error.Violations.of("PCI reader").checkText(path, field, p -> p.startsWith("/") && !p.contains("\n"),
                "must be an absolute path").throwIfAny();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Everything one read finds: functions, IOMMU groups and state, drivers, framebuffer, GPU users. */
    public PciTopology topology() {
        PciIds ids = names();
        return TopologyReader.read(host, sysfs, procfs, asRoot,
                (v, d) -> new String[] {ids.vendor(v).orElse(""), ids.device(v, d).orElse("")});
    }

    /** Every PCI function, in address order. */
    public List<PciDevice> list() {
        return topology().devices();
    }

    /** The function at {@code address}, if the host has it. */
    public Optional<PciDevice> get(PciAddress address) {
        return topology().device(address);
    }

    private PciIds names() {
        for (String p : pciIds) {
            Optional<String> text = host.readText(p);
            if (text.isPresent()) {
                return PciIds.parse(text.get());
            }
        }
        return PciIds.none();
    }
}
