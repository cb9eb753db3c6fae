package dev.ops.lab.layer;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.error.Violations;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.catalog.TemplateManifest;
import dev.ops.lab.layer.internal.TemplateChain;
import dev.ops.lab.replicate.internal.GuestNames;
import dev.ops.lab.replicate.internal.ReplicaChain;
import dev.ops.lab.replicate.internal.ReplicaSource;
import dev.ops.lab.site.Site;
import dev.ops.lab.site.SiteGuest;
import dev.ops.lab.site.SiteTemplate;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The lab's layers. L2 ({@link #guests()}): every guest the site's {@code guests} section names and
 * the catalog does not have yet, cloned from its template's copy on its node, with a VMID, a name,
 * an address and a MAC from the site's allocators and cloud-init network settings, verified and
 * recorded (its role {@code guest:<name>/<n>}); one change, one rollback. Its gate is layer L1: a
 * template with no copy on a guest's node refuses the whole layer before anything runs, naming every
 * such node.
 *
 * <pre>{@code
 * lab.layers(ops).guests().ifPresent(l2 -> l2.apply());
 * }</pre>
 */
public final class Layers {
    private final Site site;
    private final PveClient client;
    private final Ops ops;

    private Layers(Site site, PveClient client, Ops ops) {
        this.site = site;
        this.client = client;
        this.ops = ops;
    }

    /** The layers of {@code lab}'s site, journaled in {@code ops}. */
    public static Layers on(Lab lab, Ops ops) {
        return new Layers(lab.site(), lab.client(), Objects.requireNonNull(ops, "ops"));
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
            if (found.isEmpty()) {
                gate.add("guests." + g.name(), "needs layer L1: template " + t.name() + " has no copy on " + g.node()
                        + " (replicate " + t.vmid() + " to " + g.node() + " first)");
            } else {
                sources.put(g.name(), ReplicaSource.read(found.get(), t.name()));
            }
        }
        gate.throwIfAny();
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
