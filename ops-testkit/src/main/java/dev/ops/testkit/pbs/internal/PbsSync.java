package dev.ops.testkit.pbs.internal;

import dev.ops.testkit.pve.internal.Cluster;
import dev.ops.testkit.pve.internal.Task;
import dev.ops.testkit.pve.internal.PbsBackends;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A sync job's pull, as PBS does it: the source (another PBS fake that the job's remote names by
 * {@code host} and {@code port}, this fake itself, or with no remote a datastore of this fake) is read
 * when the job starts; when its task ends successfully, every finished snapshot of the source's
 * {@code remote-ns} and the namespaces below it (down to {@code max-depth}) that passes the
 * {@code group-filter} and that the local group lacks is copied into {@code ns}, with its notes and
 * verification state (they are part of the manifest) and the job's owner. As in PBS, a snapshot older
 * than the local group's newest is not pulled, {@code transfer-last} pulls only a group's newest ones,
 * and {@code remove-vanished} removes the local snapshots, groups and namespaces the source no longer
 * has (protected snapshots stay). A local group that someone other than the job's owner owns is not
 * synced: the others are, and the task ends with an error. Called under the fake's lock.
 */
public final class PbsSync {
    /** PBS's MAX_NAMESPACE_DEPTH: namespaces below the root. */
    static final int MAX_DEPTH = 7;

    private final PbsState state;
    private final Map<String, Object> job;
    private final PbsBackends.Listing source;

    private PbsSync(PbsState state, Map<String, Object> job, PbsBackends.Listing source) {
        this.state = state;
        this.job = job;
        this.source = source;
    }

    /** The sync of {@code job}, its source read now; throws {@link NoSuchElementException} with the task's error when it cannot run. */
    static PbsSync prepare(PbsState state, Map<String, Object> job) {
        if ("push".equals(text(job, "sync-direction", "pull"))) {
            throw new NoSuchElementException("push sync jobs are not simulated by the PBS fake");
        }
        String store = text(job, "store", "");
        PbsState.Store local = state.stores.get(store);
        if (local == null) {
            throw new NoSuchElementException("datastore '" + store + "' does not exist");
        }
        String ns = text(job, "ns", "");
        if (!local.namespaces.contains(ns)) {
            throw new NoSuchElementException("namespace '" + ns + "' does not exist in datastore '" + store + "'");
        }
        int maxDepth = job.get("max-depth") instanceof Number n ? n.intValue() : MAX_DEPTH;
        if (job.containsKey("max-depth") && depth(ns) + maxDepth > MAX_DEPTH) {
            throw new NoSuchElementException("sync with max-depth " + maxDepth + " into namespace '" + ns
                    + "' would exceed the namespace depth limit of " + MAX_DEPTH);
        }
        String remoteStore = text(job, "remote-store", "");
        String remoteNs = text(job, "remote-ns", "");
        Object remote = job.get("remote");
        PbsBackends.Listing listing;
        if (remote == null) {
            listing = listing(state, remoteStore, remoteNs, maxDepth);
        } else {
            Map<String, Object> r = state.section("remote").get(String.valueOf(remote));
            if (r == null) {
                throw new NoSuchElementException("remote '" + remote + "' does not exist");
            }
            String host = text(r, "host", "");
            String hostPort = (host.equals("localhost") || host.equals("[::1]") ? "127.0.0.1" : host) + ":" + text(r, "port", "8007");
            PbsBackends.Backend b = PbsBackends.at(hostPort)
                    .orElseThrow(() -> new NoSuchElementException("unable to connect to remote '" + remote + "' (" + hostPort + "): connection refused"));
            if (!b.accepts(text(r, "auth-id", ""), text(r, "password", ""))) {
                throw new NoSuchElementException("remote '" + remote + "': authentication failed");
            }
            listing = b.listing(remoteStore, remoteNs, maxDepth);
        }
        return new PbsSync(state, job, listing);
    }

    /** What a sync from {@code datastore}'s namespace {@code ns} of {@code state} reads (a remote fake answers with it too). */
    public static PbsBackends.Listing listing(PbsState state, String datastore, String ns, int maxDepth) {
        PbsState.Store s = state.stores.get(datastore);
        if (s == null) {
            throw new NoSuchElementException("datastore '" + datastore + "' does not exist");
        }
        if (!s.namespaces.contains(ns)) {
            throw new NoSuchElementException("namespace '" + ns + "' does not exist in datastore '" + datastore + "'");
        }
        List<String> namespaces = new ArrayList<>();
        List<PbsBackends.Source> snaps = new ArrayList<>();
        for (String n : s.namespaces) {
            String rel = relative(ns, n);
            if (rel == null || depth(rel) > maxDepth) {
                continue;
            }
            namespaces.add(rel);
            for (PbsState.Snap sn : s.snapshots.getOrDefault(n, new TreeMap<>()).values()) {
                snaps.add(new PbsBackends.Source(rel, sn.type, sn.id, sn.time, sn.finished, sn.size, sn.notes, sn.verification));
            }
        }
        return new PbsBackends.Listing(List.copyOf(namespaces), List.copyOf(snaps));
    }

    /** Pulls, logging each snapshot to {@code task}; run when the job's task ends successfully. */
    void apply(Task task) {
        PbsState.Store local = state.stores.get(text(job, "store", ""));
        String ns = text(job, "ns", "");
        if (local == null) {
            return;
        }
        boolean removeVanished = Boolean.TRUE.equals(job.get("remove-vanished")) || "1".equals(String.valueOf(job.get("remove-vanished")));
        Integer transferLast = job.get("transfer-last") instanceof Number n ? n.intValue() : null;
        String owner = text(job, "owner", "root@pam");
        List<Filter> filters = filters(job.get("group-filter"));
        int pulled = 0;
        int removed = 0;
        int failed = 0;
        Set<String> sourceNamespaces = new HashSet<>();
        for (String rel : source.namespaces()) {
            String target = join(ns, rel);
            if (depth(target) > MAX_DEPTH) {
                task.log("skipping namespace '" + rel + "': '" + target + "' would exceed the namespace depth limit of " + MAX_DEPTH);
                continue;
            }
            sourceNamespaces.add(target);
            addNamespace(local, target);
            Map<String, List<PbsBackends.Source>> groups = new TreeMap<>();
            source.snapshots().stream().filter(s -> s.ns().equals(rel) && s.finished())
                    .forEach(s -> groups.computeIfAbsent(s.type() + "/" + s.id(), k -> new ArrayList<>()).add(s));
            TreeMap<String, PbsState.Snap> here = local.in(target);
            for (Map.Entry<String, List<PbsBackends.Source>> g : groups.entrySet()) {
                if (!passes(filters, g.getKey())) {
                    continue;
                }
                String held = here.values().stream().filter(sn -> sn.group().equals(g.getKey())).reduce((a, b) -> b).map(sn -> sn.owner)
                        .orElse(owner);
                if (!held.equals(owner)) {
                    task.log("sync group " + g.getKey() + " failed - owner check failed (" + owner + " != " + held + ")");
                    failed++;
                    continue;
                }
                List<PbsBackends.Source> list = new ArrayList<>(g.getValue());
                list.sort(Comparator.comparingLong(PbsBackends.Source::time));
                long newestLocal = here.values().stream().filter(sn -> sn.group().equals(g.getKey()) && sn.finished)
                        .mapToLong(sn -> sn.time).max().orElse(Long.MIN_VALUE);
                int from = transferLast == null ? 0 : Math.max(0, list.size() - transferLast);
                for (PbsBackends.Source s : list.subList(from, list.size())) {
                    PbsState.Snap sn = new PbsState.Snap(s.type(), s.id(), s.time());
                    if (s.time() < newestLocal || here.containsKey(sn.path())) {
                        continue;
                    }
                    sn.finished = true;
                    sn.size = s.size();
                    sn.notes = s.notes();
                    sn.verification = s.verification();
                    sn.owner = owner;
                    here.put(sn.path(), sn);
                    task.log("sync snapshot " + sn.path() + (target.isEmpty() ? "" : " into namespace '" + target + "'"));
                    pulled++;
                }
            }
            if (removeVanished) {
                removed += removeVanished(task, here, groups, filters);
            }
        }
        if (removeVanished) {
            removed += removeVanishedNamespaces(task, local, ns, sourceNamespaces);
        }
        state.version++;
        task.log("sync job finished: " + pulled + " snapshot(s) pulled" + (removeVanished ? ", " + removed + " removed as vanished" : "")
                + (failed > 0 ? ", " + failed + " group(s) failed" : ""));
        if (failed > 0) {
            task.endWithError("sync failed with some errors.");
        }
    }

    private static int removeVanished(Task task, TreeMap<String, PbsState.Snap> here, Map<String, List<PbsBackends.Source>> groups,
            List<Filter> filters) {
        Map<String, Set<Long>> kept = new HashMap<>();
        groups.forEach((g, list) -> list.forEach(s -> kept.computeIfAbsent(g, k -> new HashSet<>()).add(s.time())));
        int removed = 0;
        for (PbsState.Snap sn : List.copyOf(here.values())) {
            if (!passes(filters, sn.group()) || kept.getOrDefault(sn.group(), Set.of()).contains(sn.time)) {
                continue;
            }
            if (sn.isProtected) {
                task.log("skipping protected snapshot " + sn.path() + ", which vanished on the source");
                continue;
            }
            here.remove(sn.path());
            task.log("delete vanished snapshot " + sn.path());
            removed++;
        }
        return removed;
    }

    private static int removeVanishedNamespaces(Task task, PbsState.Store local, String ns, Set<String> kept) {
        int removed = 0;
        List<String> below = local.namespaces.stream().filter(n -> !n.equals(ns) && relative(ns, n) != null)
                .sorted(Comparator.comparingInt(PbsSync::depth).reversed()).toList();
        for (String n : below) {
            boolean empty = local.snapshots.getOrDefault(n, new TreeMap<>()).isEmpty()
                    && local.namespaces.stream().noneMatch(c -> c.startsWith(n + "/"));
            if (!kept.contains(n) && empty) {
                local.namespaces.remove(n);
                local.snapshots.remove(n);
                task.log("delete vanished namespace '" + n + "'");
                removed++;
            }
        }
        return removed;
    }

    private static void addNamespace(PbsState.Store local, String ns) {
        StringBuilder path = new StringBuilder();
        for (String part : ns.isEmpty() ? new String[0] : ns.split("/")) {
            path.append(path.isEmpty() ? "" : "/").append(part);
            local.namespaces.add(path.toString());
        }
    }

    /**
     * One entry of a group filter: {@code type:vm}, {@code group:vm/100} or {@code regex:...} (matched
     * against {@code type/id}), an {@code exclude:} prefix making it exclude.
     */
    private record Filter(boolean exclude, String kind, String value) {
        boolean matches(String group) {
            return switch (kind) {
                case "type" -> group.startsWith(value + "/");
                case "group" -> group.equals(value);
                default -> {
                    try {
                        yield Pattern.compile(value).matcher(group).find();
                    } catch (PatternSyntaxException e) {
                        yield false;
                    }
                }
            };
        }
    }

    private static List<Filter> filters(Object raw) {
        List<String> entries = raw instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : raw == null ? List.of() : List.of(String.valueOf(raw).split("\n"));
        List<Filter> out = new ArrayList<>();
        for (String e : entries) {
            boolean exclude = e.startsWith("exclude:");
            String rest = exclude ? e.substring("exclude:".length()) : e.startsWith("include:") ? e.substring("include:".length()) : e;
            int colon = rest.indexOf(':');
            if (colon > 0) {
                out.add(new Filter(exclude, rest.substring(0, colon), rest.substring(colon + 1)));
            }
        }
        return out;
    }

    /** A group passes when no exclude matches it and, if any include is given, an include does. */
    private static boolean passes(List<Filter> filters, String group) {
        if (filters.stream().anyMatch(f -> f.exclude() && f.matches(group))) {
            return false;
        }
        List<Filter> includes = filters.stream().filter(f -> !f.exclude()).toList();
        return includes.isEmpty() || includes.stream().anyMatch(f -> f.matches(group));
    }

    /** {@code n} relative to {@code base} ("" for itself), null when it is not {@code base} or below it. */
    private static String relative(String base, String n) {
        if (base.isEmpty()) {
            return n;
        }
        return n.equals(base) ? "" : n.startsWith(base + "/") ? n.substring(base.length() + 1) : null;
    }

    private static String join(String base, String rel) {
        return base.isEmpty() ? rel : rel.isEmpty() ? base : base + "/" + rel;
    }

    private static int depth(String ns) {
        return ns.isEmpty() ? 0 : ns.split("/").length;
    }

    private static String text(Map<String, Object> m, String key, String absent) {
        Object v = m.get(key);
        return v == null ? absent : String.valueOf(v);
    }
}
