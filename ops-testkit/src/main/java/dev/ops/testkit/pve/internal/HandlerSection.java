package dev.ops.testkit.pve.internal;

import java.util.Map;

/**
 * One section of the fake's endpoints (cluster, nodes, storage, tasks, guests, snapshots): the
 * cluster and the shared renderings it answers from, and the registry its routes go into. Every
 * handler runs while holding the cluster monitor.
 */
abstract class HandlerSection {
    protected final Cluster cluster;
    protected final Views views;
    private Handlers.Registry registry;

    HandlerSection(Cluster cluster, Views views) {
        this.cluster = cluster;
        this.views = views;
    }

    /** Puts this section's routes into {@code r}. */
    final void register(Handlers.Registry r) {
        this.registry = r;
        routes();
    }

    /** Declares the routes with {@link #on} and {@link #onCacheable}. */
    abstract void routes();

    /** The registry the routes go into, for a section that hands it on. */
    final Handlers.Registry registry() {
        return registry;
    }

    final void on(String method, String template, Handlers.Handler h) {
        registry.on(method, template, h);
    }

    final void onCacheable(String template, Handlers.Handler h) {
        registry.onCacheable(template, h);
    }

    static Map<String, Object> map(Object... kv) {
        return Handlers.map(kv);
    }
}
