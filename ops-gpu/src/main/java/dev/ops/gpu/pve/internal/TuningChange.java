package dev.ops.gpu.pve.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.gpu.pve.GuestRunningException;
import dev.ops.gpu.pve.GuestTuning;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sets a stopped VM's NUMA, hugepages and affinity; the undo restores the old values or removes the keys. */
public final class TuningChange extends PveChange<GuestConfig, Void> {
    private static final String CONFIG = "/nodes/{node}/qemu/{vmid}/config";
    private final Guest guest;
    private final GuestTuning tuning;

    public TuningChange(Ops ops, PveClient client, Guest guest, GuestTuning tuning) {
        super(ops, client);
        this.guest = guest;
        this.tuning = tuning;
    }

    @Override
    protected String what() {
        return "tune " + guest + " " + tuning.values();
    }

    @Override
    protected Planned<Void> planSteps() {
        if (guest.status().running()) {
            throw new GuestRunningException(guest.toString(), "changing NUMA, hugepages or affinity");
        }
        GuestConfig cur = guest.config();
        Map<String, Object> forward = params();
        Map<String, Object> back = params();
        List<String> delete = new ArrayList<>();
        tuning.values().forEach((k, v) -> {
            String old = cur.get(k).orElse(null);
            if (!v.equals(old)) {
                forward.put(k, v);
                if (old == null) {
                    delete.add(k);
                } else {
                    back.put(k, old);
                }
            }
        });
        if (forward.size() == 2) {
            return Planned.none(null);
        }
        if (!delete.isEmpty()) {
            back.put("delete", String.join(",", delete));
        }
        forward.put("digest", cur.digest());
        return Planned.of(List.of(Step.of("set " + String.join(", ", forward.keySet().stream().filter(tuning.values()::containsKey).toList())
                + " of " + guest, call("PUT", CONFIG, forward), call("PUT", CONFIG, back))));
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", guest.node());
        p.put("vmid", guest.vmid());
        return p;
    }

    @Override
    protected GuestConfig result(Void context) {
        return guest.config();
    }
}
