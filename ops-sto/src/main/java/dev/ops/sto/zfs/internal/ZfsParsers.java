package dev.ops.sto.zfs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.json.internal.Json;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.sto.zfs.ScrubStatus;
import dev.ops.sto.zfs.ZfsDataset;
import dev.ops.sto.zfs.ZfsProperty;
import dev.ops.sto.zfs.ZfsType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the three ways a host's zfs reports datasets, and for {@code zpool status}. */
public final class ZfsParsers {
    /** The columns read for each dataset, in the order {@code zfs list -o} asks for them. */
    public static final List<String> COLUMNS = List.of("name", "type", "used", "available", "referenced", "creation", "mountpoint");

    private ZfsParsers() {}

    /** {@code zfs list -H -p -o name,type,used,available,referenced,creation,mountpoint}: one tab-separated line per dataset. */
    public static List<ZfsDataset> list(String out) {
        List<ZfsDataset> ds = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != COLUMNS.size()) {
                throw new IllegalArgumentException("expected " + COLUMNS.size() + " tab-separated columns in zfs list output: " + line);
            }
            ds.add(dataset(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
        }
        return ds;
    }

    /**
     * {@code zfs get -H -p -o name,property,value type,used,available,referenced,creation,mountpoint}: one
     * line per dataset and property, datasets in the order zfs printed them.
     */
    public static List<ZfsDataset> get(String out) {
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw new IllegalArgumentException("expected name, property and value in zfs get output: " + line);
            }
            byName.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f[2]);
        }
        List<ZfsDataset> ds = new ArrayList<>();
        byName.forEach((name, p) -> ds.add(dataset(name, p.getOrDefault("type", "-"), p.getOrDefault("used", "-"),
                p.getOrDefault("available", "-"), p.getOrDefault("referenced", "-"), p.getOrDefault("creation", "-"),
                p.getOrDefault("mountpoint", "-"))));
        return ds;
    }

    /** {@code zfs get -H -p -o name,property,value,source}: the properties of one dataset, in order. */
    public static List<ZfsProperty> properties(String out) {
        List<ZfsProperty> props = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException("expected name, property, value and source in zfs get output: " + line);
            }
            props.add(new ZfsProperty(f[1], f[2], f[3]));
        }
        return props;
    }

    /**
     * {@code zfs list -j --json-int -o ...} (OpenZFS 2.3+): {@code datasets} keyed by name, each with
     * {@code type} and {@code properties.<name>.value}, values numbers or strings.
     */
    public static List<ZfsDataset> json(String out) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(out.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("zfs list -j printed no JSON", e);
        }
        List<ZfsDataset> ds = new ArrayList<>();
        JsonNode datasets = root.path("datasets");
        for (Iterator<Map.Entry<String, JsonNode>> it = datasets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode d = e.getValue();
            JsonNode p = d.path("properties");
            String type = d.hasNonNull("type") ? d.get("type").asText() : value(p, "type");
            ds.add(dataset(d.path("name").asText(e.getKey()), type, value(p, "used"), value(p, "available"), value(p, "referenced"),
                    value(p, "creation"), value(p, "mountpoint")));
        }
        return ds;
    }

    private static String value(JsonNode props, String name) {
        JsonNode v = props.path(name).path("value");
        return v.isMissingNode() || v.isNull() ? "-" : v.asText();
    }

    private static ZfsDataset dataset(String name, String type, String used, String avail, String refer, String creation, String mountpoint) {
        return new ZfsDataset(name, ZfsType.valueOf(type.toUpperCase(Locale.ROOT)), bytes(used), bytes(avail), bytes(refer),
                Instant.ofEpochSecond(bytes(creation)), mountpoint.equals("-") ? "" : mountpoint);
    }

    private static long bytes(String v) {
        if (v.equals("-") || v.isEmpty()) {
            return 0;
        }
        if (!AsciiNumbers.isDigits(v)) {
            throw new IllegalArgumentException("zfs printed '" + v + "' where exact bytes or seconds were expected "
                    + "(ops asks for them: -p, and --json-int with -j)");
        }
        return AsciiNumbers.parseLong(v);
    }

    private static final Pattern STATE = Pattern.compile("(?m)^\\s*state: (\\S+)");
    private static final Pattern SCAN = Pattern.compile("(?m)^\\s*(?:scan|scrub): (.*)$");
    private static final Pattern ERRORS = Pattern.compile("with (\\d+) errors");

    /** The pool's state line of {@code zpool status}. */
    public static String health(String status) {
        Matcher m = STATE.matcher(status);
        return m.find() ? m.group(1) : "UNKNOWN";
    }

    /** The scrub line of {@code zpool status} ({@code scan:} in OpenZFS, {@code scrub:} in older ZFS). */
    public static ScrubStatus scrub(String status) {
        Matcher m = SCAN.matcher(status);
        if (!m.find()) {
            return new ScrubStatus(ScrubStatus.State.NONE, 0, "");
        }
        String line = m.group(1).strip();
        String lower = line.toLowerCase(Locale.ROOT);
        Matcher e = ERRORS.matcher(line);
        long errors = e.find() ? AsciiNumbers.parseLong(e.group(1)) : 0;
        ScrubStatus.State state;
        if (lower.contains("in progress")) {
            state = ScrubStatus.State.RUNNING;
        } else if (lower.contains("canceled")) {
            state = ScrubStatus.State.CANCELED;
        } else if (lower.contains("scrub repaired") || lower.contains("scrub completed")) {
            state = ScrubStatus.State.FINISHED;
        } else {
            state = ScrubStatus.State.NONE;
        }
        return new ScrubStatus(state, errors, line);
    }
}
