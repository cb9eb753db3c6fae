package dev.ops.srv.rollout.internal;

import dev.ops.core.error.Violations;
import dev.ops.srv.haproxy.ServerStat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A backend's servers as one {@code show stat} reported them, by name, in HAProxy's order. */
final class Snapshot {
    private final String backend;
    private final Map<String, ServerStat> servers = new LinkedHashMap<>();

    Snapshot(String backend, List<ServerStat> now) {
        this.backend = backend;
        now.forEach(s -> servers.put(s.server(), s));
    }

    List<String> names() {
        return List.copyOf(servers.keySet());
    }

    ServerStat get(String server) {
        return servers.get(server);
    }

    /** Adds a violation under {@code field} for each name the backend lacks, and one when there are none at all. */
    void checkKnown(Violations v, String field, List<String> names) {
        v.check(!names.isEmpty(), field, "a rollout of zero instances: backend " + backend
                + (servers.isEmpty() ? " has no servers" : " and no server named"));
        names.stream().filter(n -> !servers.containsKey(n)).forEach(n -> v.add(field, "backend " + backend + " has no server " + n));
    }

    /** How many servers of the backend take traffic. */
    long takingTraffic() {
        return servers.values().stream().filter(ServerStat::takesTraffic).count();
    }

    /** How many of {@code names} take traffic. */
    long takingTraffic(List<String> names) {
        return names.stream().filter(n -> servers.get(n).takesTraffic()).count();
    }

    /** Each of {@code names} with its administrative state, where it is {@code state}. */
    Map<String, String> inState(List<String> names, String state) {
        Map<String, String> m = new LinkedHashMap<>();
        names.stream().filter(n -> servers.get(n).adminState().equals(state)).forEach(n -> m.put(n, state));
        return m;
    }
}
