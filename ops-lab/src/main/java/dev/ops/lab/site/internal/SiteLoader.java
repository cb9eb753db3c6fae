package dev.ops.lab.site.internal;

import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.lab.site.ActionPolicies;
import dev.ops.lab.site.Naming;
import dev.ops.lab.site.ProxmoxEndpoint;
import dev.ops.lab.site.ReplicationSettings;
import dev.ops.lab.site.RetentionSettings;
import dev.ops.lab.site.SecretRef;
import dev.ops.lab.site.SecretSettings;
import dev.ops.lab.site.Site;
import dev.ops.lab.site.SiteGuest;
import dev.ops.lab.site.SiteHost;
import dev.ops.lab.site.SiteUser;
import dev.ops.lab.site.SiteNode;
import dev.ops.lab.site.SiteService;
import dev.ops.lab.site.SiteTemplate;
import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import dev.ops.net.ipam.IpRange;
import dev.ops.net.ipam.NodeSubnet;
import dev.ops.net.ipam.Pool;
import dev.ops.net.naming.NamingConvention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads a site directory section by section, collecting every problem before throwing. */
public final class SiteLoader {
    /** Files read whole as one section, by file name. */
    private static final Map<String, String> WHOLE_FILE = Map.of("naming-conventions.yml", "naming", "action-policies.yml", "policies");
    private static final List<String> SECTIONS = List.of("site", "proxmox", "secrets", "cluster", "naming", "storages", "templates", "guests",
            "hosts", "services", "retention", "replication", "policies");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Violations problems = Violations.of("site");
    private final Map<String, Cursor> sections = new LinkedHashMap<>();
    private final Map<String, String> sources = new HashMap<>();
    private final Map<String, String> locations = new HashMap<>();

    private SiteLoader() {}

    /** Loads the site in {@code dir}. */
    public static Site load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NotFoundException("site " + dir, "no such directory");
        }
        SiteLoader loader = new SiteLoader();
        loader.readFiles(dir);
        return loader.build(dir);
    }

    private void readFiles(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ValidationException("site", List.of(new Violation(dir.toString(), "cannot be listed: " + e.getMessage())));
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            YamlNode root;
            try {
                root = YamlNode.parse(Files.readString(f));
            } catch (IOException e) {
                problems.add(name, "is not valid YAML: " + firstLine(e.getMessage()));
                continue;
            }
            String whole = WHOLE_FILE.get(name);
            if (whole != null) {
                addSection(whole, new Cursor(name, "", root, problems));
                continue;
            }
            Cursor top = new Cursor(name, "", root, problems);
            if (!root.isMap() && !root.isNull()) {
                top.problem("must be a map of sections (" + String.join(", ", SECTIONS) + ")");
                continue;
            }
            for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
                Cursor c = new Cursor(name, e.getKey(), e.getValue(), problems);
                if (!SECTIONS.contains(e.getKey())) {
                    c.problem("is not a known section (known: " + String.join(", ", SECTIONS) + ")");
                } else {
                    addSection(e.getKey(), c);
                }
            }
        }
    }

    private void addSection(String section, Cursor c) {
        if (sections.containsKey(section)) {
            c.problem("section '" + section + "' is already given in " + sources.get(section));
            return;
        }
        sections.put(section, c);
        sources.put(section, c.file());
    }

    private Cursor section(String name) {
        Cursor c = sections.get(name);
        if (c == null) {
            return new Cursor("(missing)", name, YamlNode.missing(0), problems);
        }
        return c;
    }

    private Site build(Path dir) {
        boolean seedNodes = sections.containsKey("naming") && SeedNodes.listed(section("naming"));
        for (String required : seedNodes ? List.of("proxmox") : List.of("proxmox", "cluster")) {
            if (!sections.containsKey(required)) {
                problems.add(dir + " " + required, "section is required (in any .yml file of the site)"
                        + (required.equals("cluster") ? ", or the seed's nodes and ip_ranges in naming-conventions.yml" : ""));
            }
        }
        String name = sections.containsKey("site") ? section("site").allow("name").text("name", dir.getFileName().toString())
                : dir.getFileName().toString();
        ProxmoxEndpoint endpoint = endpoint(section("proxmox"));
        SecretSettings secrets = sections.containsKey("secrets") ? secrets(section("secrets")) : SecretSettings.environmentOnly();
        List<SiteNode> nodes;
        if (sections.containsKey("cluster")) {
            nodes = cluster(section("cluster"));
            if (seedNodes) {
                SeedNodes.checkAgainst(section("naming"), nodes, sources.get("cluster"));
            }
        } else {
            nodes = seedNodes ? SeedNodes.read(section("naming")) : List.of();
        }
        Set<String> nodeNames = Set.copyOf(nodes.stream().map(SiteNode::name).toList());
        Naming naming = naming(section("naming"));
        Map<String, String> storages = storages(section("storages"));
        String primary = nodes.stream().filter(SiteNode::primary).map(SiteNode::name).findFirst().orElse("");
        List<SiteTemplate> templates = templates(section("templates"), nodeNames, primary);
        List<SiteGuest> guests = guests(section("guests"), nodeNames, templates);
        List<SiteHost> hosts = hosts(section("hosts"), dir, guests);
        List<SiteService> services = services(section("services"), hosts);
        RetentionSettings retention = sections.containsKey("retention") ? retention(section("retention")) : RetentionSettings.defaults();
        ReplicationSettings replication = sections.containsKey("replication") ? replication(section("replication")) : ReplicationSettings.defaults();
        ActionPolicies policies = sections.containsKey("policies") ? PolicyReader.read(section("policies")) : ActionPolicies.seed();
        if (sections.containsKey("policies")) {
            replication = policyReplication(section("policies").child("replication"), replication, primary, sections.containsKey("replication"));
        }
        problems.throwIfAny();
        return new Site(name, endpoint, secrets, nodes, naming, storages, templates, guests, hosts, services, retention, replication,
                policies, sources, locations);
    }

    private ProxmoxEndpoint endpoint(Cursor c) {
        c.allow("endpoint", "fingerprint", "token_id_from", "token_secret_from");
        String url = c.required("endpoint");
        if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
            c.child("endpoint").problem("'" + url + "' must be an https:// URL");
        }
        String fp = c.text("fingerprint", "");
        if (!fp.isEmpty() && !fp.matches("([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{64}")) {
            c.child("fingerprint").problem("must be a SHA-256 fingerprint (64 hex digits, colons allowed)");
        }
        return new ProxmoxEndpoint(url, fp, secretRef(c, "token_id_from", "PM_TOKEN_ID"), secretRef(c, "token_secret_from", "PM_TOKEN_SECRET"));
    }

    private SecretRef secretRef(Cursor parent, String key, String fallback) {
        Cursor c = parent.child(key);
        if (c.node().isNull()) {
            return new SecretRef(fallback);
        }
        String name = c.node().isScalar() ? c.node().text() : "";
        if (!SECRET_NAME.matcher(name).matches()) {
            // The value is not echoed: it may be the credential itself, pasted where its name belongs.
            c.problem("must be the name of a secret (letters, digits, underscores); a site file never holds a credential's value");
            return new SecretRef(fallback);
        }
        return new SecretRef(name);
    }

    private SecretSettings secrets(Cursor c) {
        c.allow("sources", "directory", "command", "doppler");
        List<String> kinds = c.strings("sources");
        for (String k : kinds) {
            if (!SecretSettings.KINDS.contains(k)) {
                c.child("sources").problem("'" + k + "' is not a secret source (" + String.join(", ", SecretSettings.KINDS) + ")");
            }
        }
        if (kinds.isEmpty()) {
            c.child("sources").problem("must name at least one source");
        }
        String directory = c.text("directory", "");
        if (kinds.contains("file") && directory.isEmpty()) {
            c.child("directory").problem("is required when the sources include 'file'");
        }
        List<String> command = c.strings("command");
        if (kinds.contains("command") && command.isEmpty()) {
            c.child("command").problem("is required when the sources include 'command'");
        }
        Cursor d = c.child("doppler").allow("project", "config");
        String project = d.text("project", "");
        String config = d.text("config", "");
        if (kinds.contains("doppler") && (project.isEmpty() || config.isEmpty())) {
            d.problem("needs a project and a config when the sources include 'doppler'");
        }
        return new SecretSettings(kinds, directory, command, project, config);
    }

    private List<SiteNode> cluster(Cursor c) {
        c.allow("primary", "nodes");
        String primary = c.required("primary");
        List<SiteNode> out = new ArrayList<>();
        List<Cursor> nodes = c.child("nodes").entries();
        if (nodes.isEmpty() && c.node().isMap()) {
            c.child("nodes").problem("must name at least one node");
        }
        for (Cursor n : nodes) {
            n.allow("subnet", "gateway", "vms", "containers");
            String name = n.key();
            if (!NAME.matcher(name).matches()) {
                n.problem("'" + name + "' is not a node name (lower-case letters, digits, inner hyphens)");
            }
            NodeSubnet subnet = subnet(n, name);
            if (subnet != null) {
                out.add(new SiteNode(name, subnet, name.equals(primary)));
            }
        }
        if (!primary.isEmpty() && !nodes.isEmpty() && nodes.stream().noneMatch(n -> n.key().equals(primary))) {
            c.child("primary").problem("'" + primary + "' is not one of the cluster's nodes ("
                    + String.join(", ", nodes.stream().map(Cursor::key).toList()) + ")");
        }
        checkOverlaps(nodes, out);
        return out;
    }

    private NodeSubnet subnet(Cursor n, String node) {
        String cidr = n.required("subnet");
        if (cidr.isEmpty()) {
            return null;
        }
        if (Cidr.tryParse(cidr).isEmpty()) {
            n.child("subnet").problem(Cidr.problem(cidr));
            return null;
        }
        NodeSubnet.Builder b = NodeSubnet.builder().node(node).cidr(Cidr.parse(cidr));
        String gw = n.text("gateway", "");
        if (!gw.isEmpty()) {
            if (IpAddress.tryParse(gw).isEmpty()) {
                n.child("gateway").problem("'" + gw + "' is not an IP address");
            } else {
                b.gateway(IpAddress.parse(gw));
            }
        }
        for (Pool p : Pool.values()) {
            String r = n.text(p.configName(), "");
            if (r.isEmpty()) {
                continue;
            }
            IpRange.problem(r).ifPresentOrElse(msg -> n.child(p.configName()).problem(msg), () -> b.range(p, IpRange.parse(r)));
        }
        NodeSubnet s = b.build();
        for (Violation v : s.problems()) {
            String key = v.field().startsWith("ranges.") ? v.field().substring("ranges.".length()) : v.field();
            Cursor at = n.present(key) ? n.child(key) : n;
            at.problem(v.message());
        }
        return s;
    }

    private void checkOverlaps(List<Cursor> cursors, List<SiteNode> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = 0; j < i; j++) {
                NodeSubnet a = nodes.get(i).subnet();
                NodeSubnet b = nodes.get(j).subnet();
                for (Map.Entry<Pool, IpRange> ra : a.ranges().entrySet()) {
                    for (Map.Entry<Pool, IpRange> rb : b.ranges().entrySet()) {
                        if (ra.getValue().overlaps(rb.getValue())) {
                            cursorOf(cursors, a.node()).child(ra.getKey().configName()).problem("overlaps " + b.node() + "'s "
                                    + rb.getKey().configName() + " range " + rb.getValue());
                        }
                    }
                }
            }
        }
    }

    private static Cursor cursorOf(List<Cursor> cursors, String node) {
        return cursors.stream().filter(c -> c.key().equals(node)).findFirst().orElseThrow();
    }

    private Naming naming(Cursor c) {
        if (!sections.containsKey("naming")) {
            return new Naming(NamingConvention.of("pve-{node}-{type}-{seq:02d}"), Map.of("vm", "vm", "container", "ct", "template", "tpl"));
        }
        c.allow("pattern", "types", "naming_pattern", "nodes", "ip_ranges");
        if (c.present("pattern") && c.present("naming_pattern")) {
            c.child("naming_pattern").problem("give the pattern once: pattern (ops' form) or naming_pattern (the seed's)");
        }
        String pattern = c.present("naming_pattern") ? c.required("naming_pattern") : c.required("pattern");
        NamingConvention convention = NamingConvention.of("pve-{node}-{type}-{seq:02d}");
        if (!pattern.isEmpty()) {
            try {
                convention = NamingConvention.of(pattern);
            } catch (ValidationException e) {
                Cursor at = c.child(c.present("naming_pattern") ? "naming_pattern" : "pattern");
                e.violations().forEach(v -> at.problem(v.message()));
            }
        }
        Map<String, String> types = new TreeMap<>(Map.of("vm", "vm", "container", "ct", "template", "tpl"));
        for (Cursor t : c.child("types").entries()) {
            if (!List.of("vm", "container", "template").contains(t.key())) {
                t.problem("is not a kind of resource (vm, container, template)");
            } else if (!t.node().isScalar() || !t.node().text().matches("[a-z0-9]+")) {
                t.problem("must be lower-case letters and digits");
            } else {
                types.put(t.key(), t.node().text());
            }
        }
        return new Naming(convention, types);
    }

    private Map<String, String> storages(Cursor c) {
        Map<String, String> out = new TreeMap<>();
        for (Cursor s : c.entries()) {
            if (!s.node().isScalar()) {
                s.problem("must be a storage id");
            } else {
                out.put(s.key(), s.node().text());
            }
        }
        return out;
    }

    /** Remembers where each entry is ({@code file:line}), for errors found after loading (a layer's gate). */
    private List<Cursor> located(List<Cursor> entries) {
        entries.forEach(e -> locations.put(e.path(), e.file() + ":" + e.node().line()));
        return entries;
    }

    private List<SiteTemplate> templates(Cursor c, Set<String> nodes, String primary) {
        List<SiteTemplate> out = new ArrayList<>();
        for (Cursor t : located(c.entries())) {
            t.allow("node", "vmid", "image", "checksum");
            String node = t.text("node", primary);
            if (!node.isEmpty() && !nodes.isEmpty() && !nodes.contains(node)) {
                t.child("node").problem("'" + node + "' is not one of the cluster's nodes");
            }
            int vmid = t.integer("vmid", -1);
            if (vmid < 100 || vmid > 999_999_999) {
                t.child("vmid").problem("is required, a VMID from 100 to 999999999");
            }
            String checksum = t.text("checksum", "");
            if (!checksum.isEmpty() && !checksum.matches("(sha256|sha512):[0-9a-f]+")) {
                t.child("checksum").problem("must be sha256:<hex> or sha512:<hex>");
            }
            out.add(new SiteTemplate(t.key(), node, vmid, t.text("image", ""), checksum));
        }
        return out;
    }

    private List<SiteGuest> guests(Cursor c, Set<String> nodes, List<SiteTemplate> templates) {
        List<SiteGuest> out = new ArrayList<>();
        for (Cursor g : located(c.entries())) {
            g.allow("node", "template", "count");
            if (!NAME.matcher(g.key()).matches()) {
                g.problem("'" + g.key() + "' is not a guest name (lower-case letters, digits, inner hyphens)");
            }
            String node = g.required("node");
            if (!node.isEmpty() && !nodes.isEmpty() && !nodes.contains(node)) {
                g.child("node").problem("'" + node + "' is not one of the cluster's nodes");
            }
            String template = g.required("template");
            if (!template.isEmpty() && templates.stream().noneMatch(t -> t.name().equals(template))) {
                g.child("template").problem("'" + template + "' is not one of the site's templates");
            }
            int count = g.integer("count", 1);
            if (count < 1 || count > 100) {
                g.child("count").problem("must be from 1 to 100");
            }
            out.add(new SiteGuest(g.key(), node, template, count));
        }
        return out;
    }

    private List<SiteHost> hosts(Cursor c, Path dir, List<SiteGuest> guests) {
        List<SiteHost> out = new ArrayList<>();
        for (Cursor h : located(c.entries())) {
            h.allow("address", "port", "user", "key", "known_hosts", "guest", "packages", "sysctl", "users");
            int port = h.integer("port", 22);
            if (port < 1 || port > 65535) {
                h.child("port").problem("must be from 1 to 65535");
            }
            out.add(new SiteHost(h.key(), h.required("address"), port, h.text("user", "root"), file(h, "key", dir),
                    file(h, "known_hosts", dir), guestRole(h, guests), h.strings("packages"), sysctl(h.child("sysctl")),
                    users(h.child("users"))));
        }
        return out;
    }

    /** A file the site names, resolved against the site directory; empty when not given. */
    private static String file(Cursor c, String key, Path dir) {
        String text = c.text(key, "");
        return text.isBlank() ? "" : dir.toAbsolutePath().resolve(text).normalize().toString();
    }

    /** {@code guest: web/1}: the site guest a host is, as its role ({@code guest:web/1}). */
    private static String guestRole(Cursor h, List<SiteGuest> guests) {
        String text = h.text("guest", "");
        if (text.isEmpty()) {
            return "";
        }
        int slash = text.indexOf('/');
        String name = slash < 0 ? text : text.substring(0, slash);
        int n;
        try {
            n = slash < 0 ? 1 : AsciiNumbers.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            n = 0;
        }
        int index = n;
        Optional<SiteGuest> g = guests.stream().filter(x -> x.name().equals(name)).findFirst();
        if (g.isEmpty() || index < 1 || index > g.get().count()) {
            h.child("guest").problem("'" + text + "' is not one of the site's guests (<guest>/<n>, n from 1 to its count)");
            return "";
        }
        return g.get().role(index);
    }

    private static Map<String, String> sysctl(Cursor c) {
        Map<String, String> out = new TreeMap<>();
        if (c.node().isNull()) {
            return out;
        }
        if (!c.node().isMap()) {
            c.problem("must be a map of kernel parameters to values");
            return out;
        }
        c.node().entries().forEach((k, v) -> {
            if (!k.matches("[a-z0-9_]+(\\.[a-zA-Z0-9_\\-]+)+") || !v.isScalar()) {
                c.child(k).problem("must be a kernel parameter (net.ipv4.ip_forward) with a single value");
            } else {
                out.put(k, v.text());
            }
        });
        return out;
    }

    private static List<SiteUser> users(Cursor c) {
        List<SiteUser> out = new ArrayList<>();
        if (c.node().isNull()) {
            return out;
        }
        for (Cursor u : c.entries()) {
            u.allow("groups", "keys", "sudo");
            if (!u.key().matches("[a-z_][a-z0-9_\\-]{0,31}")) {
                u.problem("'" + u.key() + "' is not a user name");
            }
            out.add(new SiteUser(u.key(), u.strings("groups"), u.strings("keys"), u.bool("sudo", false)));
        }
        return out;
    }

    private List<SiteService> services(Cursor c, List<SiteHost> hosts) {
        List<SiteService> out = new ArrayList<>();
        for (Cursor s : located(c.entries())) {
            s.allow("host", "unit", "health");
            String host = s.required("host");
            if (!host.isEmpty() && hosts.stream().noneMatch(h -> h.name().equals(host))) {
                s.child("host").problem("'" + host + "' is not one of the site's hosts");
            }
            out.add(new SiteService(s.key(), host, s.required("unit"), s.text("health", "")));
        }
        return out;
    }

    private RetentionSettings retention(Cursor c) {
        c.allow("keep_last", "keep_daily", "keep_weekly", "keep_monthly", "safety_prefix", "zone");
        RetentionSettings d = RetentionSettings.defaults();
        RetentionSettings r = new RetentionSettings(c.integer("keep_last", d.keepLast()), c.integer("keep_daily", d.keepDaily()),
                c.integer("keep_weekly", d.keepWeekly()), c.integer("keep_monthly", d.keepMonthly()), c.text("safety_prefix", d.safetyPrefix()),
                c.text("zone", d.zone()));
        try {
            java.time.ZoneId.of(r.zone());
        } catch (java.time.DateTimeException e) {
            c.child("zone").problem("'" + r.zone() + "' is not a time zone (an IANA id such as Europe/Berlin, or UTC)");
        }
        if (!r.safetyPrefix().matches("[A-Za-z][A-Za-z0-9_]{0,30}")) {
            c.child("safety_prefix").problem("must start a Proxmox snapshot name: a letter, then letters, digits or '_'");
        }
        for (String k : List.of("keep_last", "keep_daily", "keep_weekly", "keep_monthly")) {
            if (c.integer(k, 0) < 0) {
                c.child(k).problem("must not be negative");
            }
        }
        return r;
    }

    private ReplicationSettings replication(Cursor c) {
        c.allow("cluster_wide", "full", "storage");
        ReplicationSettings d = ReplicationSettings.defaults();
        return new ReplicationSettings(c.bool("cluster_wide", d.clusterWide()), c.bool("full", d.full()), c.text("storage", d.storage()),
                d.fromPrimary());
    }

    /**
     * The seed's {@code replication} block of {@code action-policies.yml}: its primary node must be the
     * cluster's, and it says whether the primary's and other nodes' resources replicate everywhere.
     */
    private ReplicationSettings policyReplication(Cursor c, ReplicationSettings given, String primary, boolean sectionGiven) {
        if (c.node().isNull()) {
            return given;
        }
        c.allow("primary_node", "auto_replicate_from_primary", "cross_node_replication", "auto_network_assignment",
                "naming_convention_enforcement");
        String named = c.text("primary_node", primary);
        if (!primary.isEmpty() && !named.equals(primary)) {
            c.child("primary_node").problem("'" + named + "' is not the cluster's primary node (" + primary + ", in "
                    + sources.getOrDefault("cluster", sources.get("naming")) + ")");
        }
        boolean crossNode = c.bool("cross_node_replication", given.clusterWide());
        if (sectionGiven && crossNode != given.clusterWide()) {
            c.child("cross_node_replication").problem("says " + crossNode + " where the replication section (" + sources.get("replication")
                    + ") says cluster_wide: " + given.clusterWide());
        }
        for (String always : List.of("auto_network_assignment", "naming_convention_enforcement")) {
            if (!c.bool(always, true)) {
                c.child(always).problem("ops-lab always gives a replica its name, address and MAC from the site's conventions; false is not supported");
            }
        }
        return new ReplicationSettings(crossNode, given.full(), given.storage(), c.bool("auto_replicate_from_primary", given.fromPrimary()));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
