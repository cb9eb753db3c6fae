package dev.ops.testkit.pve;

import dev.ops.testkit.pve.internal.Auth;
import dev.ops.testkit.pve.internal.Cluster;
import dev.ops.testkit.pve.internal.Guest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Puts what a {@link PveFakeServer.Builder} holds into the fake's cluster and users. */
final class Seeding {
    private static final java.util.regex.Pattern VZDUMP = java.util.regex.Pattern.compile("^backup/vzdump-(qemu|lxc)-(\\d+)[-.]");

    record GuestSeed(int vmid, String type, String node, GuestSpec spec) {}

    record VolumeSeed(String node, String volid, long size) {}

    record UserSeed(PveUser user, List<Auth.AclEntry> acl) {}

    record TokenSeed(PveApiToken token, List<Auth.AclEntry> acl) {}

    private Seeding() {}

    static String nodeName(String name) {
        java.util.Objects.requireNonNull(name, "name");
        if (!name.matches("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?")) {
            throw new IllegalArgumentException("not a valid node name: '" + name + "'");
        }
        return name;
    }

    /** A storage with a comma-separated content list: {@code nfs} when shared, {@code lvmthin} when it holds only disks, else {@code dir}. */
    static Cluster.Storage storage(String id, String content, boolean shared) {
        java.util.Objects.requireNonNull(id, "id");
        List<String> types = java.util.Arrays.stream(content.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String t : types) {
            if (!List.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "import").contains(t)) {
                throw new IllegalArgumentException("unknown storage content type '" + t + "'");
            }
        }
        boolean blockOnly = types.stream().allMatch(t -> t.equals("images") || t.equals("rootdir"));
        return new Cluster.Storage(id, shared ? "nfs" : blockOnly ? "lvmthin" : "dir", new LinkedHashSet<>(types), shared);
    }

    static GuestSeed guest(int vmid, String type, String node, java.util.function.Consumer<GuestSpec> config, List<GuestSeed> seeded) {
        if (vmid < 100 || vmid > 999_999_999) {
            throw new IllegalArgumentException("VMID must be 100..999999999: " + vmid);
        }
        if (seeded.stream().anyMatch(g -> g.vmid() == vmid)) {
            throw new IllegalArgumentException("VMID " + vmid + " is seeded twice");
        }
        GuestSpec spec = new GuestSpec();
        config.accept(spec);
        return new GuestSeed(vmid, type, java.util.Objects.requireNonNull(node, "node"), spec);
    }

    static PveUser user(PveUser u) {
        if (!u.userid().matches("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+")) {
            throw new IllegalArgumentException("user id must be user@realm: '" + u.userid() + "'");
        }
        return u;
    }

    static List<Auth.AclEntry> aclEntries(AclSpec spec) {
        return spec.grants().stream().map(g -> new Auth.AclEntry(g.path(), g.privileges(), g.propagate())).toList();
    }

    /** A copy of everything seeded and set so far, for the server to go back to on reset. */
    static PveFakeServer.Builder copyOf(PveFakeServer.Builder b) {
        PveFakeServer.Builder c = new PveFakeServer.Builder();
        c.nodes.addAll(b.nodes);
        c.storages.addAll(b.storages);
        c.guests.addAll(b.guests);
        c.volumes.addAll(b.volumes);
        c.tokens.addAll(b.tokens);
        c.tokenSeeds.addAll(b.tokenSeeds);
        c.users.addAll(b.users);
        c.userSeeds.addAll(b.userSeeds);
        c.pools.putAll(b.pools);
        c.taskDuration = b.taskDuration;
        c.pveMajor = b.pveMajor;
        c.taskReads = b.taskReads;
        c.clock = b.clock;
        c.strict = b.strict;
        c.compression = b.compression;
        c.clusterName = b.clusterName;
        c.port = b.port;
        return c;
    }

    /** Seeds {@code cluster} and {@code auth} from {@code b}; the initial seed also brings the default node and storages when none were given. */
    static void apply(Cluster cluster, Auth auth, PveFakeServer.Builder b, boolean initial) {
        List<String> nodes = b.nodes.isEmpty() && initial ? List.of("pve") : List.copyOf(b.nodes);
        nodes.stream().filter(n -> !cluster.nodes.containsKey(n)).forEach(cluster::addNode);
        if (b.storages.isEmpty() && initial) {
            cluster.storages.put("local", new Cluster.Storage("local", "dir",
                    new LinkedHashSet<>(List.of("iso", "vztmpl", "backup", "snippets", "import")), false));
            cluster.storages.put("local-lvm", new Cluster.Storage("local-lvm", "lvmthin",
                    new LinkedHashSet<>(List.of("images", "rootdir")), false));
        } else {
            b.storages.forEach(s -> cluster.storages.put(s.id, new Cluster.Storage(s.id, s.type, new LinkedHashSet<>(s.content), s.shared)));
        }
        for (VolumeSeed v : b.volumes) {
            cluster.node(v.node());
            String storage = v.volid().substring(0, v.volid().indexOf(':'));
            cluster.storage(storage);
            String rest = v.volid().substring(v.volid().indexOf(':') + 1);
            String content = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "images";
            Cluster.Volume volume = new Cluster.Volume(v.volid(), storage, v.node(), content,
                    rest.endsWith(".iso") ? "iso" : rest.contains(".tar") ? "tzst" : "raw", v.size(), null, cluster.now());
            java.util.regex.Matcher dump = VZDUMP.matcher(rest);
            if ("backup".equals(content) && dump.find()) {
                // A seeded backup restores as a guest with the defaults a seeded guest gets.
                boolean qemu = dump.group(1).equals("qemu");
                volume.guestType = qemu ? "qemu" : "lxc";
                volume.backupConfig = new LinkedHashMap<>(qemu
                        ? Map.of("name", "vm" + dump.group(2), "memory", "2048", "cores", "2", "ostype", "l26")
                        : Map.of("hostname", "ct" + dump.group(2), "memory", "512", "cores", "1", "ostype", "debian", "arch", "amd64"));
            }
            cluster.volumes.add(volume);
        }
        b.pools.forEach((id, comment) -> {
            Cluster.Pool p = new Cluster.Pool();
            p.comment = comment;
            cluster.pools.put(id, p);
        });
        for (GuestSeed g : b.guests) {
            if (cluster.guests.containsKey(g.vmid())) {
                throw new IllegalArgumentException("VMID " + g.vmid() + " is already taken");
            }
            if (!cluster.nodes.containsKey(g.node())) {
                throw new IllegalArgumentException("guest " + g.vmid() + " is on unknown node '" + g.node() + "'");
            }
            Guest guest = cluster.addGuest(g.vmid(), g.type(), g.node());
            boolean qemu = "qemu".equals(g.type());
            String name = g.spec().nameOrNull();
            guest.config.put(qemu ? "name" : "hostname", name != null ? name : (qemu ? "vm" : "ct") + g.vmid());
            if (qemu) {
                guest.config.put("memory", "2048");
                guest.config.put("cores", "2");
                guest.config.put("ostype", "l26");
            } else {
                guest.config.put("memory", "512");
                guest.config.put("cores", "1");
                guest.config.put("ostype", "debian");
                guest.config.put("arch", "amd64");
            }
            guest.config.putAll(g.spec().config());
            if (g.spec().poolOrNull() != null) {
                if (!cluster.pools.containsKey(g.spec().poolOrNull())) {
                    throw new IllegalArgumentException("guest " + g.vmid() + " is in unknown pool '" + g.spec().poolOrNull() + "'");
                }
                guest.pool = g.spec().poolOrNull();
            }
            cluster.allocateDisks(guest);
            if (g.spec().isRunning()) {
                guest.status = "running";
                guest.startedAt = cluster.now();
            }
        }
        for (UserSeed u : b.userSeeds) {
            auth.addUser(new Auth.User(u.user().userid(), u.user().password(), u.user().totpSecret().orElse(null)), u.acl());
        }
        for (TokenSeed t : b.tokenSeeds) {
            if (auth.user(t.token().userid()) == null) {
                auth.addUser(new Auth.User(t.token().userid(), null, null), List.of());
            }
            auth.addToken(new Auth.Token(t.token().userid(), t.token().name(), t.token().secret(), t.acl() != null), t.acl());
        }
        if (initial) {
            cluster.taskDuration(b.taskDuration);
            cluster.taskReads(b.taskReads);
        }
    }
}
