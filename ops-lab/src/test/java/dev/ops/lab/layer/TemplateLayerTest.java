package dev.ops.lab.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.TemplateManifest;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.LabFixture;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.RecordedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Layer L1 builds the site's templates from their cloud images, records their manifests, and promotes them to stable only when asked. */
@Timeout(60)
class TemplateLayerTest {
    private static final String VOLUME = "local:import/debian-12-genericcloud-amd64.qcow2";

    private LabFixture fixture = LabFixture.start(LabFakes.withoutTemplates());
    private PveFakeServer pve = fixture.pve();
    private Lab lab = fixture.lab();
    private Ops ops = fixture.ops();

    @AfterEach
    void stop() {
        fixture.close(); // strict: fails on any request the real API would refuse
    }

    @Test
    void layerTwoNeedsTheTemplateLayerOneBuiltToBePromotedToStable() {
        lab.layers(ops).templates().orElseThrow().apply();
        lab.replication(ops).replicate(r -> r.vmid(9000).targets("pve2")).apply();
        int calls = pve.requests().size();

        assertThatThrownBy(() -> lab.layers(ops).guests()).isInstanceOfSatisfying(LayerOrderException.class, e -> assertThat(e.violations())
                .extracting(Object::toString).containsExactly(
                        "inventory.yml:38 guests.web: needs layer L1's stable template: template debian-12 is built but not promoted to stable"
                                + " (ops plan l1 --stable, or UPDATE_STABLE=yes)",
                        "inventory.yml:42 guests.api: needs layer L1's stable template: template debian-12 is built but not promoted to stable"
                                + " (ops plan l1 --stable, or UPDATE_STABLE=yes)"));
        assertThat(pve.requests().subList(calls, pve.requests().size())).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));

        lab.layers(ops).templates(Stable.PROMOTE).orElseThrow().apply();

        assertThat(lab.layers(ops).guests().orElseThrow().apply().value().role()).isEqualTo("guest:api/1");
    }

    @Test
    void aTemplateIsDownloadedWithItsChecksumImportedGivenACloudInitDriveConvertedAndRecorded() {
        Change<TemplateManifest> l1 = lab.layers(ops).templates().orElseThrow();
        Plan plan = l1.plan();
        assertThat(plan.toString()).contains("download-url").contains("planned at apply");

        Applied<TemplateManifest> done = l1.apply();

        RecordedCall download = pve.requests().stream().filter(c -> c.path().endsWith("/download-url")).findFirst().orElseThrow();
        assertThat(download.params()).containsEntry("checksum-algorithm", "sha512").containsEntry("checksum", "0123abcd")
                .containsEntry("content", "import").containsEntry("filename", "debian-12-genericcloud-amd64.qcow2");
        var config = pve.guestConfig(9000).orElseThrow();
        assertThat(config).containsEntry("template", "1").containsEntry("name", "debian-12");
        assertThat(config.get("ide2")).contains("cloudinit");
        assertThat(config.get("scsi0")).isNotEmpty();
        assertThat(pve.volumes("pve1", "local")).contains(VOLUME);
        TemplateManifest m = lab.catalog(ops).manifest("debian-12").orElseThrow();
        assertThat(m).isEqualTo(done.value());
        assertThat(m.vmid()).isEqualTo(9000);
        assertThat(m.volume()).isEqualTo(VOLUME);
        assertThat(m.stable()).isFalse();

        assertThat(lab.layers(ops).templates()).as("same manifest: nothing to do").isEmpty();

        // by id from the journal, as `ops rollback ID` does: the manifest steps are read back by their logical names
        ops.journal().rollback(done.id().orElseThrow(), lab.client().targets(ops));

        assertThat(pve.hasGuest(9000)).isFalse();
        assertThat(pve.volumes("pve1", "local")).doesNotContain(VOLUME);
        assertThat(lab.catalog(ops).manifest("debian-12")).isEmpty();
    }

    @Test
    void stableOnlyWhenAskedAndAPromotionIsItsOwnStepUndoneByRollback() {
        lab.layers(ops).templates().orElseThrow().apply();
        int calls = pve.requests().size();

        Change<TemplateManifest> promote = lab.layers(ops).templates(Stable.PROMOTE).orElseThrow();
        assertThat(promote.plan().steps()).singleElement().satisfies(s -> assertThat(s.toString()).contains("as stable"));
        Applied<TemplateManifest> done = promote.apply();

        assertThat(lab.catalog(ops).manifest("debian-12").orElseThrow().stable()).isTrue();
        assertThat(pve.requests().subList(calls, pve.requests().size())).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
        assertThat(lab.layers(ops).templates(Stable.PROMOTE)).isEmpty();

        done.rollback();
        assertThat(lab.catalog(ops).manifest("debian-12").orElseThrow().stable()).isFalse();
        assertThat(pve.hasGuest(9000)).isTrue();
    }

    @Test
    void aFailedStepRollsTheWholeLayerBack() {
        pve.failTasks("qmtemplate", "unable to convert: disk is busy");

        assertThatThrownBy(() -> lab.layers(ops).templates().orElseThrow().apply()).hasMessageContaining("disk is busy");

        assertThat(pve.hasGuest(9000)).isFalse();
        assertThat(pve.volumes("pve1", "local")).doesNotContain(VOLUME);
        assertThat(lab.catalog(ops).manifest("debian-12")).isEmpty();
    }

    @Test
    void aTemplateLayerOneDidNotBuildIsRefusedBeforeAnythingRuns() {
        fixture.close();
        fixture = LabFixture.start();
        pve = fixture.pve();
        lab = fixture.lab();
        ops = fixture.ops();
        int calls = pve.requests().size();

        assertThatThrownBy(() -> lab.layers(ops).templates()).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .singleElement().satisfies(v -> assertThat(v.toString()).isEqualTo("inventory.yml:2 templates.debian-12: VMID 9000 holds a guest layer L1 did not"
                        + " build from https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2 (no manifest);"
                        + " delete it or give the template another vmid")));
        assertThat(pve.requests().subList(calls, pve.requests().size())).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
    }
}
