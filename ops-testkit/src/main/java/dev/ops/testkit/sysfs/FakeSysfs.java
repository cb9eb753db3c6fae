package dev.ops.testkit.sysfs;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fake {@code /sys} and {@code /proc} for PCI work: real files and symbolic links under a temporary
 * directory ({@code <dir>/sys}, {@code <dir>/proc}), laid out as the kernel lays them out
 * ({@code bus/pci/devices/<address>} links into {@code devices/}, {@code driver} and
 * {@code iommu_group} links, {@code kernel/iommu_groups/<n>/devices}, {@code class/iommu}, and in
 * procfs {@code cmdline}, {@code iomem}, {@code sys/kernel/osrelease}, {@code driver/nvidia/gpus} and
 * processes whose {@code fd} links hold GPU device nodes).
 *
 * <p>Its {@link #host()} runs commands on this machine, but a write made with {@code tee <file>} to
 * a file of the tree acts as the kernel would: {@code driver_override} is kept, writing an address to
 * a driver's {@code unbind} moves the {@code driver} link away (refused with "Device or resource busy"
 * while a process holds the device's nodes, where the real kernel would block), {@code drivers_probe}
 * and a driver's {@code bind} bind the device to its override or, without one, to the driver it had
 * when the layout was recorded, if that driver is loaded. {@code modprobe <module>} never reaches this
 * machine's kernel: the fake loads a driver of that name. Every such write is recorded ({@link #writes()}).
 *
 * <p>Layouts are text files, one line per thing, each citing the public source it was recorded from:
 * <pre>
 * # source: https://...
 * kernel 6.8.12-4-pve
 * cmdline BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve root=/dev/mapper/pve-root ro quiet
 * iommu dmar0 ecap=0xf050da
 * driver vfio-pci
 * iomem 80000000-802fffff : BOOTFB
 * dev 0000:01:00.0 class=0x030000 id=10de:1c03 sub=1462:3283 driver=nvidia group=1 numa=-1 cpus=0-7 reset=flr,bus bootvga=1 rom
 *     link=8.0:16:8.0:16 drm=card0,renderD128 nvminor=0 bar0=f6000000-f6ffffff
 * user 1234 Xorg /dev/nvidia0
 * block nvme0n1 0000:04:00.0 259:0
 * block nvme0n1p3 part-of=nvme0n1 259:3
 * block dm-1 - 253:1 slaves=nvme0n1p3 name=pve-root
 * mount 253:1 / ext4 /dev/mapper/pve-root
 * interrupts  25:  0  0  IR-PCI-MSI 327680-edge  xhci_hcd
 * </pre>
 * A {@code block} line puts a disk below a PCI function (its {@code /sys/class/block} link leads through
 * it: {@code nvme/nvme0/} for NVMe, {@code ata1/host0/target0:0:0/0:0:0:0/block/} for SATA), a partition
 * below its disk ({@code part-of=}), or a virtual device ({@code -}, as device-mapper's) with its
 * {@code slaves}; {@code multipath} after an NVMe disk's number lays it out as NVMe multipath does (the
 * head under {@code devices/virtual/nvme-subsystem}, a hidden path {@code nvme0c0n1} below the controller); a {@code mount} line is a line of {@code /proc/self/mountinfo}; an {@code interrupts}
 * line is a line of {@code /proc/interrupts}.
 */
public final class FakeSysfs implements AutoCloseable {
    private final Path dir;
    private final Path sys;
    private final Path proc;
    private final Map<String, Device> devices = new TreeMap<>();
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final LocalHost local = LocalHost.named("fake-sysfs");
    private final List<String> layoutLines;
    private final Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();

    private record Device(String address, String original, String devicePath, List<String> nodes) {}

    private FakeSysfs(Path dir, List<String> lines) {
        this.dir = dir;
        this.sys = dir.resolve("sys");
        this.proc = dir.resolve("proc");
        this.layoutLines = List.copyOf(lines);
    }

    /** The names of the layouts this kit ships ({@code workstation-gtx1060}, ...). */
    public static List<String> layouts() {
        return List.of("workstation-gtx1060", "dual-identical-rtx5090", "shared-group-pch-slot", "amd-navi10-reset-bug",
                "laptop-igpu-dgpu", "server-8x-a100");
    }

    /** A tree in a new temporary directory from the shipped layout {@code name} (see {@link #layouts()}). */
    public static FakeSysfs layout(String name) {
        try (InputStream in = FakeSysfs.class.getResourceAsStream("layouts/" + name + ".layout")) {
            if (in == null) {
                throw new IllegalArgumentException("no layout " + name + "; there are " + layouts());
            }
            return fromText(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tree in a new temporary directory from a layout's text. */
    public static FakeSysfs fromText(String layout) {
        try {
            FakeSysfs f = new FakeSysfs(Files.createTempDirectory("ops-fake-sysfs-"), layout.lines().toList());
            f.build();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory that holds {@code sys} and {@code proc}. */
    public Path root() {
        return dir;
    }

    /** The fake sysfs root, for {@code Pci.on(host).sysfs(...)}. */
    public String sysfs() {
        return sys.toString();
    }

    /** The fake procfs root. */
    public String procfs() {
        return proc.toString();
    }

    /** The layout's lines as given. */
    public List<String> layoutLines() {
        return layoutLines;
    }

    /** A host whose {@code tee} writes to the tree act as the kernel does; every other command runs on this machine. */
    public Host host() {
        return new Host() {
            @Override
            public String name() {
                return "fake-sysfs";
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public CommandResult run(Command command) {
                List<String> argv = command.argv();
                if (argv.size() == 2 && argv.get(0).equals("tee") && Path.of(argv.get(1)).normalize().startsWith(dir)) {
                    String value = new String(command.stdin(), StandardCharsets.UTF_8);
                    String error = write(Path.of(argv.get(1)).normalize(), value);
                    byte[] err = error == null ? new byte[0] : ("tee: " + argv.get(1) + ": " + error + "\n").getBytes(StandardCharsets.UTF_8);
                    return CommandResult.of("fake-sysfs", command, error == null ? 0 : 1, error == null ? command.stdin() : new byte[0], err,
                            Duration.ZERO, false);
                }
                if (!argv.isEmpty() && argv.get(0).equals("modprobe")) {
                    // never load a module into this machine's kernel: the fake's kernel loads it
                    String module = argv.get(argv.size() - 1);
                    writes.add("modprobe " + module);
                    loadDriver(module);
                    return CommandResult.of("fake-sysfs", command, 0, new byte[0], new byte[0], Duration.ZERO, false);
                }
                return local.run(command);
            }
        };
    }

    /** The writes made through {@link #host()}, oldest first, as {@code <path relative to the tree> <- <value>}. */
    public List<String> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    /** The driver bound to {@code address} now, if any. */
    public Optional<String> driver(String address) {
        Path link = sys.resolve("bus/pci/devices").resolve(address).resolve("driver");
        try {
            return Files.isSymbolicLink(link) ? Optional.of(Files.readSymbolicLink(link).getFileName().toString()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code address}'s {@code driver_override}, empty when not set. */
    public String driverOverride(String address) {
        String s = read(sys.resolve("bus/pci/devices").resolve(address).resolve("driver_override")).strip();
        return s.equals("(null)") ? "" : s;
    }

    /**
     * Makes the next write to the tree whose path (relative to {@link #sysfs()}) is {@code path} fail with
     * {@code error} ({@code "Input/output error"}), as a driver that refuses can; for tests of what a
     * failure half-way leaves.
     */
    public void failNextWrite(String path, String error) {
        failures.put(path, error);
    }

    /** Makes process {@code pid} ({@code command}) hold the first device node of {@code address}, as a display server would. */
    public void hold(String address, int pid, String command) {
        Device d = devices.get(address);
        if (d == null || d.nodes().isEmpty()) {
            throw new IllegalArgumentException(address + " has no device node in this layout");
        }
        user(pid, command, d.nodes().get(0));
    }

    /** Ends process {@code pid}: its fd links go. */
    public void release(int pid) {
        deleteTree(proc.resolve(Integer.toString(pid)));
    }

    /** Loads a driver: it appears under {@code bus/pci/drivers}. */
    public void loadDriver(String name) {
        mkdirs(sys.resolve("bus/pci/drivers").resolve(name));
        touch(sys.resolve("bus/pci/drivers").resolve(name).resolve("bind"), "");
        touch(sys.resolve("bus/pci/drivers").resolve(name).resolve("unbind"), "");
        touch(sys.resolve("bus/pci/drivers").resolve(name).resolve("new_id"), "");
    }

    @Override
    public void close() {
        deleteTree(dir);
    }

    // ---- the kernel's side of writes

    private synchronized String write(Path path, String value) {
        writes.add(dir.relativize(path) + " <- " + value.strip());
        Path rel = sys.relativize(path);
        String injected = failures.remove(rel.toString());
        if (injected != null) {
            return injected;
        }
        String v = value.strip();
        String[] p = rel.toString().split("/");
        if (p.length == 5 && p[0].equals("bus") && p[2].equals("devices") && p[4].equals("driver_override")) {
            if (!devices.containsKey(p[3])) {
                return "No such file or directory";
            }
            touch(path, v.isEmpty() ? "(null)\n" : v + "\n");
            return null;
        }
        if (p.length == 3 && rel.toString().equals("bus/pci/drivers_probe")) {
            Device d = devices.get(v);
            if (d == null) {
                return "No such device";
            }
            if (driver(v).isEmpty()) {
                String override = driverOverride(v);
                String want = override.isEmpty() ? d.original() : override;
                if (!want.isEmpty() && Files.isDirectory(sys.resolve("bus/pci/drivers").resolve(want))) {
                    bind(d, want);
                }
            }
            return null;
        }
        if (p.length == 5 && p[0].equals("bus") && p[2].equals("drivers") && (p[4].equals("unbind") || p[4].equals("bind"))) {
            Device d = devices.get(v);
            if (d == null) {
                return "No such device";
            }
            Optional<String> now = driver(v);
            if (p[4].equals("unbind")) {
                if (now.isEmpty() || !now.get().equals(p[3])) {
                    return "No such device";
                }
                if (inUse(d)) {
                    return "Device or resource busy";
                }
                unbind(d, p[3]);
                return null;
            }
            if (now.isPresent()) {
                return "Device or resource busy";
            }
            String override = driverOverride(v);
            if (!override.isEmpty() && !override.equals(p[3])) {
                return "No such device";
            }
            bind(d, p[3]);
            return null;
        }
        if (Files.isRegularFile(path)) {
            touch(path, value);
            return null;
        }
        return "Permission denied";
    }

    private boolean inUse(Device d) {
        try (var pids = Files.list(proc)) {
            for (Path pid : pids.filter(x -> x.getFileName().toString().matches("[0-9]+")).toList()) {
                Path fd = pid.resolve("fd");
                if (!Files.isDirectory(fd)) {
                    continue;
                }
                try (var fds = Files.list(fd)) {
                    for (Path l : fds.toList()) {
                        if (Files.isSymbolicLink(l) && d.nodes().contains(Files.readSymbolicLink(l).toString())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bind(Device d, String driver) {
        Path dev = sys.resolve(d.devicePath());
        link(dev.resolve("driver"), "../../../bus/pci/drivers/" + driver);
        link(sys.resolve("bus/pci/drivers").resolve(driver).resolve(d.address()), "../../../../" + d.devicePath());
    }

    private void unbind(Device d, String driver) {
        try {
            Files.deleteIfExists(sys.resolve(d.devicePath()).resolve("driver"));
            Files.deleteIfExists(sys.resolve("bus/pci/drivers").resolve(driver).resolve(d.address()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- building the tree from the layout

    private void build() {
        mkdirs(sys.resolve("bus/pci/devices"));
        mkdirs(sys.resolve("bus/pci/drivers"));
        mkdirs(sys.resolve("kernel/iommu_groups"));
        mkdirs(sys.resolve("class/iommu"));
        mkdirs(proc.resolve("sys/kernel"));
        touch(sys.resolve("bus/pci/drivers_probe"), "");
        StringBuilder iomem = new StringBuilder();
        StringBuilder mountinfo = new StringBuilder();
        StringBuilder interrupts = new StringBuilder();
        for (String raw : layoutLines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split("\\s+", 2);
            String rest = w.length > 1 ? w[1] : "";
            switch (w[0]) {
                case "kernel" -> touch(proc.resolve("sys/kernel/osrelease"), rest + "\n");
                case "cmdline" -> touch(proc.resolve("cmdline"), rest + "\n");
                case "driver" -> loadDriver(rest);
                case "iomem" -> iomem.append(rest).append('\n');
                case "iommu" -> iommu(rest);
                case "dev" -> device(rest);
                case "block" -> block(rest);
                case "mount" -> {
                    String[] m = rest.split("\\s+");
                    mountinfo.append(20 + mountinfo.chars().filter(c -> c == '\n').count()).append(" 1 ").append(m[0]).append(" / ").append(m[1])
                            .append(" rw,relatime shared:1 - ").append(m[2]).append(' ').append(m[3]).append(" rw\n");
                }
                case "interrupts" -> interrupts.append(rest).append('\n');
                case "user" -> {
                    String[] u = rest.split("\\s+");
                    user(AsciiNumbers.parseInt(u[0]), u[1], u[2]);
                }
                default -> throw new IllegalArgumentException("layout line not understood: " + raw);
            }
        }
        touch(proc.resolve("iomem"), iomem.toString());
        mkdirs(proc.resolve("self"));
        touch(proc.resolve("self/mountinfo"), mountinfo.toString());
        if (interrupts.length() > 0) {
            touch(proc.resolve("interrupts"), "           CPU0       CPU1\n" + interrupts);
        }
    }

    private final Map<String, String> blockPaths = new java.util.HashMap<>();

    private void block(String rest) {
        String[] w = rest.split("\\s+");
        String name = w[0];
        String path;
        String number;
        String slaves = "";
        if (w[1].startsWith("part-of=")) {
            String disk = w[1].substring(8);
            if (!blockPaths.containsKey(disk)) {
                throw new IllegalArgumentException("block " + name + ": no disk " + disk + " above it");
            }
            path = blockPaths.get(disk) + "/" + name;
            number = w[2];
        } else if (w[1].equals("-")) {
            path = "devices/virtual/block/" + name;
            number = w[2];
            for (int i = 3; i < w.length; i++) {
                slaves = w[i].startsWith("slaves=") ? w[i].substring(7) : slaves;
            }
        } else {
            Device controller = devices.get(w[1]);
            if (controller == null) {
                throw new IllegalArgumentException("block " + name + ": no PCI function " + w[1] + " (dev lines come first)");
            }
            String below = name.startsWith("nvme") ? "nvme/" + name.replaceAll("n[0-9]+$", "")
                    : name.startsWith("sd") ? "ata1/host0/target0:0:0/0:0:0:0/block" : "block";
            number = w[2];
            if (w.length > 3 && w[3].equals("multipath")) {
                // NVMe multipath: the head under devices/virtual/nvme-subsystem, a hidden path below the controller
                String subsystem = name.replaceAll("^nvme([0-9]+)n[0-9]+$", "$1");
                String leg = name.replaceAll("^nvme([0-9]+)n([0-9]+)$", "nvme$1c$1n$2");
                String legPath = controller.devicePath() + "/" + below + "/" + leg;
                mkdirs(sys.resolve(legPath));
                mkdirs(sys.resolve("class/block"));
                link(sys.resolve("class/block").resolve(leg), "../../" + legPath);
                path = "devices/virtual/nvme-subsystem/nvme-subsys" + subsystem + "/" + name;
            } else {
                path = controller.devicePath() + "/" + below + "/" + name;
            }
        }
        Path dev = sys.resolve(path);
        mkdirs(dev);
        touch(dev.resolve("dev"), number + "\n");
        if (w[1].equals("-") && name.startsWith("dm-")) {
            mkdirs(dev.resolve("dm"));
            String dmName = name;
            for (int i = 3; i < w.length; i++) {
                dmName = w[i].startsWith("name=") ? w[i].substring(5) : dmName;
            }
            touch(dev.resolve("dm/name"), dmName + "\n");
        }
        if (w[1].startsWith("part-of=")) {
            touch(dev.resolve("partition"), name.replaceAll("^.*?([0-9]+)$", "$1") + "\n");
        }
        mkdirs(dev.resolve("slaves"));
        mkdirs(dev.resolve("holders"));
        for (String sl : slaves.isEmpty() ? new String[0] : slaves.split(",")) {
            if (!blockPaths.containsKey(sl)) {
                throw new IllegalArgumentException("block " + name + ": no block device " + sl + " below it");
            }
            link(dev.resolve("slaves").resolve(sl), sys.resolve(blockPaths.get(sl)).toString());
            link(sys.resolve(blockPaths.get(sl)).resolve("holders").resolve(name), dev.toString());
        }
        blockPaths.put(name, path);
        mkdirs(sys.resolve("class/block"));
        link(sys.resolve("class/block").resolve(name), "../../" + path);
    }

    private void iommu(String rest) {
        String[] w = rest.split("\\s+");
        Path unit = sys.resolve("class/iommu").resolve(w[0]);
        mkdirs(unit);
        for (int i = 1; i < w.length; i++) {
            if (w[i].startsWith("ecap=")) {
                mkdirs(unit.resolve("intel-iommu"));
                touch(unit.resolve("intel-iommu/ecap"), w[i].substring(5).replace("0x", "") + "\n");
            }
        }
    }

    private void device(String rest) {
        String[] w = rest.split("\\s+");
        String address = w[0];
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 1; i < w.length; i++) {
            int eq = w[i].indexOf('=');
            a.put(eq < 0 ? w[i] : w[i].substring(0, eq), eq < 0 ? "" : w[i].substring(eq + 1));
        }
        String devicePath = "devices/pci" + address.substring(0, 7) + "/" + address;
        Path d = sys.resolve(devicePath);
        mkdirs(d);
        String cls = a.getOrDefault("class", "0x000000");
        String[] id = a.getOrDefault("id", "0000:0000").split(":");
        String[] sub = a.getOrDefault("sub", "0000:0000").split(":");
        touch(d.resolve("class"), cls + "\n");
        touch(d.resolve("vendor"), "0x" + id[0] + "\n");
        touch(d.resolve("device"), "0x" + id[1] + "\n");
        touch(d.resolve("subsystem_vendor"), "0x" + sub[0] + "\n");
        touch(d.resolve("subsystem_device"), "0x" + sub[1] + "\n");
        touch(d.resolve("numa_node"), a.getOrDefault("numa", "-1") + "\n");
        if (a.containsKey("cpus")) {
            touch(d.resolve("local_cpulist"), a.get("cpus") + "\n");
        }
        touch(d.resolve("driver_override"), "(null)\n");
        touch(d.resolve("enable"), "1\n");
        if (a.containsKey("reset")) {
            touch(d.resolve("reset_method"), a.get("reset").replace(',', ' ') + "\n");
        }
        if (cls.startsWith("0x03")) {
            touch(d.resolve("boot_vga"), (a.containsKey("bootvga") ? a.get("bootvga") : "0") + "\n");
        }
        if (a.containsKey("rom")) {
            touch(d.resolve("rom"), "");
        }
        if (a.containsKey("link")) {
            String[] l = a.get("link").split(":");
            touch(d.resolve("current_link_speed"), l[0] + " GT/s PCIe\n");
            touch(d.resolve("current_link_width"), l[1] + "\n");
            touch(d.resolve("max_link_speed"), l[2] + " GT/s PCIe\n");
            touch(d.resolve("max_link_width"), l[3] + "\n");
        }
        StringBuilder resource = new StringBuilder();
        for (int bar = 0; bar < 7; bar++) {
            String r = a.get("bar" + bar);
            if (r == null) {
                resource.append("0x0000000000000000 0x0000000000000000 0x0000000000000000\n");
            } else {
                String[] se = r.split("-");
                resource.append(String.format("0x%016x 0x%016x 0x%016x%n", Long.parseUnsignedLong(se[0], 16), Long.parseUnsignedLong(se[1], 16),
                        0x140204L));
            }
        }
        touch(d.resolve("resource"), resource.toString());
        List<String> nodes = new ArrayList<>();
        if (a.containsKey("drm")) {
            for (String n : a.get("drm").split(",")) {
                mkdirs(d.resolve("drm").resolve(n));
                nodes.add("/dev/dri/" + n);
            }
        }
        if (a.containsKey("nvminor")) {
            nodes.add("/dev/nvidia" + a.get("nvminor"));
            Path info = proc.resolve("driver/nvidia/gpus").resolve(address);
            mkdirs(info);
            touch(info.resolve("information"), "Model: \t\t NVIDIA GPU\nDevice Minor: \t " + a.get("nvminor") + "\nBus Location: \t " + address + "\n");
        }
        link(sys.resolve("bus/pci/devices").resolve(address), "../../../" + devicePath);
        if (a.containsKey("group")) {
            Path g = sys.resolve("kernel/iommu_groups").resolve(a.get("group")).resolve("devices");
            mkdirs(g);
            link(g.resolve(address), "../../../../" + devicePath);
            link(d.resolve("iommu_group"), "../../../kernel/iommu_groups/" + a.get("group"));
        }
        String driver = a.getOrDefault("driver", "");
        Device dev = new Device(address, a.getOrDefault("probe", driver), devicePath, nodes);
        devices.put(address, dev);
        if (!driver.isEmpty()) {
            loadDriver(driver);
            bind(dev, driver);
        }
    }

    private void user(int pid, String command, String node) {
        Path p = proc.resolve(Integer.toString(pid));
        mkdirs(p.resolve("fd"));
        touch(p.resolve("comm"), command + "\n");
        int fd = 3;
        while (Files.exists(p.resolve("fd").resolve(Integer.toString(fd)), LinkOption.NOFOLLOW_LINKS)) {
            fd++;
        }
        link(p.resolve("fd").resolve(Integer.toString(fd)), node);
    }

    // ---- file helpers

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path p, String content) {
        try {
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path at, String target) {
        try {
            Files.deleteIfExists(at);
            Files.createSymbolicLink(at, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
