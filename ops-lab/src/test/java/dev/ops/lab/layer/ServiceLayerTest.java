package dev.ops.lab.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Step;
import dev.ops.lab.Lab;
import dev.ops.lab.site.Site;
import dev.ops.pve.guest.Snapshot;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.LabFixture;
import dev.ops.lab.testing.ScriptedSystemd;
import dev.ops.lab.testing.Sites;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Layer L4 enables and starts the site's services and gates on their health; an unhealthy service rolls the layer back. */
@Timeout(60)
class ServiceLayerTest {
    private static final String HEALTH = "curl -fsS http://127.0.0.1/";

    @TempDir
    Path dir;
    private LabFixture fixture;
    private Lab lab;
    private Ops ops;
    private final ScriptedSystemd web = new ScriptedSystemd("web", "nginx.service", HEALTH);

    @BeforeEach
    void start() {
        // the health check runs on the host: the test sends no traffic off loopback
        Sites.edit(Sites.copy(dir), "inventory.yml", "health: http://10.10.1.101/", "health: " + HEALTH);
        // layer L3 has nothing to converge on the scripted host but its gate and record
        Sites.edit(dir, "inventory.yml", "    packages: [nginx]\n    sysctl:\n      net.ipv4.ip_forward: \"1\"\n", "");
        Sites.drop(dir, "inventory.yml", "    users:", "        sudo: true");
        // host web is the site guest web/1: its configuration changes get a safety snapshot first
        Sites.edit(dir, "inventory.yml", "    user: ops\n", "    user: ops\n    guest: web/1\n");
        fixture = LabFixture.start(Site.load(dir), LabFakes.cluster());
        lab = fixture.lab();
        ops = fixture.ops();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void layerTwo() {
        lab.replication(ops).replicate(r -> r.vmid(9000).targets("pve2")).apply();
        lab.layers(ops).guests().orElseThrow().apply();
    }

    private Applied<List<Object>> layersTwoAndThree() {
        layerTwo();
        return lab.layers(ops).hosts(h -> web.host()).orElseThrow().apply();
    }

    @Test
    void aHealthyServiceIsEnabledAndStartedAndRollingBackItsJournalRecordStopsAndDisablesIt() {
        layersTwoAndThree();

        Applied<List<Object>> done = lab.layers(ops).services(h -> web.host()).orElseThrow().apply();

        assertThat(web.active("nginx.service")).isTrue();
        assertThat(web.enabled("nginx.service")).isTrue();
        assertThat(web.host().commands()).anySatisfy(c -> assertThat(c.argv()).containsExactly("sh", "-c", HEALTH));
        assertThat(lab.layers(ops).services(h -> web.host()).orElseThrow().plan().steps())
                .as("enabled, running and checked: a second plan has nothing to do").isEmpty();

        // by id from the journal, as `ops rollback ID` does: every step (the health gate too) is read back by its logical name
        // (the host is the site guest web/1, so the record holds its safety snapshot too: the cluster is a target)
        ops.journal().rollback(done.id().orElseThrow(), lab.client().targets(ops).with(web.host()));

        assertThat(web.active("nginx.service")).isFalse();
        assertThat(web.enabled("nginx.service")).isFalse();
    }

    @Test
    void aServicesHostThatIsASiteGuestGetsASafetySnapshotBeforeItsUnitChangesInTheSamePlanAndTheRollbackDeletesIt() {
        layersTwoAndThree();
        assertThat(safetySnapshots()).as("layer L3 changed nothing on the host: no snapshot").isEmpty();

        Change<List<Object>> l4 = lab.layers(ops).services(h -> web.host()).orElseThrow();
        Step first = l4.plan().steps().get(0);
        assertThat(first.description()).startsWith("take snapshot ops_safety_");
        Applied<List<Object>> done = l4.apply();

        assertThat(safetySnapshots()).singleElement().satisfies(n -> assertThat(first.description()).contains(n));
        assertThat(web.active("nginx.service")).isTrue();

        done.rollback();

        assertThat(safetySnapshots()).isEmpty();
        assertThat(web.active("nginx.service")).isFalse();
    }

    @Test
    void withConfigChangeNotInTheSitesPolicyLayerFourTakesNoSnapshot() {
        fixture.close();
        Sites.edit(dir, "action-policies.yml", "before: [rebuild, config_change, upgrade]", "before: [rebuild, upgrade]");
        fixture = LabFixture.start(Site.load(dir), LabFakes.cluster());
        lab = fixture.lab();
        ops = fixture.ops();
        layersTwoAndThree();

        lab.layers(ops).services(h -> web.host()).orElseThrow().apply();

        assertThat(safetySnapshots()).isEmpty();
        assertThat(web.active("nginx.service")).isTrue();
    }

    private List<String> safetySnapshots() {
        int vmid = lab.catalog(ops).resources().stream().filter(r -> r.role().equals("guest:web/1")).findFirst().orElseThrow().vmid();
        return lab.client().findGuest(vmid).orElseThrow().snapshots().list().stream().map(Snapshot::name)
                .filter(n -> n.startsWith("ops_safety_")).toList();
    }

    @Test
    void anUnhealthyServiceFailsItsGateAndTheLayerIsRolledBack() {
        layersTwoAndThree();
        web.unhealthy();

        assertThatThrownBy(() -> lab.layers(ops).services(h -> web.host()).orElseThrow().apply())
                .hasMessageContaining("layer L4's health gate failed").hasMessageContaining("connection refused");

        assertThat(web.active("nginx.service")).isFalse();
        assertThat(web.enabled("nginx.service")).isFalse();
    }

    @Test
    void layerFourBeforeLayerTwoIsRefused() {
        assertThatThrownBy(() -> lab.layers(ops).services(h -> web.host())).isInstanceOf(LayerOrderException.class)
                .hasMessageContaining("guests.web: needs layer L2");
        assertThat(web.host().commands()).isEmpty();
    }

    @Test
    void layerFourBeforeLayerThreeHasConvergedItsHostIsRefusedAndRollingBackLayerThreeRefusesItAgain() {
        layerTwo();

        assertThatThrownBy(() -> lab.layers(ops).services(h -> web.host())).isInstanceOfSatisfying(LayerOrderException.class,
                e -> assertThat(e.violations()).extracting(Object::toString)
                        .containsExactly("inventory.yml:15 services.nginx: needs layer L3: host web has not been converged (ops plan l3)"));
        assertThat(web.host().commands()).isEmpty();

        Applied<List<Object>> l3 = lab.layers(ops).hosts(h -> web.host()).orElseThrow().apply();
        assertThat(lab.catalog(ops).convergence("web")).hasValueSatisfying(c -> assertThat(c.address()).isEqualTo("10.10.1.101"));
        assertThat(lab.layers(ops).services(h -> web.host())).isPresent();

        l3.rollback();

        assertThat(lab.catalog(ops).convergence("web")).isEmpty();
        assertThatThrownBy(() -> lab.layers(ops).services(h -> web.host())).isInstanceOf(LayerOrderException.class);
    }
}
