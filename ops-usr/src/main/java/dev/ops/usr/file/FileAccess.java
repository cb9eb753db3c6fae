package dev.ops.usr.file;

import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what with one path: numeric owner and group, the setuid/setgid/sticky flags (as
 * getfacl writes them, e.g. {@code -s-}) and the full ACL, base entries included, in getfacl order.
 * Its {@link #render()} is the getfacl block {@code setfacl --restore} reads back.
 */
public record FileAccess(String path, long uid, long gid, String flags, List<AclEntry> entries) {

    /** Sorts the entries into getfacl order and checks that the base entries are there. */
    public FileAccess {
        List<AclEntry> sorted = new ArrayList<>(entries);
        sorted.sort(AclEntry.GETFACL_ORDER);
        entries = List.copyOf(sorted);
        Violations v = Violations.of("file access of " + path);
        v.check(path != null && path.startsWith("/"), "path", "must be absolute");
        v.check(flags != null && flags.matches("[s-][s-][t-]"), "flags", "'" + flags + "' must be like s-- (setuid, setgid, sticky)");
        v.check(base(entries, false, AclEntry.Tag.USER) != null && base(entries, false, AclEntry.Tag.GROUP) != null
                && base(entries, false, AclEntry.Tag.OTHER) != null, "entries", "must hold user::, group:: and other::");
        v.throwIfAny();
    }

    private static AclEntry base(List<AclEntry> entries, boolean def, AclEntry.Tag tag) {
        return entries.stream().filter(e -> e.isDefault() == def && e.tag() == tag && !e.isNamed()).findFirst().orElse(null);
    }

    /** The access entry of that tag without qualifier (owner, owning group, mask, other), or null. */
    public AclEntry base(AclEntry.Tag tag) {
        return base(entries, false, tag);
    }

    /** The mode as {@code stat %a} prints it, four octal digits (the group digit is the mask where there is one). */
    public String mode() {
        int special = (flags.charAt(0) == 's' ? 4 : 0) | (flags.charAt(1) == 's' ? 2 : 0) | (flags.charAt(2) == 't' ? 1 : 0);
        AclEntry mask = base(AclEntry.Tag.MASK);
        int group = (mask != null ? mask : base(AclEntry.Tag.GROUP)).bits();
        return "" + special + base(AclEntry.Tag.USER).bits() + group + base(AclEntry.Tag.OTHER).bits();
    }

    /** The entries beyond the three base ones (named users and groups, masks, default entries). */
    public List<AclEntry> extended() {
        return entries.stream().filter(e -> e.isDefault() || e.isNamed() || e.tag() == AclEntry.Tag.MASK).toList();
    }

    /** The getfacl block of this path (numeric ids), as {@code setfacl --restore} reads it, ending with a blank line. */
    public String render() {
        StringBuilder out = new StringBuilder("# file: ").append(escape(path)).append('\n')
                .append("# owner: ").append(uid).append('\n').append("# group: ").append(gid).append('\n');
        if (!flags.equals("---")) {
            out.append("# flags: ").append(flags).append('\n');
        }
        entries.forEach(e -> out.append(e.render()).append('\n'));
        return out.append('\n').toString();
    }

    /** One line for a plan: owner, group, mode and the extended entries. */
    public String summary() {
        List<AclEntry> ext = extended();
        return uid + ":" + gid + " " + mode() + (ext.isEmpty() ? "" : " " + ext);
    }

    /** Parses the output of {@code getfacl -n -p} (one block per path; {@code #effective} remarks ignored). */
    public static List<FileAccess> parseAll(String text) {
        List<FileAccess> out = new ArrayList<>();
        String path = null;
        long uid = -1;
        long gid = -1;
        String flags = "---";
        List<AclEntry> entries = new ArrayList<>();
        for (String raw : (text + "\n\n").split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (path != null) {
                    out.add(new FileAccess(path, uid, gid, flags, entries));
                }
                path = null;
                flags = "---";
                entries = new ArrayList<>();
            } else if (line.startsWith("# file: ")) {
                path = unescape(raw.substring(raw.indexOf("# file: ") + 8));
            } else if (line.startsWith("# owner: ")) {
                uid = AsciiNumbers.parseLong(line.substring(9).strip());
            } else if (line.startsWith("# group: ")) {
                gid = AsciiNumbers.parseLong(line.substring(9).strip());
            } else if (line.startsWith("# flags: ")) {
                flags = line.substring(9).strip();
            } else if (!line.startsWith("#")) {
                int cut = line.indexOf('\t');
                cut = cut < 0 ? line.indexOf('#') : cut;
                entries.add(AclEntry.parse(cut < 0 ? line : line.substring(0, cut).strip()));
            }
        }
        return out;
    }

    /** Escapes a path as getfacl does in the C locale: backslash, control and non-ASCII bytes as {@code \ooo}. */
    static String escape(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '\\' || c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\%03o", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\\' && isOctal(b, i + 1)) {
                out.write(AsciiNumbers.parseInt(new String(b, i + 1, 3, java.nio.charset.StandardCharsets.ISO_8859_1), 8));
                i += 3;
            } else {
                out.write(b[i]);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte[] b, int from) {
        if (from + 3 > b.length) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (b[i] < '0' || b[i] > '7') {
                return false;
            }
        }
        return true;
    }
}
