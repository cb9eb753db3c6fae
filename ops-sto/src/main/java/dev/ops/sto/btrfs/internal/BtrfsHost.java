package dev.ops.sto.btrfs.internal;

import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.btrfs.Qgroup;
import dev.ops.sto.btrfs.Subvolume;
import dev.ops.sto.btrfs.SubvolumeConflictException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reads a host's Btrfs through btrfs-progs (as root), and checks the paths callers give. */
public final class BtrfsHost {
    /** Exit code of the show script when nothing is at the path. */
    private static final int ABSENT = 3;
    /** Exit code of the show script when the path is there but is not on Btrfs or not a subvolume. */
    private static final int NOT_SUBVOLUME = 4;
    private static final String SHOW = "if [ ! -e \"$1\" ] && [ ! -L \"$1\" ]; then exit 3; fi; "
            + "out=$(btrfs subvolume show \"$1\" 2>&1) && { printf '%s\\n' \"$out\"; exit 0; }; printf '%s\\n' \"$out\" >&2; "
            + "case \"$out\" in *'ot a Btrfs subvolume'*|*'not a btrfs filesystem'*|*'Not a Btrfs'*|*'not a subvolume'*) exit 4;; esac; exit 1";

    /** Every subvolume with its ids, uuids and generations, a NUL, then the read-only ones (btrfs-progs lists those apart). */
    private static final String LIST = "btrfs subvolume list -p -u -q -R -g -c \"$1\" && printf '\\0' && btrfs subvolume list -r \"$1\"";

    private BtrfsHost() {}

    /** Adds a violation unless {@code path} is an absolute path without {@code .}/{@code ..} parts, NUL or a part over 255 bytes. */
    public static void checkPath(Violations v, String field, String path) {
        v.checkText(path, field, p -> p.startsWith("/") && p.length() > 1, "'" + path + "' must be an absolute path other than /");
        if (path == null || !path.startsWith("/") || path.length() <= 1) {
            return;
        }
        v.check(path.indexOf('\0') < 0, field, "must not hold a NUL byte");
        for (String part : path.substring(1).split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                v.add(field, "'" + printable(path) + "' must not have empty, '.' or '..' parts");
                return;
            }
            if (part.getBytes(StandardCharsets.UTF_8).length > 255) {
                v.add(field, "a part of '" + printable(path) + "' is longer than 255 bytes");
                return;
            }
        }
    }

    /** The path with newlines and tabs escaped, for messages. */
    public static String printable(String path) {
        return path.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    /**
     * The subvolume at {@code path}; empty when nothing is there; a {@link SubvolumeConflictException}
     * naming {@code field} when something is there that is not a Btrfs subvolume.
     */
    public static Optional<BtrfsParsers.Shown> show(Host host, String field, String path) {
        CommandResult r = host.run(Command.of("sh", "-c", SHOW, "sh", path).asRoot());
        if (r.exitCode() == ABSENT) {
            return Optional.empty();
        }
        if (r.exitCode() == NOT_SUBVOLUME) {
            throw new SubvolumeConflictException(path, field, "'" + printable(path) + "' exists on " + host.name() + " but is not a Btrfs subvolume");
        }
        r.orThrow();
        return Optional.of(BtrfsParsers.show(r.stdoutText()));
    }

    /** The subvolume at {@code path}, or a {@link VolumeNotFoundException} naming {@code field}. */
    public static BtrfsParsers.Shown require(Host host, String field, String path) {
        return show(host, field, path).orElseThrow(() -> new VolumeNotFoundException(host.name(), field, printable(path)));
    }

    /**
     * Every subvolume of the file system holding {@code path}, read-only flags included, with paths
     * below the top level (listed from the mount point: below a subvolume, btrfs prints paths relative to it).
     */
    public static List<Subvolume> list(Host host, String path) {
        return list(host, mount(host, path));
    }

    /** {@link #list(Host, String)} of the file system mounted at {@code mount}: both listings in one process. */
    public static List<Subvolume> list(Host host, Mount mount) {
        return parseLists(host.check(Command.of("sh", "-c", LIST, "sh", mount.target()).asRoot()).stdoutText());
    }

    /**
     * The paths (below the top level) of the subvolumes nested directly in the subvolume at
     * {@code path}, which {@code btrfs subvolume delete} refuses to leave behind: one
     * {@code btrfs subvolume list -o}.
     */
    public static List<String> children(Host host, String path) {
        String out = host.check(Command.of("btrfs", "subvolume", "list", "-o", path).asRoot()).stdoutText();
        java.util.List<String> paths = new java.util.ArrayList<>();
        java.util.regex.Pattern record = java.util.regex.Pattern.compile("ID \\d+ gen \\d+ top level \\d+ path (.*)");
        for (String line : out.split("\n")) {
            java.util.regex.Matcher m = record.matcher(line);
            if (m.matches()) {
                paths.add(m.group(1));
            } else if (!paths.isEmpty() && !line.isEmpty()) {
                paths.set(paths.size() - 1, paths.get(paths.size() - 1) + "\n" + line);
            }
        }
        return paths;
    }

    /** The quota groups of the file system holding {@code path}; empty when quotas are not enabled. */
    public static List<Qgroup> qgroups(Host host, String path) {
        CommandResult r = host.run(Command.of("btrfs", "qgroup", "show", "-p", "--raw", path).asRoot());
        if (!r.ok() && r.stderrText().contains("quotas not enabled")) {
            return List.of();
        }
        return BtrfsParsers.qgroups(r.orThrow().stdoutText());
    }

    /** The id of the default subvolume of the file system holding {@code path}. */
    public static long defaultId(Host host, String path) {
        return BtrfsParsers.defaultId(host.check(Command.of("btrfs", "subvolume", "get-default", path).asRoot()).stdoutText());
    }

    /** Where the file system holding {@code path} is mounted, and which of its paths is mounted there ({@code /} for the top level). */
    public record Mount(String target, String fsRoot) {
        /** The absolute path on the host of a path below the file system's top level, if it is under the mounted root. */
        public Optional<String> absolute(String topLevelPath) {
            String root = fsRoot.equals("/") ? "" : fsRoot.substring(1);
            String rel;
            if (root.isEmpty()) {
                rel = topLevelPath;
            } else if (topLevelPath.startsWith(root + "/")) {
                rel = topLevelPath.substring(root.length() + 1);
            } else {
                return Optional.empty();
            }
            return Optional.of(target.equals("/") ? "/" + rel : target + "/" + rel);
        }
    }

    /** The mount holding {@code path}. */
    public static Mount mount(Host host, String path) {
        // findmnt prints raw values with -r, escaping spaces and newlines as \x20 and \x0a
        return parseMount(host.check(Command.of("findmnt", "-n", "-r", "-o", "TARGET,FSROOT", "--target", path)).stdoutText());
    }

    /** A mount from {@code findmnt -n -r -o TARGET,FSROOT} output. */
    static Mount parseMount(String findmnt) {
        String[] parts = findmnt.strip().split(" ");
        return new Mount(unescape(parts[0]), parts.length > 1 ? unescape(parts[1]) : "/");
    }

    /** Both listings of {@link #list(Host, Mount)} as one process prints them, split at their NUL. */
    static List<Subvolume> parseLists(String both) {
        int split = both.indexOf('\0');
        if (split < 0) {
            throw new dev.ops.core.error.OpsException("btrfs subvolume list gave no read-only listing");
        }
        return parseLists(both.substring(0, split), both.substring(split + 1));
    }

    /** Every subvolume ({@code list -p -u -q -R -g -c}), marked read-only where the {@code list -r} output names it. */
    static List<Subvolume> parseLists(String all, String readOnly) {
        return BtrfsParsers.list(all, BtrfsParsers.ids(readOnly));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x') {
                bytes.write(dev.ops.core.text.AsciiNumbers.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                byte[] b = String.valueOf(s.charAt(i)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        out.append(bytes.toString(StandardCharsets.UTF_8));
        return out.toString();
    }
}
