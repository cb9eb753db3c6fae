package dev.ops.lab.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.LabFixture;
import dev.ops.testkit.pve.PveFakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Layer L2 makes the site's guests from the templates' copies on their nodes, and refuses to run before L1 has put them there. */
@Timeout(60)
class LayersTest {
    private final LabFixture fixture = LabFixture.start();
    private final Site site = fixture.site();
    private final PveFakeServer pve = fixture.pve();
    private final Lab lab = fixture.lab();
    private final Ops ops = fixture.ops();

    @AfterEach
    void stop() {
        fixture.close(); // strict: fails on any request the real API would refuse
    }

    @Test
    void layerTwoBeforeLayerOneIsRefusedNamingTheNodeAndNothingRuns() {
        int calls = pve.requests().size();

        assertThatThrownBy(() -> lab.layers(ops).guests()).isInstanceOfSatisfying(LayerOrderException.class, e -> assertThat(e.violations())
                .singleElement().satisfies(v -> assertThat(v.toString())
                        .isEqualTo("inventory.yml:42 guests.api: needs layer L1: template debian-12 has no copy on pve2 (replicate 9000 to pve2 first)")));
        assertThat(pve.requests().subList(calls, pve.requests().size())).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
    }

    @Test
    void theSitesGuestsAreClonedFromTheTemplateCopyOnTheirNodeAndRolledBackAsOne() {
        var replica = lab.replication(ops).replicate(r -> r.vmid(9000).targets("pve2")).apply().value().target("pve2");

        Applied<ResourceRecord> done = lab.layers(ops).guests().orElseThrow().apply();

        var guests = lab.catalog(ops).resources().stream().filter(r -> !r.role().isEmpty()).toList();
        assertThat(guests).extracting(r -> r.role() + " " + r.name() + " " + r.address())
                .containsExactlyInAnyOrder("guest:web/1 pve-pve1-vm-01 10.10.1.100/24", "guest:web/2 pve-pve1-vm-02 10.10.1.101/24",
                        "guest:api/1 pve-pve2-vm-01 10.10.2.101/24");
        assertThat(guests).filteredOn(r -> r.node().equals("pve2")).singleElement()
                .satisfies(r -> assertThat(r.originVmid()).isEqualTo(replica.vmid()));
        guests.forEach(r -> assertThat(pve.guestConfig(r.vmid()).orElseThrow().get("template")).isNull());
        assertThat(lab.layers(ops).missingGuests()).isEmpty();
        assertThat(lab.layers(ops).guests()).isEmpty();

        done.rollback();

        guests.forEach(r -> assertThat(pve.hasGuest(r.vmid())).isFalse());
        assertThat(pve.hasGuest(replica.vmid())).isTrue();
        assertThat(lab.layers(ops).missingGuests()).containsExactly("guest:web/1", "guest:web/2", "guest:api/1");
    }
}
