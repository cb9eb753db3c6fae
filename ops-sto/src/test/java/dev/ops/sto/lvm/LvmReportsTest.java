package dev.ops.sto.lvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ValidationException;
import dev.ops.sto.lvm.internal.LvmReports;
import dev.ops.testkit.host.ScriptedHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LVM's JSON reports read exactly (see src/test/resources/lvm/README.md for which are recorded), and what plans make of them. */
class LvmReportsTest {

    private static String report(String name) throws IOException {
        try (InputStream in = LvmReportsTest.class.getResourceAsStream("/lvm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pvsAndVgsAreReadFromRecordedReports() throws IOException {
        assertThat(LvmReports.pvs(report("pvs-2.03.16.json"))).containsExactly(new PhysicalVolume("/dev/loop0", "opsvg", 62914560, 62914560));
        assertThat(LvmReports.vgs(report("vgs-2.03.16.json"))).containsExactly(new VolumeGroup("opsvg", 62914560, 62914560, 1, 0));
    }

    /** Recorded on this machine with lvm2 2.03.16 (an LV made in the metadata only). */
    @Test
    void aRecordedLinearVolumeWithUnknownStateIsReadAsInactive() throws IOException {
        assertThat(LvmReports.lvs(report("lvs-2.03.16-linear-metadata-only.json"))).singleElement().satisfies(lv -> {
            assertThat(lv.fullName()).isEqualTo("opsvg/meta");
            assertThat(lv.size()).isEqualTo(8388608);
            assertThat(lv.attr()).isEqualTo("-wi-XX----");
            assertThat(lv.isActive()).isFalse();
            assertThat(lv.isOpen()).isFalse();
            assertThat(lv.isSnapshot()).isFalse();
            assertThat(lv.snapPercent()).as("empty: not reported").isEqualTo(-1.0);
        });
    }

    /** Written by hand (lvs-pve.json): this kernel has no device-mapper to make snapshots and thin volumes on, to record. */
    @Test
    void snapshotFillAndInvalidStateComeFromAttrAndPercent() throws IOException {
        List<LogicalVolume> lvs = LvmReports.lvs(report("lvs-pve.json"));
        LogicalVolume pool = lvs.get(0);
        LogicalVolume root = lvs.get(1);
        LogicalVolume snap = lvs.get(2);
        LogicalVolume overflowed = lvs.get(3);
        assertThat(pool.isThinPool()).isTrue();
        assertThat(pool.dataPercent()).isEqualTo(12.87);
        assertThat(root.isOpen()).isTrue();
        assertThat(root.snapPercent()).isEqualTo(-1);
        assertThat(snap.isSnapshot()).isTrue();
        assertThat(snap.isInvalid()).isFalse();
        assertThat(snap.snapPercent()).isEqualTo(3.41);
        assertThat(overflowed.isInvalid()).isTrue();
        assertThat(lvs.get(5).isThin()).isTrue();
        assertThat(lvs.get(5).pool()).isEqualTo("data");
        assertThat(lvs.get(6).isSnapshot()).isTrue();
    }

    private ScriptedHost pve() throws IOException {
        String lvs = report("lvs-pve.json");
        return ScriptedHost.named("pve-01").on("env", "LVM_SUPPRESS_FD_WARNINGS=1", "lvs").reply(lvs);
    }

    @Test
    void mergingIntoAnOriginInUseIsPlannedAsDeferred() throws IOException {
        ScriptedHost host = pve();
        var plan = Lvm.on(host, Ops.inMemory()).snapshot("pve/root-pre-upgrade").rollback().plan();
        assertThat(plan.toString()).contains("lvconvert -y --merge pve/root-pre-upgrade").contains("deferred: pve/root is in use");
        assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.undo()).isEmpty());
    }

    @Test
    void anInvalidSnapshotCannotBeMerged() throws IOException {
        assertThatThrownBy(() -> Lvm.on(pve(), Ops.inMemory()).snapshot("pve/root-overflowed").rollback().plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("invalid");
    }

    @Test
    void aThickSnapshotIsPlannedWithItsSizeAndRemovedOnRollback() throws IOException {
        var plan = Lvm.on(pve(), Ops.inMemory()).snapshot("pve/root-new").of("pve/root").size(4L << 30).present().plan();
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.action().render()).contains("lvcreate -y -s -L 4294967296b -n root-new pve/root");
            assertThat(s.undo().orElseThrow().render()).contains("lvremove -y pve/root-new");
        });
        assertThat(plan.toString()).contains("becomes invalid if more than 4294967296 bytes");
    }

    @Test
    void badNamesAndAMissingOriginAreTypedErrors() throws IOException {
        Lvm lvm = Lvm.on(pve(), Ops.inMemory());
        assertThatThrownBy(() -> lvm.snapshot("pve/-bad").of("pve/root").size(1).present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("name")).isNotEmpty());
        assertThatThrownBy(() -> lvm.snapshot("pve/x").of("pve/root_tmeta").size(1).present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("origin")).isNotEmpty());
        assertThatThrownBy(() -> lvm.snapshot("pve/x").of("pve/nothere").size(1).present().plan())
                .isInstanceOfSatisfying(dev.ops.sto.VolumeNotFoundException.class, e -> assertThat(e.field()).isEqualTo("origin"));
    }
}
