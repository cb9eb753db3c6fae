package dev.ops.sto.lvm.internal;

import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.sto.lvm.LogicalVolume;
import dev.ops.sto.lvm.PhysicalVolume;
import dev.ops.sto.lvm.VolumeGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads LVM through its JSON reports, as root, and checks names as LVM does. */
public final class LvmHost {
    private static final List<String> RESERVED_PARTS = List.of("_cdata", "_cmeta", "_corig", "_mimage", "_mlog", "_pmspare", "_rimage",
            "_rmeta", "_tdata", "_tmeta", "_vorigin", "_vdata");

    private LvmHost() {}

    /** An LVM command line, quiet about inherited descriptors. */
    public static List<String> argv(String... args) {
        List<String> a = new ArrayList<>(List.of("env", "LVM_SUPPRESS_FD_WARNINGS=1"));
        a.addAll(List.of(args));
        return a;
    }

    private static String report(Host host, String... args) {
        return host.check(Command.of(argv(args)).asRoot()).stdoutText();
    }

    /** Every physical volume. */
    public static List<PhysicalVolume> pvs(Host host) {
        return LvmReports.pvs(report(host, "pvs", "--reportformat", "json", "--units", "b", "--nosuffix", "-o", LvmReports.PV_COLUMNS));
    }

    /** Every volume group. */
    public static List<VolumeGroup> vgs(Host host) {
        return LvmReports.vgs(report(host, "vgs", "--reportformat", "json", "--units", "b", "--nosuffix", "-o", LvmReports.VG_COLUMNS));
    }

    /** Every logical volume. */
    public static List<LogicalVolume> lvs(Host host) {
        return LvmReports.lvs(report(host, "lvs", "--reportformat", "json", "--units", "b", "--nosuffix", "-o", LvmReports.LV_COLUMNS));
    }

    /** The logical volume {@code vg/name}, or empty. */
    public static Optional<LogicalVolume> lv(Host host, String fullName) {
        return lvs(host).stream().filter(l -> l.fullName().equals(fullName)).findFirst();
    }

    /** Adds a violation unless {@code name} is a volume group or logical volume name LVM accepts. */
    public static void checkName(Violations v, String field, String name) {
        v.checkText(name, field, n -> n.matches("[A-Za-z0-9+_.][A-Za-z0-9+_.-]{0,126}") && !n.equals(".") && !n.equals(".."),
                "'" + name + "' is not an LVM name (letters, digits, + _ . -, not starting with -, at most 127 characters)");
        if (name != null && (name.startsWith("snapshot") || name.startsWith("pvmove") || RESERVED_PARTS.stream().anyMatch(name::contains))) {
            v.add(field, "'" + name + "' uses a name LVM reserves for its own volumes");
        }
    }

    /** Adds a violation unless {@code full} is {@code vg/lv} with valid names. */
    public static void checkFullName(Violations v, String field, String full) {
        if (full == null || full.indexOf('/') < 0 || full.indexOf('/') != full.lastIndexOf('/')) {
            v.add(field, "'" + full + "' must be vg/lv");
            return;
        }
        checkName(v, field, full.substring(0, full.indexOf('/')));
        checkName(v, field, full.substring(full.indexOf('/') + 1));
    }
}
