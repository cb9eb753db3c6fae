package dev.ops.gpu.pve.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.gpu.pve.PciMapping;
import dev.ops.proxmox.JsonValue;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes a PCI resource mapping present as given, or absent; undo puts back what was there. */
public final class MappingChange extends PveChange<Optional<PciMapping>, Void> {
    private final String id;
    /** The mapping wanted; null to remove it. */
    private final PciMapping wanted;

    private MappingChange(Ops ops, PveClient client, String id, PciMapping wanted) {
        super(ops, client);
        this.id = id;
        this.wanted = wanted;
    }

    /** The change that makes {@code mapping} present. */
    public static MappingChange present(Ops ops, PveClient client, PciMapping mapping) {
        return new MappingChange(ops, client, mapping.id(), mapping);
    }

    /** The change that removes mapping {@code id}. */
    public static MappingChange absent(Ops ops, PveClient client, String id) {
        return new MappingChange(ops, client, id, null);
    }

    /** The mapping {@code id} as the cluster has it now. */
    public static Optional<PciMapping> read(PveClient client, String id) {
        JsonValue v;
        try {
            v = client.api().get("/cluster/mapping/pci/{id}", Map.of("id", id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (v == null || v.isNull() || v.isMissing()) {
            return Optional.empty();
        }
        List<PciMapping.Entry> entries = v.path("map").elements().stream().map(e -> PciMapping.Entry.parse(e.asText())).toList();
        return Optional.of(new PciMapping(id, v.path("description").asText(""), entries));
    }

    @Override
    protected String what() {
        return (wanted == null ? "remove" : "set") + " PCI mapping " + id;
    }

    @Override
    protected Planned<Void> planSteps() {
        Optional<PciMapping> now = read(client, id);
        if (wanted == null) {
            return now.map(m -> Planned.of(List.of(Step.of("remove PCI mapping " + id, delete(), post(m))))).orElse(Planned.none(null));
        }
        if (now.isEmpty()) {
            return Planned.of(List.of(Step.of("create PCI mapping " + id + " for " + wanted.entries().stream().map(PciMapping.Entry::node).toList(),
                    post(wanted), delete())));
        }
        if (now.get().equals(wanted)) {
            return Planned.none(null);
        }
        return Planned.of(List.of(Step.of("rewrite PCI mapping " + id, put(wanted), put(now.get()))));
    }

    private MappingAction post(PciMapping m) {
        return new MappingAction(client.name(), "POST", id, m.description(), m.entries().stream().map(PciMapping.Entry::render).toList());
    }

    private MappingAction put(PciMapping m) {
        return new MappingAction(client.name(), "PUT", id, m.description(), m.entries().stream().map(PciMapping.Entry::render).toList());
    }

    private MappingAction delete() {
        return new MappingAction(client.name(), "DELETE", id, "", List.of());
    }

    @Override
    protected Optional<PciMapping> result(Void context) {
        return read(client, id);
    }
}
