package dev.ops.sto.lvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ops.core.Ops;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ValidationException;
import dev.ops.sto.lvm.internal.LvmReports;
import dev.ops.testkit.host.ScriptedHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LVM's JSON reports read exactly, and what plans make of them. Each display name says whether its
 * report was recorded from a real lvm2 or written by hand; src/test/resources/lvm/README.md says where
 * each comes from, and lists which LVM cases run for real ({@code LvmRealTest}) and which against reports.
 */
@DisplayName("LVM reports (recorded from lvm2, or written by hand where named so)")
class LvmReportsTest {

    private static String report(String name) throws IOException {
        try (InputStream in = LvmReportsTest.class.getResourceAsStream("/lvm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("[recorded: lvm2 2.03.16] pvs and vgs")
    void pvsAndVgsAreReadFromRecordedReports() throws IOException {
        assertThat(LvmReports.pvs(report("pvs-2.03.16.json"))).containsExactly(new PhysicalVolume("/dev/loop0", "opsvg", 62914560, 62914560));
        assertThat(LvmReports.vgs(report("vgs-2.03.16.json"))).containsExactly(new VolumeGroup("opsvg", 62914560, 62914560, 1, 0));
    }

    /** Recorded on this machine with lvm2 2.03.16 (an LV made in the metadata only). */
    @Test
    @DisplayName("[recorded: lvm2 2.03.16, metadata only] a linear volume whose state lvs could not ask is read as inactive")
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

    /**
     * Written by hand (lvs-pve.json): the fill levels and the invalid state only exist on active volumes,
     * which need device-mapper; the recordings above cover attributes, origin and pool of inactive ones.
     */
    @Test
    @DisplayName("[hand-written: Proxmox-like layout] snapshot fill, invalid state and thin pool data/metadata fill come from lv_attr and the percents")
    void snapshotFillAndInvalidStateComeFromAttrAndPercent() throws IOException {
        List<LogicalVolume> lvs = LvmReports.lvs(report("lvs-pve.json"));
        LogicalVolume pool = lvs.get(0);
        LogicalVolume root = lvs.get(1);
        LogicalVolume snap = lvs.get(2);
        LogicalVolume overflowed = lvs.get(3);
        assertThat(pool.isThinPool()).isTrue();
        assertThat(pool.dataPercent()).isEqualTo(12.87);
        assertThat(pool.metadataPercent()).isEqualTo(1.53);
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
    @DisplayName("[hand-written report] merging into an origin in use is planned as deferred")
    void mergingIntoAnOriginInUseIsPlannedAsDeferred() throws IOException {
        ScriptedHost host = pve();
        var plan = Lvm.on(host, Ops.inMemory()).snapshot("pve/root-pre-upgrade").rollback().plan();
        assertThat(plan.toString()).contains("lvconvert -y --merge pve/root-pre-upgrade").contains("deferred: pve/root is in use");
        assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.undo()).isEmpty());
    }

    @Test
    @DisplayName("[recorded: lvm2 2.03.16, metadata only] merging into an origin whose use lvs cannot tell is planned as maybe deferred")
    void mergingIntoAnOriginOfUnknownUseIsPlannedAsMaybeDeferred() throws IOException {
        ScriptedHost host = ScriptedHost.named("nodm").on("env", "LVM_SUPPRESS_FD_WARNINGS=1", "lvs")
                .reply(report("lvs-2.03.16-thick-snapshot-metadata-only.json"));
        var rollback = Lvm.on(host, Ops.inMemory()).snapshot("opsvg/origin-snap").rollback();
        var plan = rollback.plan();
        assertThat(plan.toString()).contains("lvconvert -y --merge opsvg/origin-snap")
                .contains("maybe deferred: lvs cannot tell whether opsvg/origin is in use (lv_attr owi-XXs---");
        assertThat(LvmReports.lvs(report("lvs-2.03.16-thick-snapshot-metadata-only.json")).get(0).isUseUnknown()).isTrue();
    }

    @Test
    @DisplayName("[hand-written report] an invalid snapshot cannot be merged")
    void anInvalidSnapshotCannotBeMerged() throws IOException {
        assertThatThrownBy(() -> Lvm.on(pve(), Ops.inMemory()).snapshot("pve/root-overflowed").rollback().plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("invalid");
    }

    @Test
    @DisplayName("[hand-written report] a thick snapshot is planned with its size and removed on rollback")
    void aThickSnapshotIsPlannedWithItsSizeAndRemovedOnRollback() throws IOException {
        var plan = Lvm.on(pve(), Ops.inMemory()).snapshot("pve/root-new").of("pve/root").size(4L << 30).present().plan();
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.action().render()).contains("lvcreate -y -s -L 4294967296b -n root-new pve/root");
            assertThat(s.undo().orElseThrow().render()).contains("lvremove -y pve/root-new");
        });
        assertThat(plan.toString()).contains("becomes invalid if more than 4294967296 bytes");
    }

    @Test
    @DisplayName("[hand-written report] bad names and a missing origin are typed errors")
    void badNamesAndAMissingOriginAreTypedErrors() throws IOException {
        Lvm lvm = Lvm.on(pve(), Ops.inMemory());
        assertThatThrownBy(() -> lvm.snapshot("pve/-bad").of("pve/root").size(1).present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("name")).isNotEmpty());
        assertThatThrownBy(() -> lvm.snapshot("pve/x").of("pve/root_tmeta").size(1).present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("origin")).isNotEmpty());
        assertThatThrownBy(() -> lvm.snapshot("pve/x").of("pve/nothere").size(1).present().plan())
                .isInstanceOfSatisfying(dev.ops.sto.VolumeNotFoundException.class, e -> assertThat(e.field()).isEqualTo("origin"));
    }

    /** A volume of opsvg as lvs reports it while inactive: every fill level unknown. */
    private static LogicalVolume inactive(String name, String attr, long size, String origin, String pool) {
        return new LogicalVolume(name, "opsvg", attr, size, origin, pool, -1, -1, -1);
    }

    private static List<LogicalVolume> readsAs(String recording, LogicalVolume... expected) throws IOException {
        List<LogicalVolume> lvs = LvmReports.lvs(report(recording));
        assertThat(lvs).containsExactly(expected);
        return lvs;
    }

    /** Recorded from the live run of {@code LvmRealTest}: two linear volumes in the metadata, the second made the first's snapshot by lvconvert. */
    @Test
    @DisplayName("[recorded: lvm2 2.03.16, metadata only] a thick snapshot: its origin, and fill levels unknown (not 0) while inactive")
    void aRecordedInactiveThickSnapshotHasItsOriginAndNoFillLevel() throws IOException {
        List<LogicalVolume> lvs = readsAs("lvs-2.03.16-thick-snapshot-metadata-only.json", inactive("origin", "owi-XXs---", 16777216, "", ""),
                inactive("origin-snap", "swi-XXs---", 8388608, "origin", ""));
        LogicalVolume snap = lvs.get(1);
        assertThat(snap.isSnapshot()).isTrue();
        assertThat(snap.isInvalid()).isFalse();
        assertThat(snap.isActive()).isFalse();
        assertThat(lvs.get(0).isSnapshot()).isFalse();
        assertThat(lvs.get(0).isOpen()).as("state unknown (X): not taken for open").isFalse();
    }

    /** Recorded from the live run of {@code LvmRealTest}: a thin pool, a thin volume and its thin snapshot restored into the metadata. */
    @Test
    @DisplayName("[recorded: lvm2 2.03.16, restored metadata] a thin pool, thin volume and thin snapshot: pool and origin, fill levels unknown (not 0)")
    void aRecordedInactiveThinPoolAndItsVolumesAreReadWithUnknownFill() throws IOException {
        List<LogicalVolume> lvs = readsAs("lvs-2.03.16-thin-restored-metadata.json", inactive("pool", "twi---tz--", 33554432, "", ""),
                inactive("thin", "Vwi-XXtz--", 16777216, "", "pool"), inactive("thinsnap", "Vwi-XXtz-k", 16777216, "thin", "pool"));
        assertThat(lvs).extracting(LogicalVolume::isThinPool, LogicalVolume::isThin, LogicalVolume::isSnapshot, LogicalVolume::isActive)
                .containsExactly(tuple(true, false, false, false), tuple(false, true, false, false), tuple(false, true, true, false));
    }

    @Test
    @DisplayName("[hand-written values] percents are read exactly, with a decimal point or comma; an empty one is unknown (-1), never 0")
    void percentsAreExactAndEmptyIsUnknown() {
        String json = """
                {"report":[{"lv":[
                  {"lv_name":"a", "vg_name":"v", "lv_attr":"twi-aotz--", "lv_size":"1", "origin":"", "pool_lv":"", "snap_percent":"", "data_percent":"0.00", "metadata_percent":"100.00"},
                  {"lv_name":"b", "vg_name":"v", "lv_attr":"twi---tz--", "lv_size":"1", "origin":"", "pool_lv":"", "snap_percent":"", "data_percent":"", "metadata_percent":""},
                  {"lv_name":"c", "vg_name":"v", "lv_attr":"twi-aotz--", "lv_size":"1", "origin":"", "pool_lv":"", "snap_percent":"", "data_percent":"12,87", "metadata_percent":"1,53"}
                ]}]}""";
        assertThat(LvmReports.lvs(json)).extracting(LogicalVolume::dataPercent, LogicalVolume::metadataPercent)
                .as("a decimal comma, as lvs prints in a locale that has one, reads like a point")
                .containsExactly(tuple(0.0, 100.0), tuple(-1.0, -1.0), tuple(12.87, 1.53));
    }

    /** The README is the test report's key: it names every LVM test and says whether it runs for real or against a report. */
    @Test
    @DisplayName("[documentation] the LVM README says for every LVM test whether it runs for real or against a recorded or hand-written report")
    void theReadmeSaysWhichCasesRunForRealAndWhichAgainstReports() throws IOException {
        String readme = report("README.md");
        for (Class<?> c : List.of(LvmRealTest.class, LvmReportsTest.class)) {
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class)) {
                    assertThat(readme).as(c.getSimpleName() + "." + m.getName()).contains("`" + m.getName() + "`");
                }
            }
        }
    }
}
