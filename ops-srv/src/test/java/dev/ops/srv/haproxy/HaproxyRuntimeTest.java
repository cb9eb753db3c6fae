package dev.ops.srv.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runtime API client, specified against a scripted HAProxy socket that keeps server state and records commands. */
@Timeout(30)
class HaproxyRuntimeTest {
    private final Ops ops = Ops.inMemory();
    @TempDir
    Path dir;
    private FakeHaproxySocket haproxy;
    private HaproxyRuntime runtime;

    @BeforeEach
    void start() throws IOException {
        haproxy = new FakeHaproxySocket(dir).server("web", "web-1", "UP", 100).server("web", "web-2", "UP", 100)
                .server("api", "api-1", "UP", 10).server("api", "api-2", "DOWN", 10);
        runtime = HaproxyRuntime.connect(haproxy.path).withTimeout(Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws IOException {
        haproxy.close();
    }

    @Test
    void statsListServersWithoutFrontendAndBackendRows() {
        assertThat(runtime.stats()).extracting(s -> s.backend() + "/" + s.server())
                .containsExactly("web/web-1", "web/web-2", "api/api-1", "api/api-2");
        assertThat(runtime.server("web", "web-1").orElseThrow())
                .isEqualTo(new ServerStat("web", "web-1", "UP", 100, 2, 40, 40, 2, "L7OK"));
    }

    @Test
    void drainSendsSetServerStateAndRollbackMakesItReadyAgain() {
        Applied<ServerStat> drained = runtime.servers(ops).server("web", "web-2").drain().apply();

        assertThat(drained.value().status()).isEqualTo("DRAIN");
        assertThat(haproxy.received).contains("set server web/web-2 state drain");
        drained.rollback();
        assertThat(haproxy.status("web", "web-2")).isEqualTo("UP");
        assertThat(haproxy.received).contains("set server web/web-2 state ready");
    }

    @Test
    void drainingTheLastServerThatTakesTrafficIsRefusedAndNothingIsSent() {
        assertThatThrownBy(() -> runtime.servers(ops).server("api", "api-1").drain().apply())
                .isInstanceOf(LastHealthyServerException.class).hasMessageContaining("api/api-1").hasMessageContaining("503");
        assertThat(haproxy.received).noneMatch(c -> c.startsWith("set"));
        assertThat(haproxy.status("api", "api-1")).isEqualTo("UP");
    }

    @Test
    void maintOfTheOtherServerOnceOneIsDrainedIsRefused() {
        runtime.servers(ops).server("web", "web-1").drain().apply();

        assertThatThrownBy(() -> runtime.servers(ops).server("web", "web-2").maint().apply()).isInstanceOf(LastHealthyServerException.class);
    }

    @Test
    void drainingADrainedServerPlansNothing() {
        haproxy.server("web", "web-2", "DRAIN", 100);

        assertThat(runtime.servers(ops).server("web", "web-2").drain().plan().isEmpty()).isTrue();
    }

    @Test
    void weightIsSetAndRolledBackToTheEarlierWeight() {
        Applied<ServerStat> w = runtime.servers(ops).server("web", "web-1").weight(25).apply();

        assertThat(w.value().weight()).isEqualTo(25);
        w.rollback();
        assertThat(haproxy.weight("web", "web-1")).isEqualTo(100);
        assertThat(haproxy.received).contains("set weight web/web-1 25", "set weight web/web-1 100");
    }

    @Test
    void aWeightOutside0To256IsRefusedNamingTheField() {
        assertThatThrownBy(() -> runtime.servers(ops).server("web", "web-1").weight(257).plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("weight")).isNotEmpty());
    }

    @Test
    void anUnknownServerIsNotFound() {
        assertThatThrownBy(() -> runtime.servers(ops).server("web", "web-9").drain().plan()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anErrorTextIsAHaproxyCommandException() {
        assertThatThrownBy(() -> runtime.command("set server web/web-9 state drain"))
                .isInstanceOfSatisfying(HaproxyCommandException.class, e -> assertThat(e.answer()).contains("No such server"));
    }

    @Test
    void aSocketThatDoesNotAnswerTimesOut() {
        haproxy.silent = true;

        assertThatThrownBy(() -> runtime.withTimeout(Duration.ofMillis(300)).stats()).isInstanceOf(OpsTimeoutException.class)
                .hasMessageContaining("show stat");
    }

    @Test
    void aSocketNobodyListensOnIsAConnectionError() {
        assertThatThrownBy(() -> HaproxyRuntime.connect(dir.resolve("missing.sock")).stats()).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("missing.sock");
    }

    @Test
    void namesThatCouldInjectCommandsAreRefused() {
        assertThatThrownBy(() -> runtime.servers(ops).server("web;shutdown", "web-1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("backend")).isNotEmpty());
    }

    @Test
    void weightZeroOnTheLastServerThatTakesTrafficIsRefusedLikeADrain() {
        assertThatThrownBy(() -> runtime.servers(ops).server("api", "api-1").weight(0).apply()).isInstanceOf(LastHealthyServerException.class);
        assertThat(haproxy.weight("api", "api-1")).isEqualTo(10);
    }

    @Test
    void aServerWithWeightZeroDoesNotCountAsTakingTraffic() {
        haproxy.server("web", "web-1", "UP", 0);

        assertThatThrownBy(() -> runtime.servers(ops).server("web", "web-2").drain().apply()).isInstanceOf(LastHealthyServerException.class);
    }
}
