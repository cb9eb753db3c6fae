package dev.ops.testkit.pbs.internal;

import dev.ops.testkit.pve.internal.ApiError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PBS fake's configuration sections and jobs: prune, verify and sync jobs, remotes and
 * traffic-control rules ({@code /config/...}: list, create, read, update with {@code delete}, delete),
 * and running a job now ({@code POST /admin/{kind}/{id}/run}), which answers a UPID although the
 * schema says null, as PBS does; a sync job's run pulls snapshots ({@link PbsSync}). A remote's
 * password is kept but never listed; a remote that a sync job uses cannot be deleted. Called under
 * the fake's lock.
 */
final class PbsConfigHandlers {
    private static final Pattern CONFIG = Pattern.compile("/config/(prune|verify|sync|remote|traffic-control)(/\\{(id|name)})?");
    private static final Pattern RUN = Pattern.compile("/admin/(prune|verify|sync)/\\{id}/run");
    /** The sections whose entries are jobs with a schedule. */
    private static final List<String> JOBS = List.of("prune", "verify", "sync");
    private static final java.util.Set<String> NEVER_SHOWN = java.util.Set.of("password");
    /** The array-typed settings, answered as arrays. */
    private static final java.util.Set<String> ARRAYS = java.util.Set.of("network", "timeframe", "users", "group-filter",
            "associated-key");
    private final PbsState state;
    private final PbsDispatcher dispatcher;

    PbsConfigHandlers(PbsState state, PbsDispatcher dispatcher) {
        this.state = state;
        this.dispatcher = dispatcher;
    }

    Object handle(String method, String template, Map<String, String> p) {
        Matcher run = RUN.matcher(template);
        if ("POST".equals(method) && run.matches()) {
            return run(run.group(1), p.get("id"));
        }
        Matcher m = CONFIG.matcher(template);
        if (!m.matches()) {
            throw new ApiError(501, "'" + method + " " + template + "' is valid but not implemented in the PBS fake");
        }
        String section = m.group(1);
        String key = section.equals("remote") || section.equals("traffic-control") ? "name" : "id";
        Map<String, Map<String, Object>> entries = state.section(section);
        if (m.group(2) == null) {
            return switch (method) {
                case "GET" -> entries.values().stream().filter(e -> !section.equals("sync") || listed(e, p.get("sync-direction")))
                        .map(this::shown).toList();
                case "POST" -> {
                    String id = p.get(key);
                    if (entries.containsKey(id)) {
                        throw new ApiError(400, section + " '" + id + "' already exists.");
                    }
                    Map<String, Object> e = new LinkedHashMap<>();
                    p.forEach((k, v) -> e.put(k, value(k, v)));
                    entries.put(id, e);
                    if (JOBS.contains(section)) {
                        state.scheduledSince.put(section + "/" + id, Instant.now());
                    }
                    yield null;
                }
                default -> throw new ApiError(501, method + " " + template + " not implemented");
            };
        }
        String id = p.get(key);
        Map<String, Object> e = entries.get(id);
        if (e == null) {
            throw new ApiError(404, section + " '" + id + "' does not exist.");
        }
        return switch (method) {
            case "GET" -> shown(e);
            case "PUT" -> {
                String delete = p.get("delete");
                if (delete != null) {
                    for (String d : delete.split("[,;\\s]+")) {
                        if (d.equals("password")) {
                            throw new ApiError(400, "parameter verification failed", Map.of("delete", "cannot delete the password"));
                        }
                        e.remove(d);
                    }
                }
                p.forEach((k, v) -> {
                    if (!k.equals("delete") && !k.equals("digest")) {
                        e.put(k, value(k, v));
                    }
                });
                yield null;
            }
            case "DELETE" -> {
                state.scheduledSince.remove(section + "/" + id);
                if (section.equals("remote")) {
                    for (Map<String, Object> job : state.section("sync").values()) {
                        if (id.equals(job.get("remote"))) {
                            throw new ApiError(400, "remote '" + id + "' is used by sync job '" + job.get("id") + "' (datastore '"
                                    + job.get("store") + "')");
                        }
                    }
                }
                entries.remove(id);
                yield null;
            }
            default -> throw new ApiError(501, method + " " + template + " not implemented");
        };
    }

    /** Whether a sync job is listed when asked for {@code direction} (pull, push or all; pull when not asked, as PBS lists). */
    private static boolean listed(Map<String, Object> job, String direction) {
        String wanted = direction == null ? "pull" : direction;
        return wanted.equals("all") || wanted.equals(String.valueOf(job.getOrDefault("sync-direction", "pull")));
    }

    /** Numbers and booleans as PBS answers them (JSON types), everything else as text. */
    private static Object value(String k, String v) {
        if (ARRAYS.contains(k)) {
            return List.of(v.split("\n"));
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        if (!v.isEmpty() && v.length() < 18 && v.chars().allMatch(Character::isDigit)) {
            return dev.ops.core.text.AsciiNumbers.parseLong(v);
        }
        return v;
    }

    private Map<String, Object> shown(Map<String, Object> e) {
        Map<String, Object> out = new LinkedHashMap<>(e);
        out.keySet().removeAll(NEVER_SHOWN);
        return out;
    }

    /**
     * What PBS's scheduler starts at {@code now}: every prune, verify and sync job (not disabled)
     * whose schedule, in the host's time zone, came due after its creation or its last scheduled
     * start; each counts from {@code now} afterwards (runs missed meanwhile start once, as in PBS).
     */
    List<String> runDue(Instant now) {
        java.time.ZoneId zone = java.time.ZoneId.of(state.timeZone);
        List<String> started = new ArrayList<>();
        for (String kind : JOBS) {
            for (Map<String, Object> job : List.copyOf(state.section(kind).values())) {
                String id = String.valueOf(job.get("id"));
                Object schedule = job.get("schedule");
                if (schedule == null || PbsSync.flag(job, "disable")) {
                    continue;
                }
                Instant since = state.scheduledSince.getOrDefault(kind + "/" + id, Instant.EPOCH);
                boolean due = dev.ops.testkit.pve.internal.CalendarSchedule.parse(String.valueOf(schedule)).next(since.atZone(zone))
                        .filter(at -> !at.toInstant().isAfter(now)).isPresent();
                if (due) {
                    state.scheduledSince.put(kind + "/" + id, now);
                    started.add(run(kind, id));
                }
            }
        }
        return started;
    }

    /** Runs a job now, as a task, as {@code POST /admin/{kind}/{id}/run} and PBS's scheduler start it; the answer is its UPID. */
    String run(String kind, String id) {
        Map<String, Object> job = state.section(kind).get(id);
        if (job == null) {
            throw new ApiError(404, "job '" + id + "' does not exist.");
        }
        String storeName = String.valueOf(job.get("store"));
        PbsState.Store store = state.stores.get(storeName);
        String ns = job.containsKey("ns") ? String.valueOf(job.get("ns")) : "";
        String type = switch (kind) {
            case "prune" -> "prunejob";
            case "verify" -> "verificationjob";
            default -> "syncjob";
        };
        List<PbsState.Snap> toVerify = new ArrayList<>();
        if (store != null && kind.equals("verify")) {
            store.snapshots.forEach((n, snaps) -> {
                if (n.equals(ns) || ns.isEmpty() || n.startsWith(ns + "/")) {
                    snaps.values().stream().filter(sn -> sn.finished).forEach(toVerify::add);
                }
            });
            if (toVerify.stream().anyMatch(sn -> sn.corrupt)) {
                state.tasks.engine().failNextTask("verification failed - please check the log for details");
            }
        }
        PbsSync sync = null;
        if (store == null) {
            state.tasks.engine().failNextTask("datastore '" + storeName + "' does not exist");
        } else if (kind.equals("sync")) {
            try {
                sync = PbsSync.prepare(state, job);
            } catch (java.util.NoSuchElementException e) {
                state.tasks.engine().failNextTask(e.getMessage());
            }
        }
        PbsSync pull = sync;
        String upid = state.tasks.start(type, storeName + ":" + id, "root@pam", t -> {
            t.log("starting " + type + " '" + id + "' on datastore " + storeName);
            t.onSuccess(() -> {
                if (kind.equals("prune")) {
                    pruneAll(store, ns, job);
                } else if (kind.equals("verify")) {
                    toVerify.forEach(sn -> sn.verification = "ok");
                } else {
                    if ("push".equals(job.get("sync-direction"))) {
                        t.log("push datastore '" + storeName + "' to remote '" + job.get("remote") + "' datastore '" + job.get("remote-store") + "'");
                    } else {
                        t.log("sync datastore '" + storeName + "' from " + (job.containsKey("remote") ? "remote '" + job.get("remote") + "' " : "")
                                + "datastore '" + job.get("remote-store") + "'");
                    }
                    if (pull != null) {
                        pull.apply(t);
                    }
                    if (t.endsWithError()) {
                        ran(kind, id, "error");
                        return;
                    }
                }
                ran(kind, id, "OK");
            });
            t.onFailure(() -> {
                toVerify.forEach(sn -> sn.verification = sn.corrupt ? "failed" : "ok");
                ran(kind, id, "error");
            });
        });
        state.jobRuns.computeIfAbsent(kind + "/" + id, k -> new LinkedHashMap<>()).put("last-run-upid", upid);
        return upid;
    }

    private void ran(String kind, String id, String outcome) {
        Map<String, Object> r = state.jobRuns.computeIfAbsent(kind + "/" + id, k -> new LinkedHashMap<>());
        r.put("last-run-state", outcome);
        r.put("last-run-endtime", Instant.now().getEpochSecond());
    }

    /** A prune job's run: every group of the namespace by the job's keep options. */
    private void pruneAll(PbsState.Store store, String ns, Map<String, Object> job) {
        List<String[]> groups = store.in(ns).values().stream().map(sn -> new String[] {sn.type, sn.id}).distinct().toList();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String[] g : groups) {
            if (seen.add(g[0] + "/" + g[1])) {
                dispatcher.pruneGroup(store, ns, g[0], g[1], job, false);
            }
        }
    }
}
