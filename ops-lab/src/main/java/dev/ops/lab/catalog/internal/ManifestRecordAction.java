package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.store.StateStore;
import dev.ops.lab.catalog.TemplateManifest;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Layer L1's gate and record: verifies the template on the cluster (a template, its name, a disk
 * imported on {@code scsi0}, a cloud-init drive on {@code ide2}) and writes its manifest. A template
 * that does not pass fails the step, and the whole layer rolls back.
 *
 * @param client the PVE client's target name
 * @param json the manifest
 */
public record ManifestRecordAction(String client, String json) implements Action {
    public ManifestRecordAction {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String target() {
        return client;
    }

    @Override
    public String render() {
        TemplateManifest m = manifest();
        return "verify template " + m.name() + " (" + m.vmid() + ") on " + m.node() + " (a template with a disk and a cloud-init drive)"
                + " and record its manifest" + (m.stable() ? " as stable" : "");
    }

    private TemplateManifest manifest() {
        return CatalogKeys.read("manifest", json.getBytes(StandardCharsets.UTF_8), TemplateManifest.class);
    }

    @Override
    public void execute(Targets targets) {
        TemplateManifest m = manifest();
        PveClient pve = targets.resolve(client, PveClient.class);
        GuestConfig cfg = pve.node(m.node()).guest(GuestType.QEMU, m.vmid()).config();
        List<String> wrong = new ArrayList<>();
        if (!cfg.template()) {
            wrong.add("it is not a template");
        }
        if (!cfg.name().orElse("").equals(m.name())) {
            wrong.add("its name is '" + cfg.name().orElse("") + "'");
        }
        if (cfg.get("scsi0").isEmpty()) {
            wrong.add("it has no disk on scsi0");
        }
        if (!cfg.get("ide2").orElse("").contains("cloudinit")) {
            wrong.add("it has no cloud-init drive on ide2");
        }
        if (!wrong.isEmpty()) {
            throw new ConflictException("template " + m.node() + "/" + m.vmid(), "layer L1's gate failed: " + String.join("; ", wrong), false);
        }
        StateStore store = targets.resolve(Targets.STATE_STORE, StateStore.class);
        store.put(CatalogKeys.manifest(m.name()), json.getBytes(StandardCharsets.UTF_8));
    }
}
