package dev.ops.gpu.pci.internal;

import dev.ops.gpu.pci.HostDisk;
import dev.ops.gpu.pci.PciAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's disks below PCI functions, and where they are mounted, from the {@code @block} section
 * (the {@code ls -l} of {@code /sys/class/block}, whose links lead through the PCI functions a device
 * hangs below; each device's {@code dev} number; the {@code slaves} of device-mapper devices) and the
 * {@code @mounts} section ({@code /proc/self/mountinfo}). A mount is traced by its device number, or by
 * its {@code /dev/<name>} source where the number is anonymous (btrfs), through device-mapper slaves
 * (LVM, dm-crypt) and partitions to the whole disk. With NVMe multipath a namespace head sits under
 * {@code devices/virtual/nvme-subsystem} and its controllers are found through its hidden paths
 * ({@code nvme0c0n1}, listed in {@code /sys/class/block} below the controller), as systemd's udev
 * finds the "real parent" of such a device.
 */
final class BlockDevices {
    private static final Pattern PCI = Pattern.compile("/([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7])(?=/)");

    /** A namespace head of NVMe multipath, {@code nvme<subsystem>n<namespace>}. */
    private static final Pattern NVME_HEAD = Pattern.compile("nvme([0-9]+)n([0-9]+)");
    /** A hidden path of NVMe multipath below one controller, {@code nvme<subsystem>c<controller>n<namespace>}. */
    private static final Pattern NVME_PATH = Pattern.compile("nvme[0-9]+c[0-9]+n[0-9]+");

    private BlockDevices() {}

    static List<HostDisk> disks(List<String> block, List<String> mountinfo) {
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, String> byNumber = new HashMap<>();
        Map<String, List<String>> slaves = new HashMap<>();
        Map<String, String> dmNames = new HashMap<>();
        for (String line : block) {
            int arrow = line.indexOf(" -> ");
            if (arrow > 0) {
                paths.put(line.substring(line.lastIndexOf(' ', arrow - 1) + 1, arrow), line.substring(arrow + 4).strip());
                continue;
            }
            int dev = line.indexOf("/dev:");
            if (dev > 0 && line.indexOf('/') == dev) {
                byNumber.put(line.substring(dev + 5).strip(), line.substring(0, dev));
                continue;
            }
            int dm = line.indexOf("/dm/name:");
            if (dm > 0 && line.indexOf('/') == dm) {
                dmNames.put(line.substring(0, dm), line.substring(dm + 9).strip());
                continue;
            }
            String[] p = line.strip().split("/");
            if (p.length == 3 && p[1].equals("slaves")) {
                slaves.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[2]);
            }
        }
        Map<String, Set<String>> mapped = new LinkedHashMap<>();
        for (String holder : slaves.keySet().stream().sorted().toList()) {
            for (String leaf : leaves(holder, slaves, 0)) {
                mapped.computeIfAbsent(disk(leaf, paths), k -> new LinkedHashSet<>()).add(dmNames.getOrDefault(holder, holder));
            }
        }
        Map<String, Set<String>> mounts = new LinkedHashMap<>();
        for (String line : mountinfo) {
            String[] f = line.split(" ");
            int dash = List.of(f).indexOf("-");
            if (f.length < 5 || dash < 0 || dash + 2 >= f.length) {
                continue;
            }
            String device = byNumber.get(f[2]);
            String source = f[dash + 2];
            if (device == null && source.startsWith("/dev/") && paths.containsKey(source.substring(5))) {
                device = source.substring(5);
            }
            if (device == null) {
                continue;
            }
            for (String leaf : leaves(device, slaves, 0)) {
                String disk = disk(leaf, paths);
                mounts.computeIfAbsent(disk, k -> new LinkedHashSet<>()).add(dev.ops.core.text.OctalEscapes.decode(f[4]));
            }
        }
        List<HostDisk> out = new ArrayList<>();
        for (Map.Entry<String, String> e : paths.entrySet()) {
            String name = e.getKey();
            if (!disk(name, paths).equals(name) || NVME_PATH.matcher(name).matches()) {
                continue;
            }
            List<String> below = new ArrayList<>();
            Matcher head = NVME_HEAD.matcher(name);
            if (e.getValue().contains("/nvme-subsystem/") && head.matches()) {
                // NVMe multipath (the default of Debian's and Proxmox's kernels): the namespace head lives under
                // devices/virtual/nvme-subsystem; its paths nvme<S>c<C>n<N> hang below the controllers
                Pattern legs = Pattern.compile("nvme" + head.group(1) + "c[0-9]+n" + head.group(2));
                paths.forEach((n, p) -> {
                    if (legs.matcher(n).matches()) {
                        below.add(p);
                    }
                });
            } else {
                below.add(e.getValue());
            }
            Set<PciAddress> controllers = new LinkedHashSet<>();
            for (String path : below) {
                PciAddress controller = null;
                Matcher m = PCI.matcher(path);
                while (m.find()) {
                    controller = PciAddress.parse(m.group(1));
                }
                if (controller != null) {
                    controllers.add(controller);
                }
            }
            controllers.forEach(c -> out.add(new HostDisk(name, c, List.copyOf(mounts.getOrDefault(name, Set.of())),
                    List.copyOf(mapped.getOrDefault(name, Set.of())))));
        }
        return out;
    }

    /** The devices at the bottom of {@code device}'s device-mapper stack (itself when it has no slaves). */
    private static Set<String> leaves(String device, Map<String, List<String>> slaves, int depth) {
        List<String> below = slaves.get(device);
        if (below == null || below.isEmpty() || depth > 8) {
            return Set.of(device);
        }
        Set<String> out = new LinkedHashSet<>();
        below.forEach(s -> out.addAll(leaves(s, slaves, depth + 1)));
        return out;
    }

    /** The whole disk {@code device} is on: its parent in sysfs when that is a block device too (a partition), else itself. */
    private static String disk(String device, Map<String, String> paths) {
        String path = paths.get(device);
        if (path == null) {
            return device;
        }
        String[] p = path.split("/");
        return p.length >= 2 && p[p.length - 1].equals(device) && paths.containsKey(p[p.length - 2]) ? p[p.length - 2] : device;
    }

}
