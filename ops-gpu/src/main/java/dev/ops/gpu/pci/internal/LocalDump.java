package dev.ops.gpu.pci.internal;

import dev.ops.core.text.AsciiNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes, for a host that is this machine, the same sections {@link TopologyReader#SCRIPT} prints,
 * read with file calls instead of processes: the parser is the same, and a test checks that both
 * ways give the same topology. About ten times faster than forking a shell, grep, ls and find.
 */
final class LocalDump {
    /** A chip name of a remapped interrupt, as {@link TopologyReader#SCRIPT}'s awk matches it. */
    private static final Pattern IR_CHIP = Pattern.compile(" v?IR-");
    private static final Pattern FRAMEBUFFER = Pattern.compile("bootfb|efifb|vesafb|simplefb|simple-framebuffer");

    private LocalDump() {}

    static String dump(String sysfs, String procfs) {
        StringBuilder out = new StringBuilder(64 * 1024);
        Path devices = Path.of(sysfs, "bus/pci/devices");
        List<Path> devs = list(devices);
        StringBuilder links = new StringBuilder("@links\n");
        StringBuilder roms = new StringBuilder("@roms\n");
        StringBuilder drm = new StringBuilder("@drm\n");
        out.append("@files\n");
        for (Path d : devs) {
            device(d, out, links, roms, drm);
        }
        out.append(links).append(roms).append(drm);
        out.append("@drivers\n");
        list(Path.of(sysfs, "bus/pci/drivers")).forEach(p -> out.append(p.getFileName()).append('\n'));
        out.append("@iommu\n");
        List<Path> units = list(Path.of(sysfs, "class/iommu"));
        units.forEach(p -> out.append(p.getFileName()).append('\n'));
        out.append("@ecap\n");
        for (Path u : units) {
            String ecap = read(u.resolve("intel-iommu/ecap"));
            if (ecap != null) {
                out.append(u.getFileName()).append("/intel-iommu/ecap:").append(ecap.strip()).append('\n');
            }
        }
        out.append("@cmdline\n").append(nonNull(read(Path.of(procfs, "cmdline")))).append('\n');
        out.append("@kernel\n").append(nonNull(read(Path.of(procfs, "sys/kernel/osrelease")))).append('\n');
        out.append("@iomem\n");
        for (String line : nonNull(read(Path.of(procfs, "iomem"))).split("\n")) {
            if (FRAMEBUFFER.matcher(line.toLowerCase(Locale.ROOT)).find()) {
                out.append(line).append('\n');
            }
        }
        out.append("@nvidia\n");
        for (Path g : list(Path.of(procfs, "driver/nvidia/gpus"))) {
            for (String line : nonNull(read(g.resolve("information"))).split("\n")) {
                if (line.contains("Device Minor")) {
                    out.append(g.getFileName()).append("/information:").append(line).append('\n');
                }
            }
        }
        out.append("@users\n");
        for (Path pid : list(Path.of(procfs))) {
            String p = pid.getFileName().toString();
            if (!AsciiNumbers.isDigits(p)) {
                continue;
            }
            String comm = null;
            String[] fds = new java.io.File(pid.toString(), "fd").list();
            if (fds == null) {
                continue;
            }
            for (String fdName : fds) {
                Path fd = pid.resolve("fd").resolve(fdName);
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("/dev/dri/") || target.startsWith("/dev/nvidia")) {
                        if (comm == null) {
                            String c = read(pid.resolve("comm"));
                            comm = c == null ? "" : c.lines().findFirst().orElse("");
                        }
                        out.append(p).append(' ').append(target).append(' ').append(comm).append('\n');
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // not a link, or the process ended
                }
            }
        }
        out.append("@irq\n");
        String interrupts = read(Path.of(procfs, "interrupts"));
        if (interrupts != null) {
            int ir = 0;
            int all = 0;
            for (String line : interrupts.split("\n")) {
                if (IR_CHIP.matcher(line).find()) {
                    ir++;
                }
                if (line.contains("PCI-MSI") || line.contains("IO-APIC")) {
                    all++;
                }
            }
            out.append(ir).append(' ').append(all).append('\n');
        }
        out.append("@block\n");
        List<Path> block = list(Path.of(sysfs, "class/block"));
        for (Path b : block) {
            try {
                out.append("l ").append(b.getFileName()).append(" -> ").append(Files.readSymbolicLink(b)).append('\n');
            } catch (IOException | UnsupportedOperationException e) {
                // not a link: as ls -l shows it, no target
            }
        }
        for (Path b : block) {
            String dev = read(b.resolve("dev"));
            if (dev != null) {
                out.append(b.getFileName()).append("/dev:").append(dev.strip()).append('\n');
            }
        }
        for (Path b : block) {
            String dm = read(b.resolve("dm/name"));
            if (dm != null) {
                out.append(b.getFileName()).append("/dm/name:").append(dm.strip()).append('\n');
            }
        }
        for (Path b : block) {
            for (Path s : list(b.resolve("slaves"))) {
                out.append(b.getFileName()).append("/slaves/").append(s.getFileName()).append('\n');
            }
        }
        out.append("@mounts\n").append(nonNull(read(Path.of(procfs, "self/mountinfo"))));
        return out.toString();
    }

    /** Everything of one device, from one listing of its directory: a missing file would cost an exception. */
    private static void device(Path d, StringBuilder files, StringBuilder links, StringBuilder roms, StringBuilder drm) {
        String name = d.getFileName().toString();
        String dir = d.toString();
        String[] entries = new java.io.File(dir).list();
        if (entries == null) {
            return;
        }
        java.util.Set<String> present = new java.util.HashSet<>(java.util.Arrays.asList(entries));
        byte[] buf = new byte[8192];
        for (String a : TopologyReader.ATTRIBUTES) {
            if (!present.contains(a)) {
                continue;
            }
            String text = readSmall(dir + "/" + a, buf);
            if (text == null || text.isEmpty()) {
                continue;
            }
            int from = 0;
            while (from < text.length()) {
                int nl = text.indexOf('\n', from);
                int end = nl < 0 ? text.length() : nl;
                if (end > from) {
                    files.append(name).append('/').append(a).append(':').append(text, from, end).append('\n');
                }
                from = end + 1;
            }
        }
        for (String l : List.of("driver", "iommu_group")) {
            if (present.contains(l)) {
                try {
                    links.append("l ").append(name).append('/').append(l).append(" -> ").append(Files.readSymbolicLink(d.resolve(l))).append('\n');
                } catch (IOException | UnsupportedOperationException e) {
                    // gone while reading, or not a link: as ls -l would, leave it out
                }
            }
        }
        if (present.contains("rom")) {
            roms.append(name).append("/rom\n");
        }
        if (present.contains("drm")) {
            String[] nodes = new java.io.File(dir, "drm").list();
            if (nodes != null) {
                java.util.Arrays.sort(nodes);
                for (String f : nodes) {
                    if (f.startsWith("card") || f.startsWith("renderD")) {
                        drm.append(name).append("/drm/").append(f).append('\n');
                    }
                }
            }
        }
    }

    private static String readSmall(String path, byte[] buf) {
        try (java.io.FileInputStream in = new java.io.FileInputStream(path)) {
            int n = 0;
            int r;
            while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
            }
            if (n == buf.length) {
                return new String(buf, 0, n, StandardCharsets.UTF_8) + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new String(buf, 0, n, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }
}
