package dev.ops.testkit.pve.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The many PVE endpoints that keep named configuration entries the same way (replication jobs, HA
 * groups and rules, SDN zones and vnets, resource mappings, notification targets, backup jobs,
 * firewall aliases, realms...): a collection path answering {@code GET} (list) and {@code POST}
 * (create), and its {@code /{id}} child answering {@code GET}, {@code PUT} (with {@code delete} and
 * {@code digest}) and {@code DELETE}. Found in the schema, served generically for every such pair
 * the fake has no handler of its own for. Entries are kept as sent, after schema validation. What
 * PVE does with some of them is played elsewhere: SDN's pending and applied states
 * ({@link SdnHandlers}), HA rules placing resources, replication jobs running; other jobs do not run.
 */
final class ConfigCollections {
    private static final Pattern CHILD = Pattern.compile("(.*)/\\{([^}/]+)}");
    /** Ordered lists and entries that are not plain configuration. */
    private static final Set<String> NOT_GENERIC = Set.of("pos", "id@/access/tfa/{userid}");
    private static final Set<String> NOT_STORED = Set.of("digest", "delete");

    private final Cluster cluster;
    private int generated;
    /** Per collection, the array-typed parameters seen: stored one item per line, answered as arrays. */
    private final Map<String, Set<String>> arrays = new java.util.HashMap<>();

    ConfigCollections(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Registers every collection of the schema that {@code has} reports no handler for. */
    void register(ApiSchema schema, java.util.function.BiPredicate<String, String> has, Handlers.Registry r) {
        for (String child : schema.templates()) {
            Matcher m = CHILD.matcher(child);
            if (!m.matches()) {
                continue;
            }
            String parent = m.group(1);
            String key = m.group(2);
            if (NOT_GENERIC.contains(key) || NOT_GENERIC.contains(key + "@" + parent) || parent.contains("/ceph/")) {
                continue;
            }
            boolean collection = schema.endpoint("GET", parent).isPresent() && schema.endpoint("POST", parent).isPresent();
            boolean entry = schema.endpoint("GET", child).isPresent() && schema.endpoint("PUT", child).isPresent()
                    && schema.endpoint("DELETE", child).isPresent();
            if (!collection || !entry || has.test("GET", parent) || has.test("POST", parent) || has.test("GET", child)) {
                continue;
            }
            r.on("GET", parent, c -> list(parent, key, c));
            r.on("POST", parent, c -> create(parent, key, c));
            r.on("GET", child, c -> get(parent, key, c));
            r.on("PUT", child, c -> update(parent, key, c));
            r.on("DELETE", child, c -> delete(parent, key, c));
        }
    }

    private Map<String, Map<String, String>> entries(String parent, Call c) {
        cluster.requireParents(c);
        return cluster.configEntries.computeIfAbsent(c.expand(parent), k -> new LinkedHashMap<>());
    }

    private Object list(String parent, String key, Call c) {
        List<Object> out = new ArrayList<>();
        entries(parent, c).forEach((id, cfg) -> out.add(shown(parent, key, id, cfg)));
        return out;
    }

    private Object create(String parent, String key, Call c) {
        Map<String, Map<String, String>> entries = entries(parent, c);
        String id = c.get(key);
        if (id == null) {
            id = String.format("%s-%08x", key.equals("id") ? "job" : key, ++generated);
        }
        if (entries.containsKey(id)) {
            throw ApiError.die("create failed: '" + id + "' already exists");
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        Set<String> pathNames = Call.placeholders(parent);
        c.params().forEach((k, v) -> {
            if (!k.equals(key) && !pathNames.contains(k) && !NOT_STORED.contains(k)) {
                cfg.put(k, v);
                noteArray(parent, k, c);
            }
        });
        entries.put(id, cfg);
        return null;
    }

    private Map<String, String> existing(String parent, String key, Call c) {
        String id = c.req(key);
        Map<String, String> cfg = entries(parent, c).get(id);
        if (cfg == null) {
            throw ApiError.die("no such entry '" + id + "'");
        }
        return cfg;
    }

    private Object get(String parent, String key, Call c) {
        Map<String, String> cfg = existing(parent, key, c);
        Map<String, Object> out = shown(parent, key, c.req(key), cfg);
        out.put("digest", digest(cfg));
        return out;
    }

    private Object update(String parent, String key, Call c) {
        Map<String, String> cfg = existing(parent, key, c);
        if (c.has("digest") && !c.get("digest").equals(digest(cfg))) {
            throw ApiError.die("detected modified configuration - file changed by other user? Try again.");
        }
        if (c.has("delete")) {
            for (String k : c.get("delete").split("[,;\\s]+")) {
                cfg.remove(k);
            }
        }
        Set<String> pathNames = Call.placeholders(parent + "/{" + key + "}");
        c.params().forEach((k, v) -> {
            if (!pathNames.contains(k) && !NOT_STORED.contains(k)) {
                cfg.put(k, v);
                noteArray(parent, k, c);
            }
        });
        return null;
    }

    private Object delete(String parent, String key, Call c) {
        String id = c.req(key);
        if (entries(parent, c).remove(id) == null) {
            throw ApiError.die("no such entry '" + id + "'");
        }
        return null;
    }

    private void noteArray(String parent, String k, Call c) {
        com.fasterxml.jackson.databind.JsonNode p = c.endpoint().properties().get(k);
        if (p != null && "array".equals(p.path("type").asText())) {
            arrays.computeIfAbsent(parent, x -> new java.util.HashSet<>()).add(k);
        }
    }

    private Map<String, Object> shown(String parent, String key, String id, Map<String, String> cfg) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, id);
        Set<String> lists = arrays.getOrDefault(parent, Set.of());
        cfg.forEach((k, v) -> out.put(k, lists.contains(k) ? List.of(v.split("\n")) : v));
        return out;
    }

    private static String digest(Map<String, String> cfg) {
        return Cluster.sha1Hex(cfg.toString());
    }
}
