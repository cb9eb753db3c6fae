package dev.ops.srv.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.error.StalePlanException;
import dev.ops.core.error.ValidationException;
import dev.ops.srv.discovery.internal.InstanceRecord;
import dev.ops.srv.health.HealthEvent;
import dev.ops.srv.health.HealthStatus;
import dev.ops.srv.health.ProbeResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registry in the state store: registration as changes, health from checks by compare-and-set, watches. */
@Timeout(30)
class ServiceRegistryTest {
    private final Ops ops = Ops.inMemory();
    private final ServiceRegistry registry = ServiceRegistry.on(ops);

    private static HealthEvent event(String check, HealthStatus from, HealthStatus to) {
        return new HealthEvent(check, from, to, new ProbeResult(to == HealthStatus.HEALTHY, "probe", Duration.ZERO), 1, Instant.EPOCH);
    }

    @Test
    void aRegistrationIsOneStepAndRollbackRemovesIt() {
        Change<Optional<ServiceInstance>> change = registry.register(i -> i.service("api").id("api-1").address("10.0.0.11").port(8080).addTags("v2"));

        Plan plan = change.plan();
        Applied<Optional<ServiceInstance>> done = change.apply(plan);

        assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.toString()).contains("register api/api-1 at 10.0.0.11:8080"));
        assertThat(done.value()).hasValueSatisfying(i -> assertThat(i.health()).isEqualTo(HealthStatus.UNKNOWN));
        assertThat(change.plan().isEmpty()).isTrue();
        done.rollback();
        assertThat(registry.list("api")).isEmpty();
    }

    @Test
    void checksNamedServiceSlashIdWriteTheInstancesHealthAndReRegisteringKeepsIt() {
        registry.register(i -> i.service("api").id("api-1").address("10.0.0.11").port(8080)).apply();

        registry.healthListener().onEvent(event("api/api-1", HealthStatus.UNKNOWN, HealthStatus.HEALTHY));
        registry.healthListener().onEvent(event("api/api-9", HealthStatus.UNKNOWN, HealthStatus.HEALTHY));
        registry.register(i -> i.service("api").id("api-1").address("10.0.0.11").port(8081)).apply();

        assertThat(registry.get("api", "api-1")).hasValueSatisfying(i -> {
            assertThat(i.healthy()).isTrue();
            assertThat(i.port()).isEqualTo(8081);
        });
        assertThat(registry.get("api", "api-9")).isEmpty();
    }

    @Test
    void aRecordWrittenByAnotherControllerSinceThePlanRefusesTheApply() {
        Change<Optional<ServiceInstance>> change = registry.register(i -> i.service("api").id("api-1").address("10.0.0.11").port(8080));
        Plan plan = change.plan();
        ops.store().put(InstanceRecord.key("api", "api-1"), InstanceRecord.write(ServiceInstance.builder().service("api").id("api-1")
                .address("10.0.0.99").port(80).build()));

        assertThatThrownBy(() -> change.apply(plan)).isInstanceOf(StalePlanException.class);
        assertThat(registry.get("api", "api-1").orElseThrow().address()).isEqualTo("10.0.0.99");
    }

    @Test
    void aWatchSeesEveryChangeOfTheRegistry() throws Exception {
        List<List<ServiceInstance>> seen = new CopyOnWriteArrayList<>();
        try (Watch w = registry.watch(Duration.ofMillis(10), seen::add)) {
            await(() -> seen.size() == 1);
            registry.register(i -> i.service("api").id("api-1").address("10.0.0.11").port(8080)).apply();
            await(() -> seen.size() == 2);
            registry.healthListener().onEvent(event("api/api-1", HealthStatus.UNKNOWN, HealthStatus.HEALTHY));
            await(() -> seen.size() == 3);
        }
        assertThat(seen.get(0)).isEmpty();
        assertThat(seen.get(2)).singleElement().satisfies(i -> assertThat(i.healthy()).isTrue());
    }

    @Test
    void badInstancesAreRefusedByField() {
        assertThatThrownBy(() -> ServiceInstance.builder().service("API service").id("a/1").address("10.0.0.1 x").port(0).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactly("service", "id", "address", "port"));
    }

    @Test
    void aStoredRecordReadsBackAsTheSameInstance() {
        ServiceInstance i = ServiceInstance.builder().service("api").id("api-1").address("fd00::1").port(443).addTags("zone=a", "v2")
                .health(HealthStatus.UNHEALTHY).build();

        assertThat(InstanceRecord.read("k", InstanceRecord.write(i))).isEqualTo(i);
        assertThat(new String(InstanceRecord.write(i), StandardCharsets.UTF_8)).contains("tags=v2,zone=a\n");
    }

    private static void await(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
