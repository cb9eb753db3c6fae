package dev.ops.srv.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.LocalHost;
import dev.ops.srv.haproxy.FakeHaproxySocket;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.LastHealthyServerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rollout plans and refusals, specified against a scripted HAProxy socket: a refused rollout sends nothing but {@code show stat}. */
@Timeout(30)
class RolloutPlanTest {
    private final Ops ops = Ops.inMemory();
    @TempDir
    Path dir;
    private FakeHaproxySocket haproxy;
    private Rollouts rollouts;

    @BeforeEach
    void start() throws Exception {
        haproxy = new FakeHaproxySocket(dir);
        rollouts = Rollouts.on(HaproxyRuntime.connect(haproxy.path).withTimeout(Duration.ofSeconds(2)), ops);
    }

    @AfterEach
    void stop() throws Exception {
        haproxy.close();
    }

    private Function<String, Change<?>> deploy() {
        return server -> ManagedFile.on(LocalHost.create(), ops).path(dir.resolve(server).toString()).content("v2\n").present();
    }

    private void onlyStatsWereRead() {
        assertThat(haproxy.received).containsOnly("show stat");
    }

    @Test
    void aRollingPlanListsEachBatchWithItsGatesBetweenDrainUpdateAndReady() {
        haproxy.server("web", "web-1", "UP", 100).server("web", "web-2", "UP", 100).server("web", "web-3", "UP", 100);

        List<String> steps = rollouts.rolling(r -> r.backend("web").update(deploy())).plan().steps().stream().map(Step::description).toList();

        assertThat(steps).hasSize(3 * 5);
        assertThat(steps.subList(0, 5)).satisfiesExactly(
                s -> assertThat(s).isEqualTo("batch 1/3 (web-1): drain web/web-1 (was ready)"),
                s -> assertThat(s).startsWith("gate batch 1/3 (web-1): web-1 without sessions"),
                s -> assertThat(s).contains(dir.resolve("web-1").toString()),
                s -> assertThat(s).startsWith("gate batch 1/3 (web-1): web-1 healthy"),
                s -> assertThat(s).isEqualTo("batch 1/3 (web-1): ready web/web-1 (was drain)"));
        onlyStatsWereRead();
    }

    @Test
    void serversAlreadyOutOfTrafficCountAgainstMaxUnavailable() {
        haproxy.server("web", "web-1", "DOWN", 100).server("web", "web-2", "UP", 100).server("web", "web-3", "UP", 100)
                .server("web", "web-4", "UP", 100);

        Plan plan = rollouts.rolling(r -> r.backend("web").addServers("web-2", "web-3", "web-4").batchSize(3).maxUnavailable(2)
                .update(deploy())).plan();
        List<String> steps = plan.steps().stream().map(Step::description).toList();

        assertThat(plan.notes()).contains("batches of 1, not 3: 1 server(s) out of traffic already and maxUnavailable is 2");
        assertThat(steps).filteredOn(s -> s.contains(": drain ")).containsExactly("batch 1/3 (web-2): drain web/web-2 (was ready)",
                "batch 2/3 (web-3): drain web/web-3 (was ready)", "batch 3/3 (web-4): drain web/web-4 (was ready)");
    }

    @Test
    void noRoomUnderMaxUnavailableIsRefused() {
        haproxy.server("web", "web-1", "MAINT", 100).server("web", "web-2", "UP", 100);

        assertThatThrownBy(() -> rollouts.rolling(r -> r.backend("web").addServers("web-2").update(deploy())).apply())
                .isInstanceOf(ConflictException.class).hasMessageContaining("maxUnavailable is 1");
        onlyStatsWereRead();
    }

    @Test
    void drainingTheLastServerTakingTrafficIsRefused() {
        haproxy.server("web", "web-1", "DOWN", 100).server("web", "web-2", "UP", 100);

        assertThatThrownBy(() -> rollouts.rolling(r -> r.backend("web").maxUnavailable(2).update(deploy())).apply())
                .isInstanceOf(LastHealthyServerException.class).hasMessageContaining("web/web-2");
        onlyStatsWereRead();
    }

    @Test
    void aRolloutOfZeroInstancesIsRefused() {
        haproxy.server("api", "api-1", "UP", 100);

        assertThatThrownBy(() -> rollouts.rolling(r -> r.backend("web").update(deploy())).plan()).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violationsOf("servers")).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("zero instances")));
    }

    @Test
    void unknownServersAreNamed() {
        haproxy.server("web", "web-1", "UP", 100);

        assertThatThrownBy(() -> rollouts.rolling(r -> r.backend("web").addServers("web-9").update(deploy())).plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("servers")).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("no server web-9")));
    }

    @Test
    void aBatchSizeOrMaxUnavailableBelowOneIsRefused() {
        assertThatThrownBy(() -> RollingUpdate.builder().backend("web").batchSize(0).maxUnavailable(0).update(deploy()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactly("batchSize", "maxUnavailable"));
    }

    @Test
    void aCanaryStepOfZeroOrOver256IsRefused() {
        for (int step : new int[] {0, 257}) {
            assertThatThrownBy(() -> Canary.builder().backend("web").server("web-3").step(step).update(deploy()).build())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("step")).isNotEmpty());
        }
    }

    @Test
    void aMaximumWeightThatIsNotAMultipleOfTheStepIsRefusedBecauseItNeverReachesFullPromotion() {
        assertThatThrownBy(() -> Canary.builder().backend("web").server("web-3").step(30).maxWeight(100).update(deploy()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("maxWeight")).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("stop at 90").contains("never reach full promotion")));
    }

    @Test
    void theCanarysOwnWeightAsMaximumIsCheckedAtPlan() {
        haproxy.server("web", "web-1", "UP", 100).server("web", "web-2", "UP", 100);

        assertThatThrownBy(() -> rollouts.canary(c -> c.backend("web").server("web-2").step(30).update(deploy())).apply())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("maxWeight")).isNotEmpty());
        onlyStatsWereRead();
    }

    @Test
    void aCanaryThatIsTheOnlyServerTakingTrafficIsRefused() {
        haproxy.server("web", "web-1", "DOWN", 100).server("web", "web-2", "UP", 100);

        assertThatThrownBy(() -> rollouts.canary(c -> c.backend("web").server("web-2").step(50).update(deploy())).apply())
                .isInstanceOf(LastHealthyServerException.class);
        onlyStatsWereRead();
    }

    @Test
    void aCanaryPlanStepsItsWeightWithAnAnalysisAfterEachStep() {
        haproxy.server("web", "web-1", "UP", 100).server("web", "web-2", "UP", 100);

        List<String> steps = rollouts.canary(c -> c.backend("web").server("web-2").step(50).update(deploy())).plan().steps().stream()
                .map(Step::description).toList();

        assertThat(steps).filteredOn(s -> s.startsWith("step") || s.startsWith("gate step")).satisfiesExactly(
                s -> assertThat(s).isEqualTo("step 1/2: weight of web/web-2 from 0 to 50"),
                s -> assertThat(s).startsWith("gate step 1/2: web-2 analysed for PT30S"),
                s -> assertThat(s).isEqualTo("step 2/2: weight of web/web-2 from 50 to 100"),
                s -> assertThat(s).startsWith("gate step 2/2: web-2 analysed"));
    }

    @Test
    void aBlueGreenSwitchNeedsOneLiveAndOneIdleSide() {
        haproxy.server("web", "b-1", "UP", 100).server("web", "g-1", "UP", 100);

        assertThatThrownBy(() -> rollouts.blueGreen(b -> b.backend("web").addBlue("b-1").addGreen("g-1").update(deploy())).plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("both sides take traffic");
    }

    @Test
    void aBlueGreenSideOfZeroServersOrAServerOnBothSidesIsRefused() {
        assertThatThrownBy(() -> BlueGreen.builder().backend("web").addBlue("b-1").addGreen("b-1").update(deploy()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("green")).isNotEmpty());
        assertThatThrownBy(() -> BlueGreen.builder().backend("web").addGreen("g-1").update(deploy()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("blue")).isNotEmpty());
    }
}
