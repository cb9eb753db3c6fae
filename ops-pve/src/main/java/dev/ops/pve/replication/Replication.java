package dev.ops.pve.replication;

import dev.ops.proxmox.JsonValue;
import dev.ops.pve.PveClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster's storage replication, read only: the jobs ({@code /cluster/replication}) and what
 * each node reports of the jobs it runs. Jobs are made and removed through
 * {@code client.changes(ops).replicationJob(...)}.
 */
public final class Replication {
    private final PveClient client;

    private Replication(PveClient client) {
        this.client = client;
    }

    /** The replication of {@code client}'s cluster. */
    public static Replication of(PveClient client) {
        return new Replication(client);
    }

    /** Every job. */
    public List<ReplicationJob> list() {
        List<ReplicationJob> out = new ArrayList<>();
        for (JsonValue j : client.api().get("/cluster/replication", Map.of()).elements()) {
            out.add(job(j));
        }
        return out;
    }

    /** The job of that id, if any. */
    public Optional<ReplicationJob> get(String id) {
        return list().stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /** What {@code node} reports of the jobs of its guests. */
    public List<ReplicationState> states(String node) {
        List<ReplicationState> out = new ArrayList<>();
        for (JsonValue s : client.api().get("/nodes/{node}/replication", Map.of("node", node)).elements()) {
            out.add(new ReplicationState(s.path("id").asText(), s.path("guest").asInt(), s.path("source").asText(""),
                    s.path("target").asText(""), Instant.ofEpochSecond(s.path("last_sync").asLong()),
                    Instant.ofEpochSecond(s.path("next_sync").asLong()), s.path("fail_count").asInt(), s.path("error").asText("")));
        }
        return out;
    }

    private static ReplicationJob job(JsonValue j) {
        String id = j.path("id").asText();
        int guest = j.has("guest") ? j.path("guest").asInt() : dev.ops.core.text.AsciiNumbers.parseInt(id.substring(0, id.indexOf('-')));
        return new ReplicationJob(id, guest, j.path("target").asText(""), j.path("schedule").asText("*/15"),
                j.path("rate").isMissing() ? 0 : j.path("rate").asDouble(), j.path("comment").asText(""),
                flag(j.path("disable")));
    }

    private static boolean flag(JsonValue v) {
        return v.isNumber() ? v.asInt() != 0 : Set.of("1", "true").contains(v.asText(""));
    }
}
