package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ordered firewall rule lists as pve-firewall keeps them, at every level the schema has (cluster,
 * node, guest, SDN vnet, security group): a new rule goes on top (or at {@code pos}), {@code moveto}
 * moves one, {@code digest} guards every write; and security groups, which a rule of type
 * {@code group} must name. Rules are stored, not enforced.
 */
final class FirewallRules {
    private static final Set<String> NOT_RULE_FIELDS = Set.of("pos", "digest", "delete", "moveto");
    private static final String GROUPS = "/cluster/firewall/groups";

    private final Cluster cluster;

    FirewallRules(Cluster cluster) {
        this.cluster = cluster;
    }

    void register(ApiSchema schema, Handlers.Registry r) {
        for (String list : schema.templates()) {
            if (list.endsWith("/firewall/rules") && schema.endpoint("POST", list).isPresent()) {
                registerList(r, list, list + "/{pos}");
            }
        }
        registerList(r, GROUPS + "/{group}", GROUPS + "/{group}/{pos}");
        r.on("GET", GROUPS, c -> {
            List<Object> out = new ArrayList<>();
            cluster.securityGroups.forEach((g, comment) -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("group", g);
                if (!comment.isEmpty()) {
                    e.put("comment", comment);
                }
                e.put("digest", digest(rules(GROUPS + "/" + g)));
                out.add(e);
            });
            return out;
        });
        r.on("POST", GROUPS, c -> {
            String group = c.req("group");
            String rename = c.get("rename");
            if (rename != null) {
                if (!cluster.securityGroups.containsKey(rename)) {
                    throw ApiError.die("security group '" + rename + "' does not exist");
                }
                if (!rename.equals(group) && cluster.securityGroups.containsKey(group)) {
                    throw ApiError.die("security group '" + group + "' already exists");
                }
                String comment = c.has("comment") ? c.get("comment") : cluster.securityGroups.remove(rename);
                cluster.securityGroups.remove(rename);
                cluster.securityGroups.put(group, comment == null ? "" : comment);
                cluster.firewallRules.put(GROUPS + "/" + group, cluster.firewallRules.getOrDefault(GROUPS + "/" + rename, new ArrayList<>()));
                if (!rename.equals(group)) {
                    cluster.firewallRules.remove(GROUPS + "/" + rename);
                }
                return null;
            }
            if (cluster.securityGroups.containsKey(group)) {
                throw ApiError.die("security group '" + group + "' already exists");
            }
            cluster.securityGroups.put(group, c.get("comment") == null ? "" : c.get("comment"));
            return null;
        });
        r.on("DELETE", GROUPS + "/{group}", c -> {
            String group = requireGroup(c.req("group"));
            if (!rules(GROUPS + "/" + group).isEmpty()) {
                throw ApiError.die("security group '" + group + "' is not empty");
            }
            cluster.securityGroups.remove(group);
            cluster.firewallRules.remove(GROUPS + "/" + group);
            return null;
        });
    }

    private void registerList(Handlers.Registry r, String list, String entry) {
        r.on("GET", list, c -> {
            List<Map<String, String>> rules = rules(list, c);
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                out.add(shown(rules.get(i), i));
            }
            return out;
        });
        r.on("POST", list, c -> {
            List<Map<String, String>> rules = rules(list, c);
            checkDigest(c, rules);
            Map<String, String> rule = new LinkedHashMap<>();
            rule.put("enable", "0");
            rule.putAll(fields(c, list));
            verify(rule);
            int at = c.has("pos") ? Math.min(c.integer("pos"), rules.size()) : 0;
            rules.add(at, rule);
            return null;
        });
        r.on("GET", entry, c -> {
            List<Map<String, String>> rules = rules(list, c);
            int pos = c.integer("pos");
            return shown(at(rules, pos), pos);
        });
        r.on("PUT", entry, c -> {
            List<Map<String, String>> rules = rules(list, c);
            checkDigest(c, rules);
            int pos = c.integer("pos");
            Map<String, String> rule = at(rules, pos);
            if (c.has("moveto")) {
                int to = c.integer("moveto");
                List<Map<String, String>> moved = new ArrayList<>();
                for (int i = 0; i < rules.size(); i++) {
                    if (i == to) {
                        moved.add(rule);
                    }
                    if (i != pos) {
                        moved.add(rules.get(i));
                    }
                }
                if (to >= rules.size()) {
                    moved.add(rule);
                }
                rules.clear();
                rules.addAll(moved);
                return null;
            }
            Map<String, String> updated = new LinkedHashMap<>(rule);
            if (c.has("delete")) {
                for (String k : c.get("delete").split("[,;\\s]+")) {
                    updated.remove(k);
                }
            }
            updated.putAll(fields(c, entry));
            verify(updated);
            rules.set(pos, updated);
            return null;
        });
        r.on("DELETE", entry, c -> {
            List<Map<String, String>> rules = rules(list, c);
            checkDigest(c, rules);
            int pos = c.integer("pos");
            at(rules, pos);
            rules.remove(pos);
            return null;
        });
    }

    private List<Map<String, String>> rules(String template, Call c) {
        cluster.requireParents(c);
        if (template.startsWith(GROUPS + "/")) {
            requireGroup(c.req("group"));
        }
        return rules(c.expand(template));
    }

    private List<Map<String, String>> rules(String concrete) {
        return cluster.firewallRules.computeIfAbsent(concrete, k -> new ArrayList<>());
    }

    private String requireGroup(String group) {
        if (!cluster.securityGroups.containsKey(group)) {
            throw ApiError.die("no such security group '" + group + "'");
        }
        return group;
    }

    private void verify(Map<String, String> rule) {
        if ("group".equals(rule.get("type"))) {
            requireGroup(rule.get("action"));
        }
        if (rule.containsKey("macro") && (rule.containsKey("proto") || rule.containsKey("dport") || rule.containsKey("sport"))) {
            throw ApiError.param("macro", "macro and proto/dport/sport are mutually exclusive");
        }
    }

    private static Map<String, String> fields(Call c, String template) {
        Set<String> pathNames = Call.placeholders(template);
        Map<String, String> out = new LinkedHashMap<>();
        c.params().forEach((k, v) -> {
            if (!pathNames.contains(k) && !NOT_RULE_FIELDS.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Map<String, String> at(List<Map<String, String>> rules, int pos) {
        if (pos < 0 || pos >= rules.size()) {
            throw ApiError.die("no rule at position " + pos);
        }
        return rules.get(pos);
    }

    private static void checkDigest(Call c, List<Map<String, String>> rules) {
        if (c.has("digest") && !c.get("digest").equals(digest(rules))) {
            throw ApiError.die("detected modified configuration - file changed by other user? Try again.");
        }
    }

    private static Map<String, Object> shown(Map<String, String> rule, int pos) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pos", pos);
        rule.forEach((k, v) -> out.put(k, k.equals("enable") && v.matches("\\d+") ? (Object) AsciiNumbers.parseInt(v) : v));
        return out;
    }

    private static String digest(List<Map<String, String>> rules) {
        return Cluster.sha1Hex(rules.toString());
    }
}
