package dev.ops.sys.facts.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.host.Command;
import dev.ops.sys.facts.BlockDevice;
import dev.ops.sys.facts.Cpus;
import dev.ops.sys.facts.HostFacts;
import dev.ops.sys.facts.Kernel;
import dev.ops.sys.facts.LoadAverage;
import dev.ops.sys.facts.Memory;
import dev.ops.sys.facts.OsRelease;
import dev.ops.sys.facts.SwapDevice;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one command that gathers facts, and the parser of its output. */
public final class FactsScript {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Prints each section as {@code \n<marker> <name>\n<content>}. Every read is of a file
     * (cat, grep -H for the many small sysfs files), except {@code uname -m}, {@code readlink}
     * and {@code df -P -B1} (statvfs; bounded by {@code timeout} where present, as a dead NFS
     * mount would hang it). The script always exits 0 and ends with an {@code end} section.
     */
    /** The plain files read in one {@code head -v} process, in this order. */
    static final List<String> FILES = List.of("/etc/os-release", "/usr/lib/os-release", "/proc/sys/kernel/osrelease",
            "/proc/sys/kernel/version", "/proc/sys/kernel/arch", "/proc/cpuinfo", "/sys/devices/system/cpu/online", "/proc/meminfo",
            "/proc/swaps", "/proc/self/mountinfo", "/proc/loadavg", "/proc/uptime", "/proc/sys/kernel/hostname",
            "/proc/sys/kernel/domainname", "/etc/timezone", "/proc/cmdline", "/etc/machine-id", "/proc/sys/kernel/random/boot_id");

    /**
     * Prints each section as {@code \n<marker> <name>\n<content>}. The plain files go through one
     * {@code head -v} process (a handful of forks in all, which matters when many hosts share a
     * machine); the many small sysfs files of block devices through one {@code grep -H}. Nothing is
     * scraped from human-formatted tools except {@code df -P -B1} (statvfs; bounded by
     * {@code timeout} where present, as a dead NFS mount would hang it) and {@code uname -m} on
     * kernels without /proc/sys/kernel/arch. The script always exits 0 and ends with an
     * {@code end} section.
     */
    static final String SCRIPT = String.join("\n",
            "m=$1; LC_ALL=C; export LC_ALL",
            "s() { printf '\\n%s %s\\n' \"$m\" \"$1\"; }",
            "s files; head -v -c 4194304 " + String.join(" ", FILES) + " 2>/dev/null",
            "[ -r /proc/sys/kernel/arch ] || { s arch; uname -m 2>/dev/null; }",
            "s block; grep -H . /sys/block/*/dev /sys/block/*/size /sys/block/*/ro /sys/block/*/removable"
                    + " /sys/block/*/queue/rotational /sys/block/*/device/model /sys/block/*/device/vendor 2>/dev/null",
            "s df; if command -v timeout >/dev/null 2>&1; then timeout 10 df -P -B1 2>/dev/null; else df -P -B1 2>/dev/null; fi",
            "s localtime; readlink /etc/localtime 2>/dev/null",
            "s end",
            "exit 0");

    private FactsScript() {}

    /** A fresh random marker that no file content can guess. */
    public static String newMarker() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return "@@ops-facts-" + HexFormat.of().formatHex(b);
    }

    /** The command, marked with {@code marker}. */
    public static Command command(String marker, Duration timeout) {
        return Command.builder().addArgv("sh", "-c", SCRIPT, "ops-facts", marker).timeout(timeout).build();
    }

    /** Parses the command's output. */
    public static HostFacts parse(String host, Instant at, String output, String marker) {
        Map<String, String> s = Sections.split(output, marker);
        Map<String, String> f = HeadFiles.split(s.getOrDefault("files", ""), FILES);
        String localtime = s.getOrDefault("localtime", "").strip();
        String zone = zoneFromLink(localtime);
        if (zone.isEmpty()) {
            zone = f.getOrDefault("/etc/timezone", "").strip();
        }
        String osRelease = f.containsKey("/etc/os-release") ? f.get("/etc/os-release") : f.getOrDefault("/usr/lib/os-release", "");
        String arch = f.containsKey("/proc/sys/kernel/arch") ? f.get("/proc/sys/kernel/arch") : s.getOrDefault("arch", "");
        return new HostFacts(host, at, new OsRelease(OsReleaseParser.parse(osRelease)),
                new Kernel(line(f, "/proc/sys/kernel/osrelease"), line(f, "/proc/sys/kernel/version"), arch.strip(), line(f, "/proc/cmdline"),
                        line(f, "/proc/sys/kernel/random/boot_id")),
                cpus(f.getOrDefault("/proc/cpuinfo", ""), f.getOrDefault("/sys/devices/system/cpu/online", "")),
                Memory.of(MeminfoParser.parse(f.getOrDefault("/proc/meminfo", ""))),
                swaps(f.getOrDefault("/proc/swaps", "")), blockDevices(s.getOrDefault("block", "")),
                MountinfoParser.parse(f.getOrDefault("/proc/self/mountinfo", "")), DfParser.parse(s.getOrDefault("df", "")),
                loadavg(f.getOrDefault("/proc/loadavg", "")), uptime(f.getOrDefault("/proc/uptime", "")), line(f, "/proc/sys/kernel/hostname"),
                line(f, "/proc/sys/kernel/domainname"), zone, line(f, "/etc/machine-id"));
    }

    private static String line(Map<String, String> s, String name) {
        return s.getOrDefault(name, "").strip();
    }

    /** The zone name from an /etc/localtime link target such as {@code /usr/share/zoneinfo/Europe/Berlin}. */
    public static String zoneFromLink(String target) {
        int i = target.indexOf("zoneinfo/");
        if (i < 0) {
            return "";
        }
        String zone = target.substring(i + "zoneinfo/".length());
        for (String prefix : List.of("posix/", "right/")) {
            if (zone.startsWith(prefix)) {
                zone = zone.substring(prefix.length());
            }
        }
        return zone;
    }

    static Cpus cpus(String cpuinfo, String online) {
        List<Map<String, String>> blocks = CpuinfoParser.blocks(cpuinfo);
        Set<String> sockets = new LinkedHashSet<>();
        int cores = 0;
        String model = "";
        String vendor = "";
        for (Map<String, String> b : blocks) {
            if (b.containsKey("physical id")) {
                sockets.add(b.get("physical id"));
            }
            if (cores == 0 && b.containsKey("cpu cores")) {
                try {
                    cores = AsciiNumbers.parseInt(b.get("cpu cores"));
                } catch (NumberFormatException e) {
                    cores = 0;
                }
            }
            if (model.isEmpty()) {
                model = b.getOrDefault("model name", b.getOrDefault("Processor", b.getOrDefault("cpu", "")));
            }
            if (vendor.isEmpty()) {
                vendor = b.getOrDefault("vendor_id", b.getOrDefault("CPU implementer", ""));
            }
        }
        int onlineCount = CpuinfoParser.cpuList(online).size();
        return new Cpus(blocks.size(), onlineCount == 0 ? blocks.size() : onlineCount, Math.max(1, sockets.size()), cores, model, vendor);
    }

    /** Parses /proc/swaps (sizes there are in KiB). */
    public static List<SwapDevice> swaps(String text) {
        List<SwapDevice> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("Filename") || line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            try {
                out.add(new SwapDevice(MountinfoParser.unescape(f[0]), f[1], AsciiNumbers.parseLong(f[2]) * 1024, AsciiNumbers.parseLong(f[3]) * 1024,
                        AsciiNumbers.parseInt(f[4])));
            } catch (NumberFormatException e) {
                // skip
            }
        }
        return out;
    }

    /** Parses {@code grep -H . /sys/block/NAME/FILE} lines ({@code path:value}) into devices. */
    public static List<BlockDevice> blockDevices(String text) {
        Map<String, Map<String, String>> byDevice = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("/sys/block/")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String rel = line.substring("/sys/block/".length(), colon);
            int slash = rel.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            byDevice.computeIfAbsent(rel.substring(0, slash), k -> new LinkedHashMap<>()).put(rel.substring(slash + 1), line.substring(colon + 1).strip());
        }
        List<BlockDevice> out = new ArrayList<>();
        byDevice.forEach((name, f) -> {
            long sectors;
            try {
                sectors = AsciiNumbers.parseLong(f.getOrDefault("size", "0"));
            } catch (NumberFormatException e) {
                sectors = 0;
            }
            out.add(new BlockDevice(name, f.getOrDefault("dev", ""), sectors * 512, "1".equals(f.get("ro")), "1".equals(f.get("removable")),
                    "1".equals(f.get("queue/rotational")), f.getOrDefault("device/model", ""), f.getOrDefault("device/vendor", "")));
        });
        return out;
    }

    static LoadAverage loadavg(String text) {
        String[] f = text.trim().split("\\s+");
        try {
            String[] rt = f[3].split("/");
            return new LoadAverage(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), AsciiNumbers.parseInt(rt[0]),
                    AsciiNumbers.parseInt(rt[1]));
        } catch (RuntimeException e) {
            return new LoadAverage(0, 0, 0, 0, 0);
        }
    }

    /** The first number of /proc/uptime (seconds with two decimals) as a duration. */
    public static Duration uptime(String text) {
        String[] f = text.trim().split("\\s+");
        try {
            return Duration.ofNanos(new java.math.BigDecimal(f[0]).movePointRight(9).longValueExact());
        } catch (RuntimeException e) {
            return Duration.ZERO;
        }
    }
}
