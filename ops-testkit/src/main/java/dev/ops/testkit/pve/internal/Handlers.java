package dev.ops.testkit.pve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.pve.internal.Cluster.Snapshot;
import dev.ops.testkit.pve.internal.Cluster.Storage;
import dev.ops.testkit.pve.internal.Cluster.Volume;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The table of implemented path+method pairs, filled by one class per group of endpoints ({@link ClusterHandlers},
 * {@link NodeHandlers}, {@link StorageHandlers}, {@link TaskHandlers}, {@link AccessHandlers}, {@link PoolHandlers},
 * {@link GuestHandlers} with {@link SnapshotHandlers}, {@link FirewallRules}, {@link ConfigCollections}): the behaviour behind each implemented path+method. Every handler runs while holding the cluster
 * monitor, returns the {@code data} value, and throws {@link ApiError} for PVE's error answers.
 */
public final class Handlers {

    /** One implemented endpoint. */
    @FunctionalInterface
    public interface Handler {
        /** Answers a call with the {@code data} value. */
        Object handle(Call c);
    }

    /** Where the handlers of a group of endpoints are registered. */
    @FunctionalInterface
    interface Registry {
        /** Registers {@code h} for {@code method} on the path {@code template}. */
        void on(String method, String template, Handler h);

        /** Registers a read whose answer may be cached (see {@link Handlers#cacheable}); plainly registered by default. */
        default void onCacheable(String template, Handler h) {
            on("GET", template, h);
        }
    }

    /** A list answer that also carries {@code total}. */
    public record Listing(List<?> data, int total) {}

    /** An answer with members beside {@code data} (the node network's pending {@code changes}). */
    public record Enveloped(Object data, Map<String, Object> extra) {}

    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss").withZone(ZoneOffset.UTC);
    private static final Set<String> GUEST_META = Set.of("node", "vmid", "digest", "delete", "revert", "skiplock",
            "background_delay", "force", "start", "archive", "storage", "pool", "unique", "bwlimit", "live-restore",
            "ostemplate", "restore", "password", "ssh-public-keys", "ignore-unpack-errors", "ha-managed",
            "import-working-storage");
    private static final Pattern LIST_SPLIT = Pattern.compile("[,;\\s]+");

    private final Cluster cluster;
    private final Auth auth;
    private final ApiSchema schema;
    private final String fingerprint;
    private final Map<String, Handler> routes = new HashMap<>();
    private final Set<String> cacheable = new java.util.HashSet<>();

    /** Registers every implemented endpoint. */
    public Handlers(Cluster cluster, Auth auth, ApiSchema schema, String fingerprint) {
        this.cluster = cluster;
        this.auth = auth;
        this.schema = schema;
        this.fingerprint = fingerprint;
        Registry registry = new Registry() {
            @Override
            public void on(String method, String template, Handler h) {
                Handlers.this.on(method, template, h);
            }

            @Override
            public void onCacheable(String template, Handler h) {
                Handlers.this.onCacheable(template, h);
            }
        };
        Views views = new Views(cluster, auth, schema, fingerprint);
        new ClusterHandlers(cluster, views).register(registry);
        new NodeHandlers(cluster, views).register(registry);
        new StorageHandlers(cluster, views).register(registry);
        new TaskHandlers(cluster, views).register(registry);
        new AccessHandlers(cluster, auth).register(registry);
        new PoolHandlers(cluster, auth).register(registry);
        new GuestHandlers(cluster, views, schema).register(registry);
        new OperatorHandlers(cluster, views).register(registry);
        new ReplicationHandlers(cluster, views).register(registry);
        new JoinHandlers(cluster, views).register(registry);
        new PbsStorageHandlers(cluster, views, this::handler).register(registry);
        new FirewallRules(cluster).register(schema, this::on);
        new ConfigCollections(cluster).register(schema, (m, t) -> routes.containsKey(m + " " + t), this::on);
        new SdnHandlers(cluster, views).register(registry); // after the generic collections: it answers their lists with pending and running
    }

    /** The handler for a method and template, or null when the fake does not implement it. */
    public Handler handler(String method, String template) {
        return routes.get(method + " " + template);
    }

    /**
     * Whether the answer of this read depends only on the cluster state, the clock's second, the
     * parameters and the caller, so that it may be served from {@link ResponseCache}.
     */
    public boolean cacheable(String method, String template) {
        return cacheable.contains(method + " " + template);
    }

    /** Number of implemented path+method pairs. */
    public int size() {
        return routes.size();
    }

    private void on(String method, String template, Handler h) {
        if (schema.endpoint(method, template).isEmpty()) {
            throw new IllegalStateException("fake implements a path the schema lacks: " + method + " " + template);
        }
        routes.put(method + " " + template, h);
    }

    private void onCacheable(String template, Handler h) {
        on("GET", template, h);
        cacheable.add("GET " + template);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
