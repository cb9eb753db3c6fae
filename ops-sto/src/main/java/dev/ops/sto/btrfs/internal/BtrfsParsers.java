package dev.ops.sto.btrfs.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.sto.btrfs.Qgroup;
import dev.ops.sto.btrfs.Subvolume;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for btrfs-progs' text output. A path may hold newlines: a line of
 * {@code btrfs subvolume list -p -u -q -R -g -c} that does not start with the full record prefix
 * (id, generations, parent, top level and three UUID columns) continues the path of the line before.
 */
public final class BtrfsParsers {
    private static final String UUID = "(-|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    private static final Pattern LIST_RECORD = Pattern.compile("ID (\\d+) gen (\\d+) cgen (\\d+) parent (\\d+) top level (\\d+) "
            + "parent_uuid " + UUID + " +received_uuid " + UUID + " +uuid " + UUID + " path (.*)");
    private static final Pattern SHORT_RECORD = Pattern.compile("ID (\\d+) gen (\\d+) top level (\\d+) path (.*)");
    private static final DateTimeFormatter SHOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    private BtrfsParsers() {}

    /**
     * The subvolumes in the output of {@code btrfs subvolume list -p -u -q -R -g -c}, read-only
     * where their id is in {@code readOnlyIds}.
     */
    public static List<Subvolume> list(String out, Set<Long> readOnlyIds) {
        List<Subvolume> subs = new ArrayList<>();
        Matcher current = null;
        StringBuilder path = null;
        for (String line : lines(out)) {
            Matcher m = LIST_RECORD.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    subs.add(listed(current, path.toString(), readOnlyIds));
                }
                current = m;
                path = new StringBuilder(m.group(9));
            } else if (current != null) {
                path.append('\n').append(line);
            } else if (!line.isEmpty()) {
                throw new IllegalArgumentException("unexpected line in btrfs subvolume list output: " + line);
            }
        }
        if (current != null) {
            subs.add(listed(current, path.toString(), readOnlyIds));
        }
        return subs;
    }

    /**
     * The ids in the output of {@code btrfs subvolume list -r} (short records); a line that is not a
     * record continues a path and is skipped.
     */
    public static Set<Long> ids(String out) {
        Set<Long> ids = new java.util.HashSet<>();
        for (String line : lines(out)) {
            Matcher m = SHORT_RECORD.matcher(line);
            if (m.matches()) {
                ids.add(AsciiNumbers.parseLong(m.group(1)));
            }
        }
        return ids;
    }

    private static Subvolume listed(Matcher m, String path, Set<Long> readOnlyIds) {
        long id = AsciiNumbers.parseLong(m.group(1));
        return new Subvolume(id, AsciiNumbers.parseLong(m.group(2)), AsciiNumbers.parseLong(m.group(4)), path, dash(m.group(8)),
                dash(m.group(6)), dash(m.group(7)), readOnlyIds.contains(id));
    }

    /** What {@code btrfs subvolume show PATH} says about one subvolume, by its field names. */
    public record Shown(Subvolume subvolume, Optional<OffsetDateTime> created) {}

    /** Parses {@code btrfs subvolume show}; {@code relativePath} is the path below the top level (its first line). */
    public static Shown show(String out) {
        Map<String, String> f = new HashMap<>();
        List<String> lines = lines(out);
        int firstField = 0;
        while (firstField < lines.size() && !lines.get(firstField).startsWith("\tName:")) {
            firstField++;
        }
        String path = String.join("\n", lines.subList(0, firstField));
        for (String line : lines.subList(Math.min(firstField, lines.size()), lines.size())) {
            if (line.startsWith("\t") && line.indexOf(':') > 0) {
                int c = line.indexOf(':');
                f.putIfAbsent(line.substring(1, c).strip(), line.substring(c + 1).strip());
            }
        }
        if (!f.containsKey("Subvolume ID")) {
            throw new IllegalArgumentException("no 'Subvolume ID' in btrfs subvolume show output");
        }
        boolean ro = Arrays.asList(f.getOrDefault("Flags", "-").split("\\s*,\\s*|\\s+")).contains("readonly");
        Subvolume s = new Subvolume(AsciiNumbers.parseLong(f.get("Subvolume ID")), AsciiNumbers.parseLong(f.getOrDefault("Generation", "0")),
                AsciiNumbers.parseLong(f.getOrDefault("Parent ID", "0")), path.equals("/") ? "" : path, dash(f.getOrDefault("UUID", "-")),
                dash(f.getOrDefault("Parent UUID", "-")), dash(f.getOrDefault("Received UUID", "-")), ro);
        Optional<OffsetDateTime> created = Optional.ofNullable(f.get("Creation time")).filter(t -> !t.equals("-"))
                .map(t -> OffsetDateTime.parse(t, SHOW_TIME));
        return new Shown(s, created);
    }

    /** The default subvolume's id from {@code btrfs subvolume get-default}: {@code ID 5 (FS_TREE)} or a short record. */
    public static long defaultId(String out) {
        String first = out.strip();
        Matcher m = Pattern.compile("ID (\\d+)\\b.*", Pattern.DOTALL).matcher(first);
        if (!m.matches()) {
            throw new IllegalArgumentException("unexpected btrfs subvolume get-default output: " + first);
        }
        return AsciiNumbers.parseLong(m.group(1));
    }

    /** The qgroups in {@code btrfs qgroup show -p --raw}; the path column (which may hold newlines) is not read. */
    public static List<Qgroup> qgroups(String out) {
        List<Qgroup> groups = new ArrayList<>();
        Pattern row = Pattern.compile("(\\d+/\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(\\s.*)?");
        for (String line : lines(out)) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                List<String> parents = m.group(4).equals("-") ? List.of() : List.of(m.group(4).split(","));
                groups.add(new Qgroup(m.group(1), AsciiNumbers.parseLong(m.group(2)), AsciiNumbers.parseLong(m.group(3)), parents));
            }
        }
        return groups;
    }

    private static String dash(String s) {
        return s.equals("-") ? "" : s;
    }

    private static List<String> lines(String out) {
        List<String> lines = new ArrayList<>(Arrays.asList(out.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
