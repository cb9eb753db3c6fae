package dev.ops.lab.layer.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.error.Violations;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.catalog.TemplateManifest;
import dev.ops.lab.catalog.internal.CatalogChange;
import dev.ops.lab.catalog.internal.CatalogKeys;
import dev.ops.lab.catalog.internal.ManifestRecordAction;
import dev.ops.lab.catalog.internal.ManifestRestoreAction;
import dev.ops.lab.layer.Stable;
import dev.ops.lab.site.Site;
import dev.ops.lab.site.SiteTemplate;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.storage.Storage;
import dev.ops.pve.storage.StorageContentItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Layer L1 as one chain: for each site template that has no manifest of the same build, the image
 * downloaded by the node with its checksum (or uploaded from a local path), the VM created with the
 * image imported as its disk and a cloud-init drive, converted to a template, and the gate that
 * verifies it and records its manifest; a template already built only gets promoted when asked.
 */
public final class TemplateChain {
    private final Site site;
    private final PveClient client;
    private final Ops ops;

    public TemplateChain(Site site, PveClient client, Ops ops) {
        this.site = site;
        this.client = client;
        this.ops = ops;
    }

    /** The layer; empty when every template has its manifest (and is stable when {@code stable} asks). */
    public Optional<Change<TemplateManifest>> build(Stable stable) {
        Violations v = Violations.of("layer L1 (templates)");
        Catalog catalog = Catalog.of(site, ops);
        List<Change<TemplateManifest>> parts = new ArrayList<>();
        for (SiteTemplate t : site.templates()) {
            if (t.image().isEmpty()) {
                continue;
            }
            String field = site.locate("templates." + t.name());
            TemplateManifest wanted = manifest(t, stable == Stable.PROMOTE);
            Optional<TemplateManifest> have = catalog.manifest(t.name());
            Optional<Guest> guest = client.findGuest(t.vmid());
            boolean built = have.isPresent() && have.get().sameBuild(wanted) && guest.isPresent();
            if (built) {
                if (stable == Stable.PROMOTE && !have.get().stable()) {
                    parts.add(record(have.get().promoted(), have));
                }
                continue;
            }
            if (guest.isPresent()) {
                v.add(field, "VMID " + t.vmid() + " holds a guest layer L1 did not build from " + t.image()
                        + (have.isPresent() ? " (its manifest names " + have.get().image() + ")" : " (no manifest)")
                        + "; delete it or give the template another vmid");
                continue;
            }
            checkImage(v, field, t);
            parts.add(buildOne(t, wanted, have));
        }
        v.throwIfAny();
        Change<TemplateManifest> all = null;
        for (Change<TemplateManifest> part : parts) {
            all = all == null ? part : Changes.then(all, done -> part);
        }
        return Optional.ofNullable(all);
    }

    private TemplateManifest manifest(SiteTemplate t, boolean stable) {
        String volume = site.storage("images") + ":import/" + fileName(t.image());
        return new TemplateManifest(t.name(), t.node(), t.vmid(), t.image(), t.checksum(), volume, stable, ops.clock().instant().toString());
    }

    private static void checkImage(Violations v, String field, SiteTemplate t) {
        String file = fileName(t.image());
        v.check(file.matches("[^/\\s]+\\.(qcow2|raw|img|vmdk)"), field + ".image", "'" + file + "' is not a disk image (.qcow2, .raw, .img, .vmdk)");
        if (!remote(t.image())) {
            v.check(Files.isRegularFile(Path.of(t.image())), field + ".image", "no file " + t.image());
            v.check(t.checksum().isEmpty() || t.checksum().startsWith("sha256:"), field + ".checksum",
                    "an uploaded image is checked by Proxmox with sha256 only");
        }
    }

    private Change<TemplateManifest> buildOne(SiteTemplate t, TemplateManifest wanted, Optional<TemplateManifest> before) {
        PveChanges guests = client.guests(ops);
        Storage images = client.node(t.node()).storage(site.storage("images"));
        String vm = site.storage("vm");
        Change<StorageContentItem> image = remote(t.image()) ? guests.downloadUrl(images, d -> {
            d.url(t.image()).fileName(fileName(t.image())).content("import");
            if (!t.checksum().isEmpty()) {
                d.checksumAlgorithm(t.checksum().substring(0, t.checksum().indexOf(':')).toLowerCase(Locale.ROOT))
                        .checksum(t.checksum().substring(t.checksum().indexOf(':') + 1));
            }
        }) : guests.upload(images, u -> {
            u.content("import").file(Path.of(t.image()));
            if (!t.checksum().isEmpty()) {
                u.sha256(t.checksum().substring("sha256:".length()));
            }
        });
        Change<Guest> vmMade = Changes.then(image, item -> guests.createVm(client.node(t.node()), c -> c.vmid(t.vmid()).name(t.name())
                .memoryMb(2048).cores(2).osType("l26").putOptions("scsihw", "virtio-scsi-pci")
                .putOptions("scsi0", vm + ":0,import-from=" + wanted.volume()).putOptions("ide2", vm + ":cloudinit")
                .putOptions("boot", "order=scsi0").putOptions("serial0", "socket").putOptions("vga", "serial0")
                .putOptions("net0", "virtio,bridge=vmbr0").putOptions("agent", "1")));
        Change<GuestConfig> template = Changes.then(vmMade, guests::convertToTemplate);
        return Changes.then(template, cfg -> record(wanted, before));
    }

    private Change<TemplateManifest> record(TemplateManifest m, Optional<TemplateManifest> before) {
        String json = new String(CatalogKeys.write(m), StandardCharsets.UTF_8);
        String previous = before.map(b -> new String(CatalogKeys.write(b), StandardCharsets.UTF_8)).orElse("");
        return new CatalogChange<>(ops, client.targets(ops), "record the manifest of template " + m.name() + (m.stable() ? " as stable" : ""),
                new ManifestRecordAction(client.name(), json), new ManifestRestoreAction(m.name(), previous), store -> m);
    }

    private static boolean remote(String image) {
        return image.startsWith("https://") || image.startsWith("http://");
    }

    private static String fileName(String image) {
        String path = image.contains("?") ? image.substring(0, image.indexOf('?')) : image;
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
