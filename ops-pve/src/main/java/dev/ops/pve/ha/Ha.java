package dev.ops.pve.ha;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.guest.GuestType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cluster's HA resources: list, read, add, remove. */
public final class Ha {
    private static final List<String> STATES = List.of("started", "stopped", "enabled", "disabled", "ignored");
    private final PveClient client;

    public Ha(PveClient client) {
        this.client = client;
    }

    /** The HA service id of a guest, e.g. {@code vm:101}. */
    public static String sid(GuestType type, int vmid) {
        return type.haType() + ":" + PveIds.requireVmid(vmid);
    }

    /** {@code GET /cluster/ha/resources}. */
    public List<HaResource> resources() {
        return client.api().list("/cluster/ha/resources", Map.of(), HaResource.class);
    }

    /** The HA resource with that sid, if the guest is HA-managed. */
    public Optional<HaResource> find(String sid) {
        return resources().stream().filter(r -> r.sid().equals(sid)).findFirst();
    }

    /** {@code POST /cluster/ha/resources}: makes a guest HA-managed with the requested {@code state}; {@code group} nullable. */
    public void add(String sid, String state, String group) {
        Map<String, Object> p = params(sid, state);
        if (group != null) {
            p.put("group", group);
        }
        client.api().post("/cluster/ha/resources", p);
    }

    /** {@code DELETE /cluster/ha/resources/{sid}}. */
    public void remove(String sid) {
        client.api().delete("/cluster/ha/resources/{sid}", Map.of("sid", sid));
    }

    static Map<String, Object> params(String sid, String state) {
        Violations v = Violations.of("HA resource");
        v.check(sid != null && sid.matches("(vm|ct):\\d+|\\d+"), "sid", "'" + sid + "' must be vm:<vmid> or ct:<vmid>");
        v.check(STATES.contains(state), "state", "'" + state + "' must be one of " + STATES);
        v.throwIfAny();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sid", sid);
        p.put("state", state);
        return p;
    }
}
