package dev.ops.pve.replication.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.proxmox.internal.SettingsDiff;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.replication.Replication;
import dev.ops.pve.replication.ReplicationJob;
import dev.ops.pve.replication.ReplicationRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A replication job as wanted (created, or updated in what differs; rollback removes or restores
 * it), or removed (rollback makes it again). Its target cannot change in place: the plan refuses it
 * and says to remove the job first. The guest must exist.
 */
public final class ReplicationJobChange extends PveChange<Optional<ReplicationJob>, Void> {
    private static final String COLLECTION = "/cluster/replication";
    private static final String ENTRY = "/cluster/replication/{id}";

    private final ReplicationRequest wanted;
    private final String removed;

    /** {@code wanted} present; with {@code wanted} null, the job {@code removed} absent. */
    public ReplicationJobChange(Ops ops, PveClient client, ReplicationRequest wanted, String removed) {
        super(ops, client);
        this.wanted = wanted;
        this.removed = removed;
    }

    private String id() {
        return wanted != null ? wanted.id() : removed;
    }

    @Override
    protected String what() {
        return (wanted != null ? "replication job " + id() + " to " + wanted.target() : "remove replication job " + id());
    }

    @Override
    protected Planned<Void> planSteps() {
        Optional<ReplicationJob> now = Replication.of(client).get(id());
        if (wanted == null) {
            if (now.isEmpty()) {
                return Planned.<Void>none(null).withNote("no replication job " + id());
            }
            return Planned.of(List.of(Step.of("remove replication job " + id(),
                    call("DELETE", ENTRY, Map.of("id", id(), "force", 1)), create(now.get()))));
        }
        if (client.findGuest(wanted.guest()).isEmpty()) {
            throw new NotFoundException("guest " + wanted.guest(), "does not exist in the cluster");
        }
        if (now.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>(settings(wanted));
            p.put("id", id());
            p.put("type", "local");
            p.put("target", wanted.target());
            return Planned.of(List.of(Step.of("create replication job " + id() + " of guest " + wanted.guest() + " to " + wanted.target(),
                    call("POST", COLLECTION, p), call("DELETE", ENTRY, Map.of("id", id(), "force", 1)))));
        }
        ReplicationJob job = now.get();
        if (!job.target().equals(wanted.target())) {
            throw new ConflictException("replication job " + id(), "replicates to " + job.target() + ", not " + wanted.target()
                    + "; a job's target cannot change: remove the job and make it again", false);
        }
        Map<String, String> old = new LinkedHashMap<>();
        settings(job).forEach((k, v) -> old.put(k, String.valueOf(v)));
        SettingsDiff d = SettingsDiff.replacing(old, settings(wanted), "(default)");
        if (d.isEmpty()) {
            return Planned.none(null);
        }
        Map<String, Object> base = Map.of("id", id());
        return Planned.of(List.of(Step.of("update replication job " + id(), call("PUT", ENTRY, d.forward(base)),
                call("PUT", ENTRY, d.undo(base))))).withNotes(d.lines());
    }

    private ApiCallAction create(ReplicationJob job) {
        Map<String, Object> p = new LinkedHashMap<>(settings(job));
        p.put("id", job.id());
        p.put("type", "local");
        p.put("target", job.target());
        return call("POST", COLLECTION, p);
    }

    private static Map<String, Object> settings(ReplicationRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        r.schedule().ifPresent(s -> p.put("schedule", s));
        r.rate().ifPresent(x -> p.put("rate", rate(x)));
        r.comment().ifPresent(c -> p.put("comment", c));
        if (r.disabled()) {
            p.put("disable", 1);
        }
        return p;
    }

    private static Map<String, Object> settings(ReplicationJob j) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (!j.schedule().equals("*/15")) {
            p.put("schedule", j.schedule());
        }
        if (j.rate() > 0) {
            p.put("rate", rate(j.rate()));
        }
        if (!j.comment().isEmpty()) {
            p.put("comment", j.comment());
        }
        if (j.disabled()) {
            p.put("disable", 1);
        }
        return p;
    }

    /** A rate as Proxmox writes it: 50, not 50.0. */
    private static Object rate(double mbps) {
        return mbps == Math.rint(mbps) ? (Object) (long) mbps : (Object) mbps;
    }

    @Override
    protected Optional<ReplicationJob> result(Void none) {
        return Replication.of(client).get(id());
    }
}
