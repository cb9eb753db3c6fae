package dev.ops.gpu.boot.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.gpu.boot.BootConfig;
import dev.ops.gpu.boot.Bootloader;
import dev.ops.gpu.boot.VfioBoot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes (or removes) the boot prerequisites of VFIO: the kernel command line (GRUB snippet or
 * {@code /etc/kernel/cmdline}), {@code /etc/modules-load.d/ops-vfio.conf} and
 * {@code /etc/modprobe.d/ops-vfio.conf}, then refreshes the initramfs and the boot loader. Every file
 * step's undo restores the bytes, mode and owner read at plan time; the first step's undo refreshes
 * again, so that a rollback ends with the boot files rebuilt from the restored ones.
 */
public final class BootChange extends HostChange<BootConfig, BootChange.Context> {
    static final String SNIPPET = "/etc/default/grub.d/ops-vfio.cfg";
    static final String CMDLINE = "/etc/kernel/cmdline";
    static final String MODULES = "/etc/modules-load.d/ops-vfio.conf";
    static final String MODPROBE = "/etc/modprobe.d/ops-vfio.conf";
    static final String UDEV = "/etc/udev/rules.d/60-ops-vfio.rules";
    private static final Pattern OPTION = Pattern.compile("[A-Za-z0-9_.\\-]+(=[A-Za-z0-9_.,:/\\-]*)?");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern GRUB_LINE = Pattern.compile("^\\s*(GRUB_CMDLINE_LINUX(?:_DEFAULT)?)=\"?([^\"\\n]*)\"?", Pattern.MULTILINE);

    /** What planning decided, for the result. */
    public record Context(Bootloader bootloader, List<String> options, List<String> modules, List<String> files, boolean changed) {}

    private final String root;
    private final List<String> options;
    private final List<String> softdeps;
    private final List<String> blacklist;
    private final List<String> boundAtBoot;
    private final Optional<Bootloader> bootloader;
    private final boolean present;

    private BootChange(Host host, Ops ops, String root, List<String> options, List<String> softdeps, List<String> blacklist,
            List<String> boundAtBoot, Optional<Bootloader> bootloader, boolean present) {
        super(host, ops);
        this.boundAtBoot = boundAtBoot;
        this.root = root;
        this.options = options;
        this.softdeps = softdeps;
        this.blacklist = blacklist;
        this.bootloader = bootloader;
        this.present = present;
    }

    /** The change that puts the prerequisites in place. */
    public static Change<BootConfig> present(Host host, Ops ops, String root, List<String> options, List<String> softdeps,
            List<String> blacklist, List<String> boundAtBoot, Optional<Bootloader> bootloader) {
        return new BootChange(host, ops, root, options, softdeps, blacklist, boundAtBoot, bootloader, true);
    }

    /** The change that removes them. */
    public static Change<BootConfig> absent(Host host, Ops ops, String root, List<String> options, Optional<Bootloader> bootloader) {
        return new BootChange(host, ops, root, options, List.of(), List.of(), List.of(), bootloader, false);
    }

    @Override
    public String description() {
        return (present ? "put VFIO boot prerequisites in place" : "remove VFIO boot prerequisites") + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        for (String o : options) {
            v.check(OPTION.matcher(o).matches(), "kernelOptions", "'" + o + "' is not a kernel option (key or key=value, no spaces or quotes)");
        }
        for (String s : softdeps) {
            String[] p = s.split(" ");
            v.check(p.length == 2 && MODULE.matcher(p[0]).matches() && MODULE.matcher(p[1]).matches(), "softdep", "'" + s + "' is not two module names");
        }
        for (String b : blacklist) {
            v.check(MODULE.matcher(b).matches(), "blacklist", "'" + b + "' is not a module name");
        }
        v.check(!blacklist.contains("vfio-pci") && !blacklist.contains("vfio_pci"), "blacklist", "blacklisting vfio-pci defeats passthrough");
        v.check(root.isEmpty() || root.startsWith("/"), "root", "must be an absolute path");
        for (String a : boundAtBoot) {
            try {
                dev.ops.gpu.pci.PciAddress.parse(a, "bindAtBoot");
            } catch (dev.ops.core.error.ValidationException e) {
                e.violations().forEach(x -> v.add(x.field(), x.message()));
            }
        }
    }

    /** The kernel options asked for, or chosen for the host: {@code iommu=pt}, and {@code intel_iommu=on} on Intel before 6.8. */
    public static List<String> chosenOptions(Host host, String root, List<String> asked) {
        if (!asked.isEmpty()) {
            return asked;
        }
        List<String> out = new ArrayList<>();
        String kernel = host.readText(root + "/proc/sys/kernel/osrelease").orElse("").strip();
        boolean intel = host.readText(root + "/proc/cpuinfo").orElse("").contains("GenuineIntel");
        if (intel && !atLeast(kernel, 6, 8)) {
            out.add("intel_iommu=on");
        }
        out.add("iommu=pt");
        return out;
    }

    static boolean atLeast(String kernel, int major, int minor) {
        String[] p = kernel.split("[.-]");
        try {
            int ma = AsciiNumbers.parseInt(p[0]);
            int mi = p.length > 1 ? AsciiNumbers.parseInt(p[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Where the boot tools run: the host itself, chrooted into a full root, or nowhere (a plain directory). */
    private enum Target { HOST, CHROOT, NONE }

    /**
     * The host itself when the root is {@code /}; a root other than {@code /} that holds a system (an
     * executable {@code usr/sbin/update-initramfs} and {@code bin/sh}) gets the boot tools chrooted into
     * it; any other directory gets none, so the host's own boot files are never rebuilt from it.
     */
    private Target target() {
        if (root.isEmpty()) {
            return Target.HOST;
        }
        CommandResult r = host.run(Command.of("sh", "-c", "test -x \"$1/usr/sbin/update-initramfs\" && test -x \"$1/bin/sh\"", "sh", root));
        return r.ok() ? Target.CHROOT : Target.NONE;
    }

    /** {@code tool}, as root, where the target says: on the host, or {@code chroot <root> ...}. */
    private Command tool(Target where, String... argv) {
        List<String> a = new ArrayList<>();
        if (where == Target.CHROOT) {
            a.add("chroot");
            a.add(root);
        }
        a.addAll(List.of(argv));
        return Command.builder().addArgv(a.toArray(String[]::new)).build().asRoot();
    }

    private Bootloader detect(Target where) {
        if (bootloader.isPresent()) {
            return bootloader.get();
        }
        CommandResult r = where == Target.NONE ? null : host.run(tool(where, "proxmox-boot-tool", "status"));
        if (r != null && r.ok()) {
            String out = r.stdoutText();
            if (out.contains("configured with: uefi")) {
                return Bootloader.SYSTEMD_BOOT;
            }
            if (out.contains("configured with: grub")) {
                return Bootloader.GRUB;
            }
        }
        return host.readFile(root + CMDLINE, false).isPresent() ? Bootloader.SYSTEMD_BOOT : Bootloader.GRUB;
    }

    @Override
    protected Planned<Context> planSteps() {
        Target where = target();
        Bootloader loader = detect(where);
        List<String> opts = chosenOptions(host, root, options);
        String kernel = host.readText(root + "/proc/sys/kernel/osrelease").orElse("").strip();
        List<String> modules = new ArrayList<>(List.of("vfio", "vfio_iommu_type1", "vfio_pci"));
        if (!kernel.isEmpty() && !atLeast(kernel, 6, 2)) {
            modules.add("vfio_virqfd");
        }
        Map<String, byte[]> wanted = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (loader == Bootloader.GRUB) {
            if (present) {
                conflicts(host.readText(root + "/etc/default/grub").map(BootChange::grubOptions).orElse(List.of()), opts, "/etc/default/grub");
            }
            wanted.put(SNIPPET, present ? text("# Written by ops: kernel options for VFIO passthrough\n"
                    + "GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT " + String.join(" ", opts) + "\"\n") : null);
        } else {
            String line = host.readText(root + CMDLINE).orElse("").strip();
            List<String> tokens = new ArrayList<>(line.isEmpty() ? List.of() : Arrays.asList(line.split("\\s+")));
            if (present) {
                conflicts(tokens, opts, CMDLINE);
                opts.stream().filter(o -> !tokens.contains(o)).forEach(tokens::add);
            } else {
                tokens.removeAll(opts);
            }
            wanted.put(CMDLINE, text(String.join(" ", tokens) + "\n"));
        }
        wanted.put(MODULES, present ? text("# Written by ops: modules for VFIO passthrough\n" + String.join("\n", modules) + "\n") : null);
        if (!present || !softdeps.isEmpty() || !blacklist.isEmpty()) {
            StringBuilder b = new StringBuilder("# Written by ops: VFIO passthrough\n");
            softdeps.forEach(s -> b.append("softdep ").append(s.split(" ")[0]).append(" pre: ").append(s.split(" ")[1]).append('\n'));
            blacklist.forEach(m -> b.append("blacklist ").append(m).append('\n'));
            wanted.put(MODPROBE, present ? text(b.toString()) : null);
        }
        if (!present || !boundAtBoot.isEmpty()) {
            StringBuilder b = new StringBuilder("# Written by ops: these functions go to vfio-pci from boot on (by address, never by id)\n");
            boundAtBoot.stream().map(a -> dev.ops.gpu.pci.PciAddress.parse(a, "bindAtBoot").toString()).distinct()
                    .forEach(a -> b.append("ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"").append(a)
                            .append("\", ATTR{driver_override}=\"vfio-pci\"\n"));
            wanted.put(UDEV, present ? text(b.toString()) : null);
        }
        List<Step> fileSteps = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : wanted.entrySet()) {
            String path = root + e.getKey();
            FileSnapshot old = FileSnapshot.read(host, path, true);
            byte[] content = e.getValue();
            if (content == null ? !old.exists() : old.exists() && Arrays.equals(old.bytesOrNull(), content)) {
                continue;
            }
            files.add(path);
            fileSteps.add(content == null
                    ? Step.of("remove " + path, FileWriteAction.remove(host.name(), path, true), FileWriteAction.restore(host.name(), old, true))
                    : Step.of((old.exists() ? "rewrite " : "create ") + path, FileWriteAction.write(host.name(), old, content, true,
                            (old.exists() ? "rewrite " : "create ") + path), FileWriteAction.restore(host.name(), old, true)));
        }
        if (fileSteps.isEmpty()) {
            return Planned.none(new Context(loader, opts, modules, List.of(), false));
        }
        String refreshLine = "update-initramfs -u -k all && " + (loader == Bootloader.GRUB ? "update-grub" : "proxmox-boot-tool refresh");
        List<Step> steps = new ArrayList<>();
        if (where == Target.NONE) {
            steps.addAll(fileSteps);
            notes.add("boot files not refreshed: " + root + " is a plain directory, not a full root (no executable usr/sbin/update-initramfs"
                    + " and bin/sh there); run " + refreshLine + " inside it before it boots");
        } else {
            CommandAction refresh = CommandAction.of(host.name(), tool(where, "sh", "-c", refreshLine));
            CommandAction nothing = CommandAction.of(host.name(), Command.of("true"));
            String in = where == Target.CHROOT ? " chrooted into " + root : "";
            steps.add(Step.of("(on rollback: refresh initramfs and boot loader from the restored files" + in + ")", nothing, refresh));
            steps.addAll(fileSteps);
            steps.add(Step.of("refresh initramfs and " + (loader == Bootloader.GRUB ? "GRUB" : "systemd-boot") + in, refresh, nothing));
            if (where == Target.CHROOT) {
                notes.add("the boot tools run chrooted into " + root + ": /proc, /sys and /dev (and /boot/efi) must be mounted there");
            }
        }
        notes.add(VfioBoot.REQUIRES_REBOOT);
        return new Planned<>(steps, notes, new Context(loader, opts, modules, files, true));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> grubOptions(String grub) {
        List<String> out = new ArrayList<>();
        Matcher m = GRUB_LINE.matcher(grub);
        while (m.find()) {
            out.addAll(Arrays.stream(m.group(2).split("\\s+")).filter(s -> !s.isEmpty() && !s.startsWith("$")).toList());
        }
        return out;
    }

    /** Refuses options whose key is already set to another value in {@code existing}, naming both. */
    private static void conflicts(List<String> existing, List<String> wanted, String where) {
        Violations v = Violations.of("kernel command line");
        for (String w : wanted) {
            String key = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            for (String e : existing) {
                String ek = e.contains("=") ? e.substring(0, e.indexOf('=')) : e;
                if (ek.equals(key) && !e.equals(w)) {
                    v.add("kernelOptions", where + " already has " + e + ", which conflicts with " + w);
                }
            }
        }
        v.throwIfAny();
    }

    @Override
    protected BootConfig result(Context c) {
        return new BootConfig(c.bootloader(), present ? c.options() : List.of(), present ? c.modules() : List.of(), c.files(), c.changed());
    }
}
