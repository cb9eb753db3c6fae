package dev.ops.srv.discovery.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.change.internal.StoreChange;
import dev.ops.core.store.Versioned;
import dev.ops.srv.discovery.ServiceInstance;
import dev.ops.srv.health.HealthStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Registers an instance in the registry (or removes it, when {@code instance} is absent); undone by putting back the record there was. */
public final class RegistryChange extends StoreChange<Optional<ServiceInstance>, Void> {
    private final String service;
    private final String id;
    /** The instance to register, or null to deregister. */
    private final ServiceInstance instance;

    private RegistryChange(Ops ops, String service, String id, ServiceInstance instance) {
        super(ops);
        this.service = service;
        this.id = id;
        this.instance = instance;
    }

    /** Registers {@code instance}; a record already there keeps its health unless {@code instance} says one. */
    public static RegistryChange register(Ops ops, ServiceInstance instance) {
        return new RegistryChange(ops, instance.service(), instance.id(), instance);
    }

    /** Removes {@code id} of {@code service}. */
    public static RegistryChange deregister(Ops ops, String service, String id) {
        return new RegistryChange(ops, service, id, null);
    }

    @Override
    public String description() {
        return instance == null ? "deregister " + service + "/" + id
                : "register " + service + "/" + id + " at " + instance.address() + ":" + instance.port();
    }

    @Override
    protected Planned<Void> planSteps() {
        String key = InstanceRecord.key(service, id);
        Optional<Versioned> now = ops.store().get(key);
        String was = now.map(Versioned::text).orElse(null);
        String want = null;
        if (instance != null) {
            ServiceInstance desired = instance;
            if (desired.health() == HealthStatus.UNKNOWN && now.isPresent()) {
                desired = desired.toBuilder().health(InstanceRecord.read(key, now.get().value()).health()).build();
            }
            want = new String(InstanceRecord.write(desired), StandardCharsets.UTF_8);
        }
        if (Objects.equals(was, want)) {
            return Planned.none(null);
        }
        return Planned.of(List.of(Step.of(description(), new RegistryPutAction(Targets.STATE_STORE, key, was, want),
                new RegistryPutAction(Targets.STATE_STORE, key, want, was))));
    }

    @Override
    protected Optional<ServiceInstance> result(Void context) {
        String key = InstanceRecord.key(service, id);
        return ops.store().get(key).map(v -> InstanceRecord.read(key, v.value()));
    }
}
