package dev.ops.srv.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.LocalHost;
import dev.ops.srv.haproxy.HaproxyConfig;
import dev.ops.srv.haproxy.HaproxyLab;
import dev.ops.srv.haproxy.ServerStat;
import dev.ops.srv.health.HealthCheck;
import dev.ops.srv.health.Probe;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rollouts against a real HAProxy on loopback in front of JDK HttpServer backends, with a load loop running through it. */
@Timeout(90)
class RolloutRealTest {
    private final Ops ops = Ops.inMemory();
    private final LocalHost local = LocalHost.create();
    @TempDir
    Path dir;
    private HaproxyLab lab;

    @AfterEach
    void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    private Function<String, Change<?>> deploy(String version) {
        return server -> ManagedFile.on(local, ops).path(lab.versionFile(server).toString()).content(version + "\n").present();
    }

    private Function<String, List<HealthCheck>> checks() {
        return server -> List.of(HealthCheck.builder().name(server).probe(Probe.http(URI.create("http://127.0.0.1:" + lab.port(server) + "/health")))
                .period(Duration.ofMillis(50)).timeout(Duration.ofMillis(50)).successThreshold(2).failureThreshold(3).build());
    }

    @Test
    void aRollingUpdateMovesEveryServerToTheNewVersionWithoutAFailedRequest() throws Exception {
        lab = new HaproxyLab(dir, List.of("web-1", "web-2", "web-3", "web-4"), Map.of());
        Change<List<ServerStat>> rolling = Rollouts.on(lab.runtime, ops)
                .rolling(r -> r.backend("web").batchSize(2).maxUnavailable(2).update(deploy("v2")).checks(checks()));

        Plan plan = rolling.plan();
        assertThat(plan.steps()).extracting(Step::description).filteredOn(d -> d.startsWith("batch 1/2")).containsExactly(
                "batch 1/2 (web-1, web-2): drain web/web-1 (was ready)", "batch 1/2 (web-1, web-2): drain web/web-2 (was ready)",
                "batch 1/2 (web-1, web-2): ready web/web-1 (was drain)", "batch 1/2 (web-1, web-2): ready web/web-2 (was drain)");
        assertThat(plan.steps()).extracting(Step::description).filteredOn(d -> d.startsWith("gate")).hasSize(4);
        lab.startLoad(200);
        Applied<List<ServerStat>> done = rolling.apply(plan);
        lab.stopLoad();

        assertThat(lab.served(8)).containsOnly("web-1 v2", "web-2 v2", "web-3 v2", "web-4 v2");
        assertThat(done.value()).allMatch(s -> s.status().startsWith("UP"));
        assertThat(lab.sent.get()).isGreaterThan(20);
        assertThat(lab.failed.get()).isZero();
    }

    @Test
    void aBlueGreenSwitchMovesTrafficToTheIdleSideAndRollbackSwitchesBack() throws Exception {
        lab = new HaproxyLab(dir, List.of("blue-1", "blue-2", "green-1", "green-2"), Map.of("green-1", "disabled", "green-2", "disabled"));
        lab.startLoad(200);

        Applied<List<ServerStat>> switched = Rollouts.on(lab.runtime, ops).blueGreen(b -> b.backend("web").addBlue("blue-1", "blue-2")
                .addGreen("green-1", "green-2").update(deploy("v2")).checks(checks())).apply();

        assertThat(lab.served(6)).containsOnly("green-1 v2", "green-2 v2");
        assertThat(lab.runtime.server("web", "blue-1").orElseThrow().status()).isEqualTo("DRAIN");
        switched.rollback();
        assertThat(lab.served(6)).containsOnly("blue-1 v1", "blue-2 v1");
        assertThat(lab.runtime.server("web", "green-1").orElseThrow().status()).isEqualTo("MAINT");
        lab.stopLoad();
        assertThat(lab.failed.get()).isZero();
    }

    @Test
    void aBlueGreenSwitchWrittenToTheConfigurationSurvivesARestart() throws Exception {
        lab = new HaproxyLab(dir, List.of("blue-1", "green-1"), Map.of("green-1", "disabled"));
        HaproxyConfig config = HaproxyConfig.on(local, ops).path(lab.config.toString());

        Applied<List<ServerStat>> switched = Rollouts.on(lab.runtime, ops).blueGreen(b -> b.backend("web").addBlue("blue-1")
                .addGreen("green-1").update(deploy("v2")).persistTo(config)).apply();
        lab.restartHaproxy();

        assertThat(lab.served(4)).containsOnly("green-1 v2");
        assertThat(lab.runtime.server("web", "blue-1").orElseThrow().status()).isEqualTo("MAINT");
        assertThat(switched.plan().steps()).last().satisfies(s -> assertThat(s.description())
                .isEqualTo("rewrite " + lab.config + " (enabled green-1, disabled blue-1 of backend web)"));
    }

    @Test
    void aCanaryWhoseBackendStartsFailingIsRolledBackByTheErrorRateAnalysis() throws Exception {
        lab = new HaproxyLab(dir, List.of("web-1", "web-2", "web-3"), Map.of());
        lab.startLoad(200);

        Change<List<ServerStat>> canary = Rollouts.on(lab.runtime, ops).canary(c -> c.backend("web").server("web-3").step(25)
                .pause(Duration.ofSeconds(2)).maxErrorRate(0.1).minRequests(5).update(deploy("fail-v2")).checks(checks()));

        assertThatThrownBy(canary::apply).isInstanceOf(GateFailedException.class).hasMessageContaining("step 1/4")
                .hasMessageContaining("were 5xx");
        lab.stopLoad();
        ServerStat web3 = lab.runtime.server("web", "web-3").orElseThrow();
        assertThat(web3.weight()).isEqualTo(100);
        assertThat(web3.responses5xx()).isPositive();
        assertThat(Files.exists(lab.versionFile("web-3"))).isFalse();
        assertThat(lab.served(6)).containsOnly("web-1 v1", "web-2 v1", "web-3 v1");
    }

    @Test
    void aHealthyCanaryIsPromotedStepByStep() throws Exception {
        lab = new HaproxyLab(dir, List.of("web-1", "web-2", "web-3"), Map.of());
        lab.startLoad(200);

        Applied<List<ServerStat>> done = Rollouts.on(lab.runtime, ops).canary(c -> c.backend("web").server("web-3").step(50)
                .pause(Duration.ofMillis(500)).minRequests(5).update(deploy("v2")).checks(checks())).apply();
        lab.stopLoad();

        assertThat(done.plan().steps()).extracting(Step::description).filteredOn(d -> d.contains("weight of"))
                .containsExactly("canary out of rotation: weight of web/web-3 from 100 to 0", "step 1/2: weight of web/web-3 from 0 to 50",
                        "step 2/2: weight of web/web-3 from 50 to 100");
        assertThat(lab.runtime.server("web", "web-3").orElseThrow().weight()).isEqualTo(100);
        assertThat(lab.version("web-3")).isEqualTo("v2");
        assertThat(lab.failed.get()).isZero();
    }

    @Test
    void aRefusedRollingUpdateChangesNothingAndDropsNoTraffic() throws Exception {
        lab = new HaproxyLab(dir, List.of("web-1", "web-2"), Map.of());
        lab.backends.get("web-1").stop(0);
        HaproxyLab.await(() -> lab.runtime.server("web", "web-1").orElseThrow().status().startsWith("DOWN"), Duration.ofSeconds(10));
        lab.startLoad(200);

        assertThatThrownBy(() -> Rollouts.on(lab.runtime, ops).rolling(r -> r.backend("web").servers(List.of("web-2"))
                .maxUnavailable(2).update(deploy("v2"))).apply())
                .isInstanceOf(dev.ops.srv.haproxy.LastHealthyServerException.class);
        Thread.sleep(300);
        lab.stopLoad();

        assertThat(lab.runtime.server("web", "web-2").orElseThrow().status()).isEqualTo("UP");
        assertThat(lab.version("web-2")).isEqualTo("v1");
        assertThat(lab.failed.get()).isZero();
    }
}
