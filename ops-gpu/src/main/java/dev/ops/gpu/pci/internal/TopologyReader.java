package dev.ops.gpu.pci.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.gpu.pci.DeviceUser;
import dev.ops.gpu.pci.IommuStatus;
import dev.ops.gpu.pci.MemoryRange;
import dev.ops.gpu.pci.PciAddress;
import dev.ops.gpu.pci.PciBar;
import dev.ops.gpu.pci.PciClass;
import dev.ops.gpu.pci.PciDevice;
import dev.ops.gpu.pci.PciLink;
import dev.ops.gpu.pci.PciTopology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Reads a host's PCI topology in one round trip: one shell script prints every attribute file with
 * {@code grep -H} (one process for all of them), every link with {@code ls -l}, and the procfs parts,
 * in sections the parser splits again. The sysfs and procfs roots are parameters, so the same script
 * reads a fake tree.
 */
public final class TopologyReader {
    static final List<String> ATTRIBUTES = List.of("class", "vendor", "device", "subsystem_vendor", "subsystem_device", "numa_node", "local_cpulist",
            "reset_method", "boot_vga", "current_link_speed", "current_link_width", "max_link_speed", "max_link_width",
            "driver_override", "resource");

    /** $1 is the sysfs root, $2 the procfs root. Every section starts with a line {@code @name}. */
    static final String SCRIPT = String.join("\n",
            "S=$1; P=$2",
            "echo @files",
            "cd \"$S/bus/pci/devices\" 2>/dev/null && grep -sH '' " + String.join(" ", ATTRIBUTES.stream().map(a -> "*/" + a).toList()),
            "echo @links",
            "ls -l -d */driver */iommu_group 2>/dev/null",
            "echo @roms",
            "ls -d */rom 2>/dev/null",
            "echo @drm",
            "ls -d */drm/card* */drm/renderD* 2>/dev/null",
            "echo @drivers",
            "ls \"$S/bus/pci/drivers\" 2>/dev/null",
            "echo @iommu",
            "ls \"$S/class/iommu\" 2>/dev/null",
            "echo @ecap",
            "cd \"$S/class/iommu\" 2>/dev/null && grep -sH '' */intel-iommu/ecap",
            "echo @cmdline",
            "cat \"$P/cmdline\" 2>/dev/null",
            "echo @kernel",
            "cat \"$P/sys/kernel/osrelease\" 2>/dev/null",
            "echo @iomem",
            "grep -siE 'bootfb|efifb|vesafb|simplefb|simple-framebuffer' \"$P/iomem\"",
            "echo @nvidia",
            "cd \"$P/driver/nvidia/gpus\" 2>/dev/null && grep -sH 'Device Minor' */information",
            "echo @users",
            "find \"$P\"/[0-9]*/fd -maxdepth 1 \\( -lname '/dev/dri/*' -o -lname '/dev/nvidia*' \\) -printf '%p %l\\n' 2>/dev/null"
                    + " | while read -r f l; do p=${f%/fd/*}; printf '%s %s ' \"${p##*/}\" \"$l\"; head -n1 \"$p/comm\" 2>/dev/null || echo; done",
            "echo @irq",
            "awk '/ v?IR-/ { ir++ } /PCI-MSI|IO-APIC/ { all++ } END { print ir + 0, all + 0 }' \"$P/interrupts\" 2>/dev/null",
            "echo @block",
            "cd \"$S/class/block\" 2>/dev/null && { ls -l .; grep -sH '' */dev */dm/name; ls -d */slaves/* 2>/dev/null; }",
            "echo @mounts",
            "cat \"$P/self/mountinfo\" 2>/dev/null",
            "exit 0");

    private TopologyReader() {}

    /** Reads the topology of {@code host} under the given roots; as root when {@code asRoot} (to see every process). */
    public static PciTopology read(Host host, String sysfs, String procfs, boolean asRoot, BiFunction<Integer, Integer, String[]> names) {
        // this machine, and root or not asked to be: file calls, no processes; otherwise one script, over SSH or with sudo
        if (host.isLocal() && (!asRoot || "root".equals(System.getProperty("user.name")))) {
            return parse(LocalDump.dump(sysfs, procfs), names);
        }
        return parse(script(host, sysfs, procfs, asRoot), names);
    }

    /** The script's output on {@code host}. */
    static String script(Host host, String sysfs, String procfs, boolean asRoot) {
        Command c = Command.builder().addArgv("sh", "-c", SCRIPT, "sh", sysfs, procfs).sudo(asRoot).build();
        return host.check(c).stdoutText();
    }

    /** The file-call dump of this machine; package-private for the test that compares both ways. */
    static String local(String sysfs, String procfs) {
        return LocalDump.dump(sysfs, procfs);
    }

    /** The topology from the script's output; {@code names} gives vendor and device names for (vendor, device) ids. */
    public static PciTopology parse(String output, BiFunction<Integer, Integer, String[]> names) {
        Map<String, List<String>> sections = sections(output);
        Map<String, Map<String, List<String>>> files = new LinkedHashMap<>();
        for (String line : sections.getOrDefault("files", List.of())) {
            int slash = line.indexOf('/');
            int colon = slash < 0 ? -1 : line.indexOf(':', slash);
            if (colon < 0) {
                continue;
            }
            files.computeIfAbsent(line.substring(0, slash), k -> new HashMap<>())
                    .computeIfAbsent(line.substring(slash + 1, colon), k -> new ArrayList<>()).add(line.substring(colon + 1));
        }
        Map<String, String> links = new HashMap<>();
        for (String line : sections.getOrDefault("links", List.of())) {
            int arrow = line.indexOf(" -> ");
            if (arrow < 0) {
                continue;
            }
            String name = line.substring(line.lastIndexOf(' ', arrow - 1) + 1, arrow);
            String target = line.substring(arrow + 4);
            links.put(name, target.substring(target.lastIndexOf('/') + 1));
        }
        Set<String> roms = new TreeSet<>(sections.getOrDefault("roms", List.of()));
        Map<String, List<String>> drm = new HashMap<>();
        for (String line : sections.getOrDefault("drm", List.of())) {
            int slash = line.indexOf('/');
            if (slash > 0) {
                drm.computeIfAbsent(line.substring(0, slash), k -> new ArrayList<>()).add(line.substring(line.lastIndexOf('/') + 1));
            }
        }
        List<PciDevice> devices = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> e : files.entrySet()) {
            PciAddress address = PciAddress.parse(e.getKey());
            Map<String, List<String>> f = e.getValue();
            int vendor = hex(first(f, "vendor"));
            int device = hex(first(f, "device"));
            String[] name = names.apply(vendor, device);
            String override = first(f, "driver_override");
            devices.add(new PciDevice(address, PciClass.of(hex(first(f, "class"))), vendor, device, hex(first(f, "subsystem_vendor")),
                    hex(first(f, "subsystem_device")), links.getOrDefault(e.getKey() + "/driver", ""),
                    override.equals("(null)") ? "" : override, integer(links.getOrDefault(e.getKey() + "/iommu_group", ""), -1),
                    integer(first(f, "numa_node"), -1), first(f, "local_cpulist"), words(first(f, "reset_method")), first(f, "boot_vga").equals("1"),
                    roms.contains(e.getKey() + "/rom"),
                    new PciLink(first(f, "current_link_speed"), integer(first(f, "current_link_width"), 0), first(f, "max_link_speed"),
                            integer(first(f, "max_link_width"), 0)),
                    bars(f.getOrDefault("resource", List.of())), drm.getOrDefault(e.getKey(), List.of()).stream().sorted().toList(),
                    name[0], name[1]));
        }
        List<String> units = sections.getOrDefault("iommu", List.of());
        String vendor = units.isEmpty() ? "" : units.stream().anyMatch(u -> u.startsWith("dmar")) ? "intel" : "amd";
        String cmdline = String.join(" ", sections.getOrDefault("cmdline", List.of())).strip();
        IommuStatus.Remapping ir = remapping(sections.getOrDefault("irq", List.of()), sections.getOrDefault("ecap", List.of()), cmdline);
        String kernel = String.join("", sections.getOrDefault("kernel", List.of())).strip();
        boolean active = !units.isEmpty() && devices.stream().anyMatch(d -> d.iommuGroup() >= 0);
        IommuStatus iommu = new IommuStatus(active, vendor, units, ir, cmdline.matches("(.*\\s)?iommu=pt(\\s.*)?"), kernel, cmdline);
        List<MemoryRange> fbs = new ArrayList<>();
        for (String line : sections.getOrDefault("iomem", List.of())) {
            String range = line.strip();
            int colon = range.indexOf(" : ");
            int dash = range.indexOf('-');
            if (colon > 0 && dash > 0 && dash < colon) {
                long from = hexLong(range.substring(0, dash));
                long to = hexLong(range.substring(dash + 1, colon));
                if (from != 0 || to != 0) {
                    fbs.add(new MemoryRange(from, to));
                }
            }
        }
        Map<PciAddress, Integer> minors = new HashMap<>();
        for (String line : sections.getOrDefault("nvidia", List.of())) {
            int slash = line.indexOf('/');
            int colon = line.lastIndexOf(':');
            if (slash > 0 && colon > slash) {
                minors.put(PciAddress.parse(line.substring(0, slash).toLowerCase(java.util.Locale.ROOT)),
                        integer(line.substring(colon + 1).strip(), -1));
            }
        }
        List<DeviceUser> users = new ArrayList<>();
        for (String line : sections.getOrDefault("users", List.of())) {
            String[] p = line.split(" ", 3);
            if (p.length >= 2) {
                users.add(new DeviceUser(integer(p[0], -1), p.length > 2 ? p[2].strip() : "", p[1]));
            }
        }
        return new PciTopology(devices, iommu, new TreeSet<>(sections.getOrDefault("drivers", List.of())), fbs, users, minors,
                BlockDevices.disks(sections.getOrDefault("block", List.of()), sections.getOrDefault("mounts", List.of())));
    }

    /**
     * Whether interrupts are remapped. {@code /proc/interrupts} tells for Intel and AMD alike: with
     * remapping, the chips of PCI MSI and IO-APIC interrupts are named with the prefix {@code IR-}
     * ({@code IR-PCI-MSI}, {@code IR-PCI-MSIX-0000:01:00.0}, {@code IR-IO-APIC}): Linux's
     * arch/x86/kernel/apic/io_apic.c names the remapped IO-APIC chip "IR-IO-APIC", and the MSI parent
     * domains of drivers/iommu/intel/irq_remapping.c (dmar_msi_parent_ops) and drivers/iommu/amd/iommu.c
     * (amdvi_msi_parent_ops) have {@code .prefix = "IR-"} (before 6.2, arch/x86/kernel/apic/msi.c's
     * pci_msi_ir_controller was "IR-PCI-MSI"; 6.3 to 6.5 named a virtual IOMMU's "vIR-"). Without
     * remapping they are plain {@code PCI-MSI} and {@code IO-APIC}. The section holds two counts: lines
     * with such a prefix, and lines of PCI-MSI or IO-APIC chips. When it shows none, Intel's units
     * still tell by their extended capability register (bit 3, IR: remapping is used only when every unit
     * has it); AMD-Vi shows nothing in sysfs that says, so the answer is then unknown.
     */
    static IommuStatus.Remapping remapping(List<String> irq, List<String> ecaps, String cmdline) {
        if (cmdline.matches(".*\\bintremap=(off|nosid)\\b.*")) {
            return IommuStatus.Remapping.OFF;
        }
        String[] counts = irq.isEmpty() ? new String[0] : irq.get(0).strip().split("\\s+");
        int remapped = counts.length == 2 ? integer(counts[0], 0) : 0;
        int all = counts.length == 2 ? integer(counts[1], 0) : 0;
        if (remapped > 0) {
            return IommuStatus.Remapping.ON;
        }
        if (all > 0) {
            return IommuStatus.Remapping.OFF;
        }
        if (!ecaps.isEmpty()) {
            return ecaps.stream().allMatch(l -> (hexLong(l.substring(l.lastIndexOf(':') + 1)) & 0x8) != 0) ? IommuStatus.Remapping.ON
                    : IommuStatus.Remapping.OFF;
        }
        return IommuStatus.Remapping.UNKNOWN;
    }

    private static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> out = new HashMap<>();
        List<String> current = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("@") && line.length() > 1 && line.indexOf(' ') < 0 && line.indexOf('/') < 0) {
                current = out.computeIfAbsent(line.substring(1), k -> new ArrayList<>());
            } else if (current != null && !line.isEmpty()) {
                current.add(line);
            }
        }
        return out;
    }

    private static String first(Map<String, List<String>> f, String key) {
        List<String> v = f.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0).strip();
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
    }

    private static List<PciBar> bars(List<String> lines) {
        List<PciBar> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] p = lines.get(i).strip().split("\\s+");
            if (p.length == 3) {
                long start = hexLong(p[0]);
                long end = hexLong(p[1]);
                if (start != 0 || end != 0) {
                    out.add(new PciBar(i, start, end, hexLong(p[2])));
                }
            }
        }
        return out;
    }

    static int hex(String s) {
        return (int) hexLong(s);
    }

    static long hexLong(String s) {
        String t = s.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 16) {
            return 0;
        }
        long v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!AsciiNumbers.isHexDigit(c)) {
                return 0;
            }
            int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            v = (v << 4) | d;
        }
        return v;
    }

    static int integer(String s, int otherwise) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9) {
            return otherwise;
        }
        int sign = 1;
        int i = 0;
        if (t.charAt(0) == '-') {
            sign = -1;
            i = 1;
        }
        if (i == t.length()) {
            return otherwise;
        }
        int v = 0;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return otherwise;
            }
            v = v * 10 + (c - '0');
        }
        return sign * v;
    }
}
