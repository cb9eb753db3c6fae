package dev.ops.lab.layer;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.error.Violations;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.catalog.TemplateManifest;
import dev.ops.lab.layer.internal.HostChain;
import dev.ops.lab.layer.internal.ServiceChain;
import dev.ops.lab.layer.internal.TemplateChain;
import dev.ops.lab.site.SiteHost;
import dev.ops.lab.site.SiteService;
import dev.ops.core.host.Host;
import java.util.LinkedHashMap;
import java.util.function.Function;
import dev.ops.lab.replicate.internal.GuestNames;
import dev.ops.lab.replicate.internal.ReplicaChain;
import dev.ops.lab.replicate.internal.ReplicaSource;
import dev.ops.lab.site.Site;
import dev.ops.lab.site.SiteGuest;
import dev.ops.lab.site.SiteTemplate;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The lab's layers, each one change (one journal record, one rollback) with gates: L1
 * ({@link #templates(Stable)}) the site's templates from their cloud images, L2 ({@link #guests()})
 * the site's guests, L3 ({@link #hosts(Function, int)}) the hosts' packages, kernel parameters,
 * users, keys and sudo in batches, L4 ({@link #services(Function)}) the services and their health.
 * L2: every guest the site's {@code guests} section names and
 * the catalog does not have yet, cloned from its template's copy on its node, with a VMID, a name,
 * an address and a MAC from the site's allocators and cloud-init network settings, verified and
 * recorded (its role {@code guest:<name>/<n>}); one change, one rollback. Its gate is layer L1: a
 * template with no copy on a guest's node refuses the whole layer before anything runs, naming every
 * such node.
 *
 * <pre>{@code
 * lab.layers(ops).templates(Stable.PROMOTE).ifPresent(l1 -> l1.apply());
 * lab.layers(ops).guests().ifPresent(l2 -> l2.apply());
 * try (SshConnections ssh = SshConnections.of(lab.site())) {   // or any Function<SiteHost, Host>
 *     lab.layers(ops).hosts(ssh, 2).ifPresent(l3 -> l3.apply());
 *     lab.layers(ops).services(ssh).ifPresent(l4 -> l4.apply());
 * }
 * }</pre>
 */
public final class Layers {
    /** How many hosts layer L3 converges at a time unless told. */
    public static final int BATCH = 5;

    private final Lab lab;
    private final Site site;
    private final PveClient client;
    private final Ops ops;
    private final Instant snapshotTime;

    private Layers(Lab lab, Ops ops, Instant snapshotTime) {
        this.lab = lab;
        this.site = lab.site();
        this.client = lab.client();
        this.ops = ops;
        this.snapshotTime = snapshotTime;
    }

    /** The layers of {@code lab}'s site, journaled in {@code ops}. */
    public static Layers on(Lab lab, Ops ops) {
        return new Layers(lab, Objects.requireNonNull(ops, "ops"), null);
    }

    /**
     * These layers, naming the safety snapshots they take for {@code time} rather than the moment
     * they are planned: a plan saved and applied later ({@code ops plan l3}, then {@code ops apply})
     * takes the snapshots it showed.
     */
    public Layers snapshotsNamedAt(Instant time) {
        return new Layers(lab, ops, Objects.requireNonNull(time, "time"));
    }

    /**
     * Layer L1 as one change yielding the last template's manifest (the catalog has them all); empty
     * when every site template with an image has a manifest of the same build. Templates are not
     * promoted to stable ({@link Stable#KEEP}).
     */
    public Optional<Change<TemplateManifest>> templates() {
        return templates(Stable.KEEP);
    }

    /**
     * Layer L1: for each site template with an image and no manifest of the same build, the image
     * downloaded by its node with its checksum (a local path is uploaded instead), a VM made with the
     * image imported as its disk and a cloud-init drive, converted to a template, then the gate: the
     * template verified and its manifest recorded. {@link Stable#PROMOTE} marks every template stable
     * (a template already built only gets that step). A failing step or gate rolls the whole layer
     * back. A {@link dev.ops.core.error.ValidationException} (field {@code templates.<name>}) before
     * anything runs when a template's VMID holds a guest L1 did not build from that image, or the
     * image is not a disk image.
     */
    public Optional<Change<TemplateManifest>> templates(Stable stable) {
        return new TemplateChain(site, client, ops).build(Objects.requireNonNull(stable, "stable"));
    }

    /**
     * Layer L3 over the site's hosts, {@link #BATCH} at a time: see {@link #hosts(Function, int)}.
     */
    public Optional<Change<List<Object>>> hosts(Function<SiteHost, Host> connect) {
        return hosts(connect, BATCH);
    }

    /**
     * Layer L3 as one change: the site's hosts in batches of {@code batch}, each host given its
     * packages (ops-sys), kernel parameters persisted under {@code /etc/sysctl.d} (ops-sys), users
     * with their groups and SSH keys and a {@code lab-<user>} sudoers drop-in when the site says
     * {@code sudo: true} (ops-usr), reached through {@code connect}; after each batch, a gate: every
     * host of the batch still answers, and the catalog records that L3 converged it (what layer L4
     * checks; rolled back with the layer). A host that is a site guest ({@code guest: web/1}, or the
     * guest the catalog gives its address) and has something to change gets a safety snapshot first
     * when the site's {@code automatic_snapshot} lists {@code upgrade} (packages) or
     * {@code config_change} (kernel parameters, users). A failing step or gate rolls the whole layer
     * back, snapshots included. Empty when the site has no hosts. Refused with a
     * {@link LayerOrderException} (field {@code guests.<name>}) before anything runs when layer L2
     * has not made every guest.
     */
    public Optional<Change<List<Object>>> hosts(Function<SiteHost, Host> connect, int batch) {
        Objects.requireNonNull(connect, "connect");
        Violations v = Violations.of("layer L3 (hosts)");
        v.check(batch >= 1, "batch", "must be at least 1");
        v.throwIfAny();
        requireGuests("layer L3 (hosts)");
        if (site.hosts().isEmpty()) {
            return Optional.empty();
        }
        Map<SiteHost, Host> hosts = new LinkedHashMap<>();
        site.hosts().forEach(h -> hosts.put(h, connect.apply(h)));
        Catalog catalog = Catalog.of(site, ops);
        Instant at = snapshotTime != null ? snapshotTime : ops.clock().instant();
        return Optional.of(new HostChain(ops, catalog, (h, triggers) -> safetySnapshot(h, triggers, catalog, at)).build(hosts, batch));
    }

    /** The safety snapshot to take of {@code host} before changes of {@code triggers}: empty unless it is a site guest and the site asks. */
    private Optional<Change<?>> safetySnapshot(SiteHost host, List<String> triggers, Catalog catalog, Instant at) {
        return guestOf(host, catalog).flatMap(g -> lab.safety(ops).before(g, triggers, at).map(c -> (Change<?>) c));
    }

    /** The site guest {@code host} is: the one its {@code guest} names, else the one the catalog gives its address. */
    private Optional<Guest> guestOf(SiteHost host, Catalog catalog) {
        Optional<ResourceRecord> record = catalog.resources().stream()
                .filter(r -> host.guestRole().map(r.role()::equals)
                        .orElseGet(() -> r.address().substring(0, Math.max(0, r.address().indexOf('/'))).equals(host.address())))
                .findFirst();
        return record.flatMap(r -> client.findGuest(r.vmid()));
    }

    /**
     * Layer L4 as one change: each site service's unit enabled and started on its host (ops-srv),
     * then its health gate (the site's {@code health}: an http(s) URL, else a shell command on the
     * host, else the unit being active), probed a few times; an unhealthy service rolls the whole
     * layer back. A service's host that is a site guest gets a safety snapshot before its first unit
     * that changes, as in {@link #hosts(Function, int)}, when the site lists {@code config_change}.
     * Empty when the site has no services. Refused with a {@link LayerOrderException}
     * before anything runs when layer L2 has not made every guest (field {@code guests.<name>}) or
     * layer L3 has not converged a service's host (field {@code services.<name>}).
     */
    public Optional<Change<List<Object>>> services(Function<SiteHost, Host> connect) {
        Objects.requireNonNull(connect, "connect");
        requireGuests("layer L4 (services)");
        Catalog catalog = Catalog.of(site, ops);
        Violations gate = Violations.of("layer L4 (services)");
        for (SiteService s : site.services()) {
            if (catalog.convergence(s.host()).isEmpty()) {
                gate.add(site.locate("services." + s.name()), "needs layer L3: host " + s.host() + " has not been converged (ops plan l3)");
            }
        }
        throwOrder("layer L4 (services)", gate);
        if (site.services().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Host> reached = new HashMap<>();
        Map<SiteService, Host> services = new LinkedHashMap<>();
        for (SiteService s : site.services()) {
            SiteHost h = site.hosts().stream().filter(x -> x.name().equals(s.host())).findFirst().orElseThrow();
            services.put(s, reached.computeIfAbsent(h.name(), n -> connect.apply(h)));
        }
        Instant at = snapshotTime != null ? snapshotTime : ops.clock().instant();
        return Optional.of(new ServiceChain(ops).build(services, name -> site.hosts().stream().filter(h -> h.name().equals(name)).findFirst()
                .flatMap(h -> safetySnapshot(h, List.of("config_change"), catalog, at))));
    }

    /** Throws what {@code gate} collected as a {@link LayerOrderException}. */
    private static void throwOrder(String layer, Violations gate) {
        if (!gate.isEmpty()) {
            throw new LayerOrderException(layer, gate.list());
        }
    }

    private void requireGuests(String layer) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String role : missingGuests()) {
            String name = role.substring("guest:".length(), role.indexOf('/'));
            missing.computeIfAbsent(name, k -> new ArrayList<>()).add(role);
        }
        Violations v = Violations.of(layer);
        missing.forEach((name, roles) -> v.add(site.locate("guests." + name), "needs layer L2: " + String.join(", ", roles) + " not made yet (ops plan l2)"));
        throwOrder(layer, v);
    }

    /** The roles ({@code guest:web/2}) of the site's guests the catalog does not have. */
    public List<String> missingGuests() {
        List<String> have = Catalog.of(site, ops).resources().stream().map(ResourceRecord::role).toList();
        List<String> out = new ArrayList<>();
        for (SiteGuest g : site.guests()) {
            for (int n = 1; n <= g.count(); n++) {
                if (!have.contains(g.role(n))) {
                    out.add(g.role(n));
                }
            }
        }
        return out;
    }

    /**
     * Layer L2 as one change yielding the last guest's record (the catalog has them all); empty when
     * every guest exists. A {@link dev.ops.core.error.ValidationException} (field
     * {@code guests.<name>}) when layer L1 has not put a guest's template on its node.
     */
    public Optional<Change<ResourceRecord>> guests() {
        List<String> missing = missingGuests();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ReplicaSource> sources = new HashMap<>();
        Violations gate = Violations.of("layer L2 (guests)");
        Catalog catalog = Catalog.of(site, ops);
        for (SiteGuest g : site.guests()) {
            SiteTemplate t = site.template(g.template()).orElseThrow();
            Optional<Integer> copy = t.node().equals(g.node()) ? Optional.of(t.vmid())
                    : catalog.replicasOf(t.vmid()).stream().filter(r -> r.node().equals(g.node())).map(ResourceRecord::vmid).findFirst();
            Optional<Guest> found = copy.flatMap(client::findGuest);
            Optional<TemplateManifest> manifest = catalog.manifest(t.name());
            if (manifest.isPresent() && !manifest.get().stable()) {
                gate.add(site.locate("guests." + g.name()), "needs layer L1's stable template: template " + t.name()
                        + " is built but not promoted to stable (ops plan l1 --stable, or UPDATE_STABLE=yes)");
            } else if (found.isEmpty()) {
                gate.add(site.locate("guests." + g.name()), "needs layer L1: template " + t.name() + " has no copy on " + g.node()
                        + " (replicate " + t.vmid() + " to " + g.node() + " first)");
            } else {
                sources.put(g.name(), ReplicaSource.read(found.get(), t.name()));
            }
        }
        throwOrder("layer L2 (guests)", gate);
        String run = "l2-" + UUID.randomUUID();
        Map<String, List<String>> names = new HashMap<>();
        Change<ResourceRecord> all = null;
        for (SiteGuest g : site.guests()) {
            List<String> onNode = names.computeIfAbsent(g.node(), n -> GuestNames.on(client, n));
            ReplicaChain chain = new ReplicaChain(site, client, ops, sources.get(g.name()), run);
            for (int n = 1; n <= g.count(); n++) {
                if (!missing.contains(g.role(n))) {
                    continue;
                }
                String role = g.role(n);
                Change<ResourceRecord> next = chain.guest(onNode, role);
                all = all == null ? next : Changes.then(all, done -> next);
            }
        }
        return Optional.of(all);
    }
}
