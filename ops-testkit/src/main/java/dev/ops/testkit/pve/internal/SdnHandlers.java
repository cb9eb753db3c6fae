package dev.ops.testkit.pve.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SDN as PVE runs it: zones, vnets and subnets are edited as pending configuration (stored by
 * {@link ConfigCollections}) and take effect only when applied ({@code PUT /cluster/sdn}, a
 * {@code reloadnetworkall} task). Lists show the pending state with {@code pending=1} (each object
 * {@code new}, {@code changed} or {@code deleted}, the pending values under {@code pending}) and the
 * applied one with {@code running=1}; a node's zones and their vnets are the applied ones; and a
 * guest whose NIC names a vnet that is not applied fails to start, as its bridge does not exist.
 */
final class SdnHandlers extends HandlerSection {
    private static final String PREFIX = "/cluster/sdn/";
    private static final Pattern BRIDGE = Pattern.compile("(?:^|,)bridge=([^,]+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}");

    SdnHandlers(Cluster cluster, Views views) {
        super(cluster, views);
    }

    @Override
    void routes() {
        on("PUT", "/cluster/sdn", c -> {
            Task t = cluster.startTask(cluster.nodes.keySet().iterator().next(), "reloadnetworkall", "", c.user());
            t.onSuccess(this::apply);
            return cluster.schedule(t);
        });
        on("GET", "/cluster/sdn/zones", c -> ofType(listed("/cluster/sdn/zones", "zone", c), c.get("type")));
        on("GET", "/cluster/sdn/vnets", c -> listed("/cluster/sdn/vnets", "vnet", c));
        on("GET", "/nodes/{node}/sdn/zones", c -> {
            cluster.node(c.node());
            List<Object> out = new ArrayList<>();
            running("/cluster/sdn/zones").keySet().forEach(z -> out.add(map("zone", z, "status", "available")));
            return out;
        });
        on("GET", "/nodes/{node}/sdn/zones/{zone}/content", c -> {
            cluster.node(c.node());
            String zone = c.req("zone");
            if (!running("/cluster/sdn/zones").containsKey(zone)) {
                throw ApiError.die("zone '" + zone + "' does not exist");
            }
            List<Object> out = new ArrayList<>();
            running("/cluster/sdn/vnets").forEach((vnet, cfg) -> {
                if (zone.equals(cfg.get("zone"))) {
                    out.add(map("vnet", vnet, "status", "available"));
                }
            });
            return out;
        });
    }

    /** Why a guest cannot start: a NIC's bridge is a vnet that is not applied yet; null when every bridge exists. */
    static String missingBridge(Cluster cluster, Guest g) {
        Map<String, Map<String, String>> pending = cluster.configEntries.getOrDefault("/cluster/sdn/vnets", Map.of());
        Map<String, Map<String, String>> running = cluster.sdnRunning.getOrDefault("/cluster/sdn/vnets", Map.of());
        for (Map.Entry<String, String> e : g.config.entrySet()) {
            if (!e.getKey().matches("net\\d+")) {
                continue;
            }
            Matcher m = BRIDGE.matcher(e.getValue());
            if (m.find() && pending.containsKey(m.group(1)) && !running.containsKey(m.group(1))) {
                return "bridge '" + m.group(1) + "' does not exist";
            }
        }
        return null;
    }

    private void apply() {
        cluster.sdnRunning.clear();
        cluster.configEntries.forEach((path, entries) -> {
            if (path.startsWith(PREFIX)) {
                Map<String, Map<String, String>> copy = new LinkedHashMap<>();
                entries.forEach((id, cfg) -> copy.put(id, new LinkedHashMap<>(cfg)));
                cluster.sdnRunning.put(path, copy);
            }
        });
    }

    private Map<String, Map<String, String>> running(String path) {
        return cluster.sdnRunning.getOrDefault(path, Map.of());
    }

    private List<Object> listed(String path, String key, Call c) {
        Map<String, Map<String, String>> pending = cluster.configEntries.getOrDefault(path, Map.of());
        Map<String, Map<String, String>> running = running(path);
        List<Object> out = new ArrayList<>();
        if (c.flag("running", false)) {
            running.forEach((id, cfg) -> out.add(entry(key, id, cfg)));
            return out;
        }
        if (!c.flag("pending", false)) {
            pending.forEach((id, cfg) -> out.add(entry(key, id, cfg)));
            return out;
        }
        Set<String> ids = new LinkedHashSet<>(running.keySet());
        ids.addAll(pending.keySet());
        for (String id : ids) {
            out.add(pendingEntry(key, id, running.get(id), pending.get(id)));
        }
        return out;
    }

    /** An object as {@code pending=1} shows it: the applied values, and what differs under {@code pending} with its state. */
    private static Map<String, Object> pendingEntry(String key, String id, Map<String, String> now, Map<String, String> next) {
        if (now == null) {
            Map<String, Object> e = map(key, id, "state", "new", "pending", values(next, "type"));
            e.put("type", next.getOrDefault("type", key.equals("vnet") ? "vnet" : ""));
            return e;
        }
        Map<String, Object> e = entry(key, id, now);
        if (next == null) {
            e.put("state", "deleted");
            return e;
        }
        Map<String, Object> differs = new LinkedHashMap<>();
        next.forEach((k, v) -> {
            if (!k.equals("type") && !v.equals(now.get(k))) {
                differs.put(k, typed(k, v));
            }
        });
        if (!differs.isEmpty() || !next.keySet().containsAll(now.keySet())) {
            e.put("state", "changed");
            e.put("pending", differs);
        }
        return e;
    }

    private static List<Object> ofType(List<Object> entries, String type) {
        return type == null ? entries : entries.stream().filter(e -> type.equals(((Map<?, ?>) e).get("type"))).toList();
    }

    private static Map<String, Object> entry(String key, String id, Map<String, String> cfg) {
        Map<String, Object> e = map(key, id);
        e.putAll(values(cfg, null));
        if (key.equals("vnet")) {
            e.putIfAbsent("type", "vnet");
        }
        return e;
    }

    private static Map<String, Object> values(Map<String, String> cfg, String leftOut) {
        Map<String, Object> out = new LinkedHashMap<>();
        cfg.forEach((k, v) -> {
            if (!k.equals(leftOut)) {
                out.put(k, typed(k, v));
            }
        });
        return out;
    }

    /** Numbers as numbers, as PVE's JSON sends them (a zone or vnet id stays text). */
    private static Object typed(String key, String v) {
        return NUMBER.matcher(v).matches() && !key.equals("zone") && !key.equals("vnet") ? (Object) dev.ops.core.text.AsciiNumbers.parseInt(v) : v;
    }
}
