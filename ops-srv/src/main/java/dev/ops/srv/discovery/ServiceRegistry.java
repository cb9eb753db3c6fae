package dev.ops.srv.discovery;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import dev.ops.srv.discovery.internal.InstanceRecord;
import dev.ops.srv.discovery.internal.RegistryChange;
import dev.ops.srv.discovery.internal.Render;
import dev.ops.srv.discovery.internal.RenderedFileChange;
import dev.ops.srv.haproxy.internal.HaproxyConfigText;
import dev.ops.srv.health.HealthListener;
import dev.ops.srv.health.HealthStatus;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of service instances, kept in the state store of an {@link Ops} (so that every
 * controller sharing the store sees the same), written by compare-and-set.
 *
 * <pre>{@code
 * ServiceRegistry registry = ServiceRegistry.on(ops);
 * registry.register(i -> i.service("api").id("api-3").address("10.0.0.13").port(8080)).apply();
 * HealthMonitor monitor = HealthMonitor.builder().check(apiCheck("api/api-3")).listener(registry.healthListener()).build().start();
 * List<ServiceInstance> healthy = registry.list("api").stream().filter(ServiceInstance::healthy).toList();
 * }</pre>
 */
public final class ServiceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);
    private final Ops ops;

    private ServiceRegistry(Ops ops) {
        this.ops = ops;
    }

    /** The registry in {@code ops}'s state store. */
    public static ServiceRegistry on(Ops ops) {
        return new ServiceRegistry(Objects.requireNonNull(ops, "ops"));
    }

    /**
     * Registers {@code instance} (replacing a record of the same service and id); a record already
     * there keeps its health unless {@code instance} says one. Yields the record as stored.
     */
    public Change<Optional<ServiceInstance>> register(ServiceInstance instance) {
        return RegistryChange.register(ops, instance);
    }

    /** Registers the instance {@code instance} describes. */
    public Change<Optional<ServiceInstance>> register(Consumer<ServiceInstance.Builder> instance) {
        ServiceInstance.Builder b = ServiceInstance.builder();
        instance.accept(b);
        return register(b.build());
    }

    /** Removes {@code id} of {@code service}; yields empty. */
    public Change<Optional<ServiceInstance>> deregister(String service, String id) {
        Violations v = Violations.of("deregister " + service + "/" + id);
        v.check(service.matches("[a-z0-9-]+"), "service", "'" + service + "' is not a service name");
        v.check(id.matches("[a-z0-9-]+"), "id", "'" + id + "' is not an instance id");
        v.throwIfAny();
        return RegistryChange.deregister(ops, service, id);
    }

    /** One instance. */
    public Optional<ServiceInstance> get(String service, String id) {
        String key = InstanceRecord.key(service, id);
        return ops.store().get(key).map(v -> InstanceRecord.read(key, v.value()));
    }

    /** Every instance of {@code service}, by id. */
    public List<ServiceInstance> list(String service) {
        return read(InstanceRecord.PREFIX + service + "/");
    }

    /** Every instance of every service, by service and id. */
    public List<ServiceInstance> list() {
        return read(InstanceRecord.PREFIX);
    }

    private List<ServiceInstance> read(String prefix) {
        return ops.store().list(prefix).stream().map(e -> InstanceRecord.read(e.key(), e.value().value()))
                .sorted(Comparator.comparing(ServiceInstance::service).thenComparing(ServiceInstance::id)).toList();
    }

    /**
     * A listener that writes each status change of a check named {@code <service>/<id>} into that
     * instance's record (by compare-and-set; checks of other names and of unregistered instances are
     * ignored). A monitor calls it on its thread: the write is one small store update.
     */
    public HealthListener healthListener() {
        return event -> {
            int slash = event.check().indexOf('/');
            if (!event.changed() || slash < 0 || event.status() == HealthStatus.UNKNOWN) {
                return;
            }
            setHealth(event.check().substring(0, slash), event.check().substring(slash + 1), event.status());
        };
    }

    private void setHealth(String service, String id, HealthStatus health) {
        String key = InstanceRecord.key(service, id);
        StateStore store = ops.store();
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<Versioned> now = store.get(key);
            if (now.isEmpty()) {
                LOG.debug("health of {} is {}, but it is not registered", key, health);
                return;
            }
            ServiceInstance was = InstanceRecord.read(key, now.get().value());
            if (was.health() == health
                    || store.compareAndSet(key, now.get().version(), InstanceRecord.write(was.toBuilder().health(health).build()))) {
                return;
            }
        }
        LOG.warn("health of {} could not be written: the record kept changing", key);
    }

    /**
     * Calls {@code onChange} with every instance of every service now, and again whenever a record is
     * added, changed or removed (the store is polled every {@code interval}: the SPI has no watch), on
     * a thread of its own, until the watch is closed.
     */
    public Watch watch(Duration interval, Consumer<List<ServiceInstance>> onChange) {
        Violations.of("registry watch").check(interval.toMillis() >= 1, "interval", "must be at least 1 ms").throwIfAny();
        Objects.requireNonNull(onChange, "onChange");
        Thread t = Thread.ofVirtual().name("ops-registry-watch").start(() -> {
            Map<String, Long> seen = null;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Map<String, Long> now = ops.store().list(InstanceRecord.PREFIX).stream()
                            .collect(Collectors.toMap(StateStore.Entry::key, e -> e.value().version()));
                    if (!now.equals(seen)) {
                        seen = now;
                        onChange.accept(list());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("registry watch: {}", e.toString());
                }
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return () -> {
            t.interrupt();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** dnsmasq's hosts file on {@code host}, rendered from the registry when planned; see {@link HostsFile}. */
    public Change<String> hostsFile(Host host, HostsFile file) {
        return new RenderedFileChange(host, ops, "hosts of the service registry", file.path(), file.asRoot(),
                old -> Render.hosts(list(), file.domain()), false, file.reload().orElse(null));
    }

    /** {@link #hostsFile(Host, HostsFile)} described by {@code file}. */
    public Change<String> hostsFile(Host host, Consumer<HostsFile.Builder> file) {
        HostsFile.Builder b = HostsFile.builder();
        file.accept(b);
        return hostsFile(host, b.build());
    }

    /** The servers of an HAProxy backend on {@code host}, rendered from the registry when planned; see {@link HaproxyBackend}. */
    public Change<String> haproxyBackend(Host host, HaproxyBackend backend) {
        return new RenderedFileChange(host, ops, "servers of backend " + backend.backend() + " from service " + backend.service(),
                backend.path(), backend.asRoot(), old -> HaproxyConfigText.replaceServers(old, backend.backend(),
                        Render.servers(list(backend.service()), backend.service(), backend.serverOptions())), true,
                backend.reload().orElse(null));
    }

    /** {@link #haproxyBackend(Host, HaproxyBackend)} described by {@code backend}. */
    public Change<String> haproxyBackend(Host host, Consumer<HaproxyBackend.Builder> backend) {
        HaproxyBackend.Builder b = HaproxyBackend.builder();
        backend.accept(b);
        return haproxyBackend(host, b.build());
    }

    /** An nginx upstream file on {@code host}, rendered from the registry when planned; see {@link NginxUpstream}. */
    public Change<String> nginxUpstream(Host host, NginxUpstream upstream) {
        return new RenderedFileChange(host, ops, "upstream " + upstream.upstream() + " from service " + upstream.service(), upstream.path(),
                upstream.asRoot(), old -> Render.nginxUpstream(list(upstream.service()), upstream.service(), upstream.upstream(),
                        upstream.serverOptions()), false, upstream.reload().orElse(null));
    }

    /** {@link #nginxUpstream(Host, NginxUpstream)} described by {@code upstream}. */
    public Change<String> nginxUpstream(Host host, Consumer<NginxUpstream.Builder> upstream) {
        NginxUpstream.Builder b = NginxUpstream.builder();
        upstream.accept(b);
        return nginxUpstream(host, b.build());
    }

    @Override
    public String toString() {
        return "ServiceRegistry[" + InstanceRecord.PREFIX + "]";
    }
}
