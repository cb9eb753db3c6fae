package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.ConfigUpdate;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.UriComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates a guest's config: only keys whose value differs are sent, guarded by the config digest
 * (the update's own, else the one read at plan time). The undo writes back the previous values and
 * deletes the keys that were absent.
 */
final class ConfigChange extends GuestChange<GuestConfig, Void> {
    private final ConfigUpdate update;

    ConfigChange(Ops ops, PveClient client, Guest guest, ConfigUpdate update) {
        super(ops, client, guest);
        this.update = update;
    }

    @Override
    protected String what() {
        return "update config of " + guest;
    }

    @Override
    protected Planned<Void> planSteps() {
        GuestConfig cur = config();
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, Object> undoSet = new LinkedHashMap<>();
        List<String> undoDelete = new ArrayList<>();
        update.values().forEach((k, val) -> {
            String old = cur.values().get(k);
            if (!same(k, old, val)) {
                set.put(k, val);
                if (old == null) {
                    undoDelete.add(k);
                } else if (!k.equals("cipassword")) {
                    undoSet.put(k, old);
                }
            }
        });
        List<String> delete = update.delete().stream().filter(cur.values()::containsKey).toList();
        delete.forEach(k -> undoSet.put(k, cur.values().get(k)));
        if (set.isEmpty() && delete.isEmpty()) {
            return Planned.none(null);
        }
        Map<String, Object> forward = params(set);
        if (!delete.isEmpty()) {
            forward.put("delete", String.join(",", delete));
        }
        forward.put("digest", update.digest().orElse(cur.digest()));
        Map<String, Object> back = params(undoSet);
        if (!undoDelete.isEmpty()) {
            back.put("delete", String.join(",", undoDelete));
        }
        List<String> parts = new ArrayList<>();
        if (!set.isEmpty()) {
            parts.add("set " + String.join(", ", set.keySet()));
        }
        if (!delete.isEmpty()) {
            parts.add("remove " + String.join(", ", delete));
        }
        List<String> diff = new ArrayList<>();
        set.forEach((k, val) -> diff.add(k + ": " + shown(k, cur.values().get(k)) + " -> " + shown(k, val.toString())));
        delete.forEach(k -> diff.add(k + ": " + shown(k, cur.values().get(k)) + " -> (removed)"));
        boolean async = update.async();
        if (async && guest.type() != dev.ops.pve.guest.GuestType.QEMU) {
            throw new dev.ops.core.error.ValidationException("config update", dev.ops.core.error.Violations.of("config update")
                    .add("async", guest + " is a container; only VMs take a config update as a task").list());
        }
        Planned<Void> planned = Planned.of(List.of(Step.of(String.join("; ", parts) + " on " + guest + (async ? " (as a task)" : ""),
                async ? task("POST", template("/config"), forward) : call("PUT", template("/config"), forward),
                async ? task("POST", template("/config"), back) : call("PUT", template("/config"), back)))).withNotes(diff);
        return set.containsKey("cipassword")
                ? planned.withNote("rollback cannot restore a previous cipassword (Proxmox does not return it); it removes or keeps it")
                : planned;
    }

    /** A value as the plan's diff shows it: {@code (absent)} for none, the secret keys masked. */
    private static String shown(String key, String value) {
        if (value == null) {
            return "(absent)";
        }
        return key.equals("cipassword") ? "***" : value;
    }

    private static boolean same(String key, String old, String wanted) {
        if (old == null) {
            return false;
        }
        if (key.equals("sshkeys")) {
            return UriComponent.decode(old).strip().equals(UriComponent.decode(wanted).strip());
        }
        return old.strip().equals(wanted.strip());
    }

    @Override
    protected GuestConfig result(Void none) {
        return config();
    }
}
