package dev.ops.sto.zfs.internal;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.zfs.ZfsCapabilities;
import dev.ops.sto.zfs.ZfsDataset;
import dev.ops.sto.zfs.ZfsPool;
import dev.ops.sto.zfs.ZfsProperty;
import dev.ops.sto.zfs.ZfsType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/** Reads ZFS on a host in the way its zfs command supports, detected once per host and remembered. */
public final class ZfsHost {
    private static final Map<Host, ZfsCapabilities> DETECTED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final String DETECT = "v=$(zfs version 2>/dev/null | head -n 1); printf '%s\\n' \"$v\"; "
            + "zfs list -H -p -o name -d 0 >/dev/null 2>&1 && echo parsable; "
            + "zfs list -j -d 0 >/dev/null 2>&1 && echo json; "
            + "zfs holds -H ops-capability-probe@x 2>&1 | grep -q pyzfs || echo holds; exit 0";

    private ZfsHost() {}

    /** What the host's zfs supports; asked once per host. */
    public static ZfsCapabilities capabilities(Host host) {
        return DETECTED.computeIfAbsent(host, h -> {
            List<String> lines = List.of(h.check(Command.of("sh", "-c", DETECT).asRoot()).stdoutText().split("\n", -1));
            String version = lines.isEmpty() ? "" : lines.get(0).strip();
            return new ZfsCapabilities(version, lines.contains("parsable"), lines.contains("json"), lines.contains("holds"));
        });
    }

    /** The dataset, volume or snapshot {@code name}, or empty. */
    public static Optional<ZfsDataset> get(Host host, String name) {
        List<ZfsDataset> found = read(host, name, false, "all");
        return found.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** {@code name} and everything below it (children, volumes, snapshots), in zfs's order; empty when it does not exist. */
    public static List<ZfsDataset> tree(Host host, String name) {
        return read(host, name, true, "all");
    }

    /** The snapshots of dataset {@code name} (not of its children), oldest first. */
    public static List<ZfsDataset> snapshots(Host host, String name) {
        List<ZfsDataset> snaps = new ArrayList<>(read(host, name, true, "snapshot").stream()
                .filter(d -> d.type() == ZfsType.SNAPSHOT && d.dataset().equals(name)).toList());
        // creation has a resolution of one second; zfs lists snapshots of a dataset in creation (txg) order
        return snaps;
    }

    private static List<ZfsDataset> read(Host host, String name, boolean recursive, String types) {
        ZfsCapabilities caps = capabilities(host);
        String cols = String.join(",", ZfsParsers.COLUMNS);
        List<String> argv = new ArrayList<>();
        if (caps.json()) {
            argv.addAll(List.of("zfs", "list", "-j", "--json-int", "-p", "-o", cols, "-t", types));
        } else if (caps.parsableList()) {
            argv.addAll(List.of("zfs", "list", "-H", "-p", "-o", cols, "-t", types));
        } else {
            argv.addAll(List.of("zfs", "get", "-H", "-p", "-o", "name,property,value"));
        }
        if (recursive) {
            argv.add("-r");
        }
        if (!caps.json() && !caps.parsableList()) {
            argv.add(String.join(",", ZfsParsers.COLUMNS.subList(1, ZfsParsers.COLUMNS.size())));
        }
        argv.add(name);
        CommandResult r = host.run(Command.of(argv).asRoot());
        if (!r.ok() && (r.stderrText().contains("does not exist") || r.stderrText().contains("no such pool"))) {
            return List.of();
        }
        ZfsErrors.check(r, "name", name);
        List<ZfsDataset> all = caps.json() ? ZfsParsers.json(r.stdoutText())
                : caps.parsableList() ? ZfsParsers.list(r.stdoutText()) : ZfsParsers.get(r.stdoutText());
        if (types.equals("snapshot")) {
            return all.stream().filter(d -> d.type() == ZfsType.SNAPSHOT).toList();
        }
        return all;
    }

    /** The dataset {@code name}, or a {@link VolumeNotFoundException} naming {@code field}. */
    public static ZfsDataset require(Host host, String field, String name) {
        return get(host, name).orElseThrow(() -> new VolumeNotFoundException(host.name(), field, name));
    }

    /** One property of {@code name} with its source, or empty when the dataset lacks it. */
    public static Optional<ZfsProperty> property(Host host, String name, String property) {
        CommandResult r = host.run(Command.of("zfs", "get", "-H", "-p", "-o", "name,property,value,source", property, name).asRoot());
        if (!r.ok() && r.stderrText().contains("invalid property")) {
            return Optional.empty();
        }
        ZfsErrors.check(r, "name", name);
        return ZfsParsers.properties(r.stdoutText()).stream().findFirst();
    }

    /** Health and scrub state of pool {@code name}, or empty. */
    public static Optional<ZfsPool> pool(Host host, String name) {
        CommandResult r = host.run(Command.of("zpool", "status", name).asRoot());
        if (!r.ok() && (r.stderrText().contains("no such pool") || r.stdoutText().contains("no such pool"))) {
            return Optional.empty();
        }
        ZfsErrors.check(r, "pool", name);
        String out = r.stdoutText();
        return Optional.of(new ZfsPool(name, ZfsParsers.health(out), ZfsParsers.scrub(out)));
    }
}
