package dev.ops.gpu.pve.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.pve.PveClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates, rewrites or removes a PCI resource mapping. A record of its own, not a {@code pve.call},
 * because {@code map} is an array sent as one parameter per entry. Stored in the journal as
 * {@code gpu.pci-mapping}.
 *
 * @param target the client's name
 * @param method {@code POST} (create), {@code PUT} (rewrite) or {@code DELETE}
 * @param id the mapping's id
 * @param description its description (POST and PUT)
 * @param map its entries (POST and PUT)
 */
public record MappingAction(String target, String method, String id, String description, List<String> map) implements Action {

    public MappingAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        map = List.copyOf(map);
    }

    @Override
    public String render() {
        return switch (method) {
            case "DELETE" -> "DELETE /cluster/mapping/pci/" + id;
            case "POST" -> "POST /cluster/mapping/pci id=" + id + " description=" + description + " map=" + map;
            default -> "PUT /cluster/mapping/pci/" + id + " description=" + description + " map=" + map;
        };
    }

    @Override
    public void execute(Targets targets) {
        PveClient client = targets.resolve(target, PveClient.class);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        switch (method) {
            case "DELETE" -> client.api().delete("/cluster/mapping/pci/{id}", p);
            case "POST" -> {
                p.put("description", description);
                p.put("map", map);
                client.api().post("/cluster/mapping/pci", p);
            }
            default -> {
                p.put("description", description);
                p.put("map", map);
                client.api().put("/cluster/mapping/pci/{id}", p);
            }
        }
    }
}
