package dev.ops.pbs.internal;

import dev.ops.core.error.NotFoundException;
import dev.ops.pbs.Namespace;
import dev.ops.pbs.PbsClient;
import dev.ops.pbs.PruneJobRequest;
import dev.ops.pbs.RemoteRequest;
import dev.ops.pbs.SyncDirection;
import dev.ops.pbs.SyncJobRequest;
import dev.ops.pbs.TrafficControlRequest;
import dev.ops.pbs.VerifyJobRequest;
import dev.ops.proxmox.internal.ConfigEntryChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** The wire settings of jobs, remotes and traffic-control rules, and the reads that check what they name exists. */
final class JobWire {
    static final ConfigEntryChange.Section PRUNE = ConfigEntryChange.Section.pbs("prune job", "/config/prune", "id");
    static final ConfigEntryChange.Section VERIFY = ConfigEntryChange.Section.pbs("verify job", "/config/verify", "id");
    static final ConfigEntryChange.Section SYNC = ConfigEntryChange.Section.pbs("sync job", "/config/sync", "id")
            .withListQuery(Map.of("sync-direction", "all"));
    static final ConfigEntryChange.Section REMOTE = ConfigEntryChange.Section.pbs("remote", "/config/remote", "name").withSecrets("password");
    static final ConfigEntryChange.Section TRAFFIC = ConfigEntryChange.Section.pbs("traffic-control rule", "/config/traffic-control", "name");

    private JobWire() {}

    /** The section named {@code name}: {@code prune}, {@code verify}, {@code sync}, {@code remote}, {@code traffic-control}. */
    static ConfigEntryChange.Section section(String name) {
        return switch (name) {
            case "prune" -> PRUNE;
            case "verify" -> VERIFY;
            case "sync" -> SYNC;
            case "remote" -> REMOTE;
            default -> TRAFFIC;
        };
    }

    static Map<String, Object> prune(PruneJobRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put("store", r.store());
        p.put("schedule", r.schedule());
        ns(p, "ns", r.ns());
        num(p, "max-depth", r.maxDepth());
        num(p, "keep-last", r.keepLast());
        num(p, "keep-hourly", r.keepHourly());
        num(p, "keep-daily", r.keepDaily());
        num(p, "keep-weekly", r.keepWeekly());
        num(p, "keep-monthly", r.keepMonthly());
        num(p, "keep-yearly", r.keepYearly());
        r.comment().ifPresent(c -> p.put("comment", c));
        if (r.disabled()) {
            p.put("disable", true);
        }
        return p;
    }

    static Map<String, Object> verify(VerifyJobRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put("store", r.store());
        r.schedule().ifPresent(s -> p.put("schedule", s));
        ns(p, "ns", r.ns());
        num(p, "max-depth", r.maxDepth());
        r.ignoreVerified().ifPresent(b -> p.put("ignore-verified", b));
        num(p, "outdated-after", r.outdatedAfterDays());
        r.comment().ifPresent(c -> p.put("comment", c));
        return p;
    }

    static Map<String, Object> sync(SyncJobRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.id());
        if (r.direction() != SyncDirection.PULL) {
            p.put("sync-direction", r.direction().wire()); // pull is PBS's default: left out, as a job made in its GUI has it
        }
        p.put("store", r.store());
        ns(p, "ns", r.ns());
        r.remote().ifPresent(x -> p.put("remote", x));
        p.put("remote-store", r.remoteStore());
        ns(p, "remote-ns", r.remoteNs());
        num(p, "max-depth", r.maxDepth());
        r.schedule().ifPresent(s -> p.put("schedule", s));
        r.removeVanished().ifPresent(b -> p.put("remove-vanished", b));
        r.owner().ifPresent(o -> p.put("owner", o));
        num(p, "transfer-last", r.transferLast());
        r.rateIn().ifPresent(x -> p.put("rate-in", x));
        r.rateOut().ifPresent(x -> p.put("rate-out", x));
        r.verifiedOnly().ifPresent(b -> p.put("verified-only", b));
        if (!r.groupFilter().isEmpty()) {
            p.put("group-filter", r.groupFilter());
        }
        r.comment().ifPresent(c -> p.put("comment", c));
        return p;
    }

    static Map<String, Object> remote(RemoteRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", r.name());
        p.put("host", r.host());
        num(p, "port", r.port());
        p.put("auth-id", r.authId());
        p.put("password", r.password());
        r.fingerprint().ifPresent(f -> p.put("fingerprint", f));
        r.comment().ifPresent(c -> p.put("comment", c));
        return p;
    }

    static Map<String, Object> traffic(TrafficControlRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", r.name());
        p.put("network", r.network());
        r.rateIn().ifPresent(x -> p.put("rate-in", x));
        r.rateOut().ifPresent(x -> p.put("rate-out", x));
        r.burstIn().ifPresent(x -> p.put("burst-in", x));
        r.burstOut().ifPresent(x -> p.put("burst-out", x));
        if (!r.timeframe().isEmpty()) {
            p.put("timeframe", r.timeframe());
        }
        if (!r.users().isEmpty()) {
            p.put("users", r.users());
        }
        r.comment().ifPresent(c -> p.put("comment", c));
        return p;
    }

    private static void ns(Map<String, Object> p, String name, Optional<Namespace> ns) {
        ns.filter(n -> !n.isRoot()).ifPresent(n -> p.put(name, n.path()));
    }

    private static void num(Map<String, Object> p, String name, OptionalInt n) {
        n.ifPresent(v -> p.put(name, v));
    }

    /** A check that the datastore (and namespace) a job names exist, at plan. */
    static Consumer<PbsClient> storeExists(String store, Optional<Namespace> ns) {
        return pbs -> {
            if (pbs.datastores().stream().noneMatch(d -> d.name().equals(store))) {
                throw new NotFoundException("datastore " + store, "does not exist");
            }
            ns.filter(n -> !n.isRoot()).ifPresent(n -> {
                if (!pbs.datastore(store).namespaces().contains(n)) {
                    throw new NotFoundException("namespace " + n + " in datastore " + store, "does not exist");
                }
            });
        };
    }

    /** A check that a sync job's local datastore, namespace and remote exist, at plan. */
    static Consumer<PbsClient> syncTargetsExist(SyncJobRequest r) {
        Consumer<PbsClient> local = storeExists(r.store(), r.ns());
        return pbs -> {
            local.accept(pbs);
            r.remote().ifPresent(name -> {
                boolean known = pbs.api().get("/config/remote").elements().stream().anyMatch(e -> name.equals(e.path("name").asText("")));
                if (!known) {
                    throw new NotFoundException("remote " + name, "does not exist; define it first (PbsChanges.remote)");
                }
            });
            if (r.remote().isEmpty() && pbs.datastores().stream().noneMatch(d -> d.name().equals(r.remoteStore()))) {
                throw new NotFoundException("datastore " + r.remoteStore(), "does not exist (a sync job without remote pulls a local datastore)");
            }
        };
    }
}
