package dev.ops.testkit.pbs.internal;

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
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A sync job's run, as PBS does it. A pull reads its source (another PBS fake that the job's remote
 * names by {@code host} and {@code port}, this fake itself, or with no remote a datastore of this
 * fake) when the job starts; a push reads this fake's {@code store} and {@code ns} and writes into the
 * remote's {@code remote-store} and {@code remote-ns} (a push needs a remote; the groups it makes
 * there belong to the remote's auth-id). When the job's task ends successfully, every finished
 * snapshot of the source namespace and the namespaces below it (down to {@code max-depth}) that
 * passes the {@code group-filter} (and, with {@code verified-only}, was verified ok) and that the
 * target group lacks is copied, with its notes and verification state (they are part of the
 * manifest). As in PBS, a snapshot older than the target group's newest is not copied,
 * {@code transfer-last} copies only a group's newest ones, and {@code remove-vanished} removes the
 * target's snapshots, groups and namespaces the source no longer has (protected snapshots stay). A
 * target group that someone other than the job's owner owns is not synced: the others are, and the
 * task ends with an error. Called under the fake's lock (a push takes the remote's too).
 */
public final class PbsSync {
    /** PBS's MAX_NAMESPACE_DEPTH: namespaces below the root. */
    static final int MAX_DEPTH = 7;

    private final PbsState state;
    private final Map<String, Object> job;
    private final PbsBackends.Listing source;
    private final PbsBackends.Backend pushTo;
    private final String pushOwner;

    private PbsSync(PbsState state, Map<String, Object> job, PbsBackends.Listing source, PbsBackends.Backend pushTo, String pushOwner) {
        this.state = state;
        this.job = job;
        this.source = source;
        this.pushTo = pushTo;
        this.pushOwner = pushOwner;
    }

    /** The sync of {@code job}, its source read now; throws {@link NoSuchElementException} with the task's error when it cannot run. */
    static PbsSync prepare(PbsState state, Map<String, Object> job) {
        boolean push = "push".equals(text(job, "sync-direction", "pull"));
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
        String into = push ? text(job, "remote-ns", "") : ns;
        if (job.containsKey("max-depth") && depth(into) + maxDepth > MAX_DEPTH) {
            throw new NoSuchElementException("sync with max-depth " + maxDepth + " into namespace '" + into
                    + "' would exceed the namespace depth limit of " + MAX_DEPTH);
        }
        String remoteStore = text(job, "remote-store", "");
        String remoteNs = text(job, "remote-ns", "");
        Object remote = job.get("remote");
        if (push) {
            if (remote == null) {
                throw new NoSuchElementException("push sync job '" + text(job, "id", "") + "' has no remote to push to");
            }
            Map<String, Object> r = state.section("remote").get(String.valueOf(remote));
            PbsBackends.Backend target = backend(state, String.valueOf(remote));
            if (!target.hasNamespace(remoteStore, remoteNs)) {
                throw new NoSuchElementException("remote '" + remote + "': namespace '" + remoteNs + "' does not exist in datastore '"
                        + remoteStore + "'");
            }
            return new PbsSync(state, job, listing(state, store, ns, maxDepth), target, text(r, "auth-id", ""));
        }
        PbsBackends.Listing listing = remote == null ? listing(state, remoteStore, remoteNs, maxDepth)
                : backend(state, String.valueOf(remote)).listing(remoteStore, remoteNs, maxDepth);
        return new PbsSync(state, job, listing, null, "");
    }

    /** The PBS fake that remote {@code name} of {@code state} reaches, its credentials checked. */
    private static PbsBackends.Backend backend(PbsState state, String name) {
        Map<String, Object> r = state.section("remote").get(name);
        if (r == null) {
            throw new NoSuchElementException("remote '" + name + "' does not exist");
        }
        String host = text(r, "host", "");
        String hostPort = (host.equals("localhost") || host.equals("[::1]") ? "127.0.0.1" : host) + ":" + text(r, "port", "8007");
        PbsBackends.Backend b = PbsBackends.at(hostPort)
                .orElseThrow(() -> new NoSuchElementException("unable to connect to remote '" + name + "' (" + hostPort + "): connection refused"));
        if (!b.accepts(text(r, "auth-id", ""), text(r, "password", ""))) {
            throw new NoSuchElementException("remote '" + name + "': authentication failed");
        }
        return b;
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

    /** Pulls or pushes, logging each snapshot to {@code task}; run when the job's task ends successfully. */
    void apply(Task task) {
        PbsBackends.Synced done;
        if (pushTo != null) {
            done = pushTo.receive(text(job, "remote-store", ""), text(job, "remote-ns", ""), source, job, pushOwner, task::log);
        } else {
            if (!state.stores.containsKey(text(job, "store", ""))) {
                return;
            }
            done = copy(state, text(job, "store", ""), text(job, "ns", ""), source, job, text(job, "owner", "root@pam"), task::log);
        }
        boolean removeVanished = flag(job, "remove-vanished");
        task.log("sync job finished: " + done.copied() + " snapshot(s) " + (pushTo != null ? "pushed" : "pulled")
                + (removeVanished ? ", " + done.removed() + " removed as vanished" : "")
                + (done.failed() > 0 ? ", " + done.failed() + " group(s) failed" : ""));
        if (done.failed() > 0) {
            task.endWithError("sync failed with some errors.");
        }
    }

    /**
     * Copies what {@code source} lists into namespace {@code ns} of datastore {@code store} of
     * {@code target}, by the sync settings of {@code job}, new groups owned by {@code owner}.
     */
    public static PbsBackends.Synced copy(PbsState target, String store, String ns, PbsBackends.Listing source, Map<String, Object> job,
            String owner, Consumer<String> log) {
        PbsState.Store local = target.stores.get(store);
        if (local == null) {
            throw new NoSuchElementException("datastore '" + store + "' does not exist");
        }
        boolean removeVanished = flag(job, "remove-vanished");
        boolean verifiedOnly = flag(job, "verified-only");
        Integer transferLast = job.get("transfer-last") instanceof Number n ? n.intValue() : null;
        List<Filter> filters = filters(job.get("group-filter"));
        int copied = 0;
        int removed = 0;
        int failed = 0;
        Set<String> sourceNamespaces = new HashSet<>();
        for (String rel : source.namespaces()) {
            String into = join(ns, rel);
            if (depth(into) > MAX_DEPTH) {
                log.accept("skipping namespace '" + rel + "': '" + into + "' would exceed the namespace depth limit of " + MAX_DEPTH);
                continue;
            }
            sourceNamespaces.add(into);
            addNamespace(local, into);
            Map<String, List<PbsBackends.Source>> groups = new TreeMap<>();
            source.snapshots().stream().filter(s -> s.ns().equals(rel) && s.finished() && (!verifiedOnly || "ok".equals(s.verification())))
                    .forEach(s -> groups.computeIfAbsent(s.type() + "/" + s.id(), k -> new ArrayList<>()).add(s));
            TreeMap<String, PbsState.Snap> here = local.in(into);
            for (Map.Entry<String, List<PbsBackends.Source>> g : groups.entrySet()) {
                if (!passes(filters, g.getKey())) {
                    continue;
                }
                String held = here.values().stream().filter(sn -> sn.group().equals(g.getKey())).reduce((a, b) -> b).map(sn -> sn.owner)
                        .orElse(owner);
                if (!held.equals(owner)) {
                    log.accept("sync group " + g.getKey() + " failed - owner check failed (" + owner + " != " + held + ")");
                    failed++;
                    continue;
                }
                List<PbsBackends.Source> list = new ArrayList<>(g.getValue());
                list.sort(Comparator.comparingLong(PbsBackends.Source::time));
                long newestHere = here.values().stream().filter(sn -> sn.group().equals(g.getKey()) && sn.finished)
                        .mapToLong(sn -> sn.time).max().orElse(Long.MIN_VALUE);
                int from = transferLast == null ? 0 : Math.max(0, list.size() - transferLast);
                for (PbsBackends.Source s : list.subList(from, list.size())) {
                    PbsState.Snap sn = new PbsState.Snap(s.type(), s.id(), s.time());
                    if (s.time() < newestHere || here.containsKey(sn.path())) {
                        continue;
                    }
                    sn.finished = true;
                    sn.size = s.size();
                    sn.notes = s.notes();
                    sn.verification = s.verification();
                    sn.owner = owner;
                    here.put(sn.path(), sn);
                    log.accept("sync snapshot " + sn.path() + (into.isEmpty() ? "" : " into namespace '" + into + "'"));
                    copied++;
                }
            }
            if (removeVanished) {
                removed += removeVanished(log, here, groups, filters);
            }
        }
        if (removeVanished) {
            removed += removeVanishedNamespaces(log, local, ns, sourceNamespaces);
        }
        target.version++;
        return new PbsBackends.Synced(copied, removed, failed);
    }

    /** Whether {@code key} of {@code job} is set: true, or 1 as a form sends it. */
    static boolean flag(Map<String, Object> job, String key) {
        return Boolean.TRUE.equals(job.get(key)) || "1".equals(String.valueOf(job.get(key)));
    }

    private static int removeVanished(Consumer<String> log, TreeMap<String, PbsState.Snap> here, Map<String, List<PbsBackends.Source>> groups,
            List<Filter> filters) {
        Map<String, Set<Long>> kept = new HashMap<>();
        groups.forEach((g, list) -> list.forEach(s -> kept.computeIfAbsent(g, k -> new HashSet<>()).add(s.time())));
        int removed = 0;
        for (PbsState.Snap sn : List.copyOf(here.values())) {
            if (!passes(filters, sn.group()) || kept.getOrDefault(sn.group(), Set.of()).contains(sn.time)) {
                continue;
            }
            if (sn.isProtected) {
                log.accept("skipping protected snapshot " + sn.path() + ", which vanished on the source");
                continue;
            }
            here.remove(sn.path());
            log.accept("delete vanished snapshot " + sn.path());
            removed++;
        }
        return removed;
    }

    private static int removeVanishedNamespaces(Consumer<String> log, PbsState.Store local, String ns, Set<String> kept) {
        int removed = 0;
        List<String> below = local.namespaces.stream().filter(n -> !n.equals(ns) && relative(ns, n) != null)
                .sorted(Comparator.comparingInt(PbsSync::depth).reversed()).toList();
        for (String n : below) {
            boolean empty = local.snapshots.getOrDefault(n, new TreeMap<>()).isEmpty()
                    && local.namespaces.stream().noneMatch(c -> c.startsWith(n + "/"));
            if (!kept.contains(n) && empty) {
                local.namespaces.remove(n);
                local.snapshots.remove(n);
                log.accept("delete vanished namespace '" + n + "'");
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
