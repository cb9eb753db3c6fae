package dev.ops.sto.lvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.sto.lvm.internal.LvmHost;
import dev.ops.testkit.sandbox.SandboxHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PVs and VGs for real on a loop device over a file in the test's temporary directory; LVM runs in a
 * sandbox whose /etc/lvm/lvm.conf (an overlay) accepts only that loop device, with a private /run, so
 * the machine's own disks are neither scanned nor touched. Creating and activating LVs through ops
 * needs device-mapper targets: that part skips (a kernel feature) where {@code dmsetup targets} lacks
 * them. Where it lacks them, LVM still writes volumes into the VG's metadata without activating them
 * ({@code --driverloaded n}): a linear LV, a thick snapshot ({@code lvconvert -s} of two such LVs) and,
 * since lvcreate refuses thin pools without device-mapper, a thin pool with a thin volume and a thin
 * snapshot restored into the metadata with {@code vgcfgrestore --force}, as lvm2's own tests do. lvs
 * then reports them for real (attributes, origin, pool, segment type), their fill levels empty because
 * nothing is active; ops reads those as unknown. Each test's display name says which of these it is;
 * the reports of the live runs are kept as recordings for {@code LvmReportsTest}.
 */
@Timeout(120)
@DisplayName("LVM for real (lvm2 in a sandbox, on a loop device)")
class LvmRealTest {
    @TempDir
    Path dir;
    private SandboxHost host;
    private String loop;
    private Lvm lvm;

    @BeforeEach
    void setUp() {
        RealComponents.root();
        RealComponents.assume(SandboxHost.isSupported(), "unshare and nsenter (private namespaces)");
        RealComponents.program("lvm");
        RealComponents.program("losetup");
        LocalHost local = LocalHost.create();
        local.check(Command.of("truncate", "-s", "64M", dir.resolve("pv.img").toString()));
        loop = local.check(Command.of("losetup", "--find", "--show", dir.resolve("pv.img").toString())).stdoutText().strip();
        host = SandboxHost.start();
        host.check(Command.of("sh", "-c", "mount -t tmpfs -o mode=0755 ops-lvm-run /run && mkdir -p /etc/lvm"));
        host.writeFile("/etc/lvm/lvm.conf", ("devices {\n  filter = [ \"a|^" + loop + "$|\", \"r|.*|\" ]\n  use_devicesfile = 0\n}\n").getBytes(), "0644", false);
        lvm = Lvm.on(host, Ops.inMemory());
    }

    @AfterEach
    void tearDown() {
        try {
            if (host != null) {
                // with device-mapper, vgremove deactivates what it removes; without it, volumes that exist only in the
                // metadata (thin ones included) are removed with activation off
                host.run(Command.of("sh", "-c", "vgremove -f opsvg >/dev/null 2>&1 || vgremove -f --driverloaded n opsvg >/dev/null 2>&1; "
                        + "pvremove -f " + loop + " >/dev/null 2>&1; exit 0"));
                host.close();
            }
        } finally {
            if (loop != null) {
                LocalHost.create().run("losetup", "-d", loop);
                assertThat(LocalHost.create().run("losetup", "-j", dir.resolve("pv.img").toString()).stdoutText()).isBlank();
            }
        }
    }

    @Test
    @DisplayName("[real: PV and VG on a loop device] a physical volume and a volume group are created and rolled back")
    void aPhysicalVolumeAndAVolumeGroupAreCreatedAndRolledBack() {
        var pv = lvm.pv(loop).present().apply();
        assertThat(pv.value().name()).isEqualTo(loop);
        var vg = lvm.vg("opsvg").on(loop).present().apply();
        assertThat(vg.value().pvCount()).isEqualTo(1);
        assertThat(lvm.vg("opsvg").on(loop).present().plan().isEmpty()).isTrue();
        assertThat(lvm.pvs()).singleElement().satisfies(p -> assertThat(p.vg()).isEqualTo("opsvg"));
        vg.rollback();
        assertThat(lvm.vgs()).isEmpty();
        pv.rollback();
        assertThat(lvm.pvs()).isEmpty();
    }

    @Test
    @DisplayName("[real: active LVs, only where the kernel has device-mapper] a linear volume and a thick snapshot are created and rolled back")
    void logicalVolumesAndSnapshotsWhereTheKernelHasDeviceMapper() {
        var targets = host.run(Command.of("dmsetup", "targets"));
        RealComponents.kernelFeature(targets.ok() && targets.stdoutText().contains("striped") && targets.stdoutText().contains("snapshot"),
                "device-mapper with the striped and snapshot targets");
        lvm.pv(loop).present().apply();
        lvm.vg("opsvg").on(loop).present().apply();
        var lv = lvm.lv("opsvg/data").size(16L << 20).present().apply();
        var snap = lvm.snapshot("opsvg/data-snap").of("opsvg/data").size(8L << 20).present().apply();
        assertThat(snap.value().isSnapshot()).isTrue();
        snap.rollback();
        lv.rollback();
        assertThat(lvm.lvs()).isEmpty();
    }

    @Test
    @DisplayName("[real: lvm2 metadata only, never activated] a linear volume is read from the real report")
    void aLinearVolumeMadeInTheMetadataOnlyIsReadFromTheRealReport() {
        lvm.pv(loop).present().apply();
        lvm.vg("opsvg").on(loop).present().apply();
        // without device-mapper, lvcreate can only write the metadata: no activation, no zeroing
        host.check(Command.of("env", "LVM_SUPPRESS_FD_WARNINGS=1", "lvcreate", "-q", "--driverloaded", "n", "-an", "-Zn", "-L", "8M", "-n", "meta",
                "opsvg"));
        try {
            assertThat(lvm.lvs()).singleElement().satisfies(lv -> {
                assertThat(lv.name()).isEqualTo("meta");
                assertThat(lv.vg()).isEqualTo("opsvg");
                assertThat(lv.size()).isEqualTo(8L << 20);
                assertThat(lv.attr()).startsWith("-wi-");
                assertThat(lv.isSnapshot()).isFalse();
                assertThat(lv.isThinPool()).isFalse();
            });
            assertThat(lvm.get("opsvg/meta")).isPresent();
        } finally {
            host.run(Command.of("env", "LVM_SUPPRESS_FD_WARNINGS=1", "lvremove", "-q", "-f", "--driverloaded", "n", "opsvg/meta"));
        }
        assertThat(lvm.lvs()).isEmpty();
    }

    /**
     * lv_attr of a volume that was never activated: type, permissions and allocation, then state and open
     * flags that are {@code -} where lvs could ask device-mapper and {@code X} (unknown) where it could not.
     */
    private static final String INACTIVE = "\\Q%s-\\E[-X][-X]\\Q%s\\E";

    /** Removes volumes that exist only in the metadata without asking device-mapper (which could not activate them anyway). */
    private void removeMetadataOnly(String... lvs) {
        List<String> args = new java.util.ArrayList<>(List.of("lvremove", "-q", "-f", "--driverloaded", "n"));
        args.addAll(List.of(lvs));
        lvmRun(args.toArray(String[]::new));
    }

    private void vgOnLoop() {
        lvm.pv(loop).present().apply();
        lvm.vg("opsvg").on(loop).present().apply();
    }

    private CommandResult lvmRun(String... args) {
        return host.run(Command.of(LvmHost.argv(args)));
    }

    private String lvmCheck(String... args) {
        return host.check(Command.of(LvmHost.argv(args))).stdoutText();
    }

    private Map<String, LogicalVolume> lvsByName() {
        return lvm.lvs().stream().collect(Collectors.toMap(LogicalVolume::name, Function.identity()));
    }

    private String segtypes() {
        return lvmCheck("lvs", "--reportformat", "json", "-o", "lv_name,segtype");
    }

    @Test
    @DisplayName("[real: lvm2 metadata only, never activated] a thick snapshot (lvconvert -s) is read with its origin, unknown fill and a merge plan")
    void aThickSnapshotMadeInTheMetadataOnlyIsReadFromTheRealReport() {
        vgOnLoop();
        try {
            thickSnapshotInTheMetadata();
        } finally {
            removeMetadataOnly("opsvg/origin-snap", "opsvg/origin");
        }
        assertThat(lvm.lvs()).isEmpty();
    }

    private void thickSnapshotInTheMetadata() {
        lvmCheck("lvcreate", "-q", "--driverloaded", "n", "-an", "-Zn", "-L", "16M", "-n", "origin", "opsvg");
        // lvcreate -s refuses without device-mapper (it must write the snapshot's header) ...
        assertThat(lvmRun("lvcreate", "-q", "--driverloaded", "n", "-an", "-s", "-L", "8M", "-n", "origin-snap", "opsvg/origin").stderrText())
                .contains("Can't create snapshot without using device-mapper kernel driver.");
        // ... so a second linear volume is made in the metadata and lvconvert turns it into the first's copy-on-write store
        lvmCheck("lvcreate", "-q", "--driverloaded", "n", "-an", "-Zn", "-L", "8M", "-n", "origin-snap", "opsvg");
        lvmCheck("lvconvert", "-y", "--driverloaded", "n", "-Zn", "-s", "opsvg/origin", "opsvg/origin-snap");

        Map<String, LogicalVolume> lvs = lvsByName();
        assertThat(lvs).containsOnlyKeys("origin", "origin-snap");
        LogicalVolume origin = lvs.get("origin");
        LogicalVolume snap = lvs.get("origin-snap");
        assertThat(origin.attr()).matches(INACTIVE.formatted("owi", "s---"));
        assertThat(origin.isSnapshot()).isFalse();
        assertThat(origin.isOpen()).isFalse();
        assertThat(snap.attr()).matches(INACTIVE.formatted("swi", "s---"));
        assertThat(snap.origin()).isEqualTo("origin");
        assertThat(snap.size()).isEqualTo(8L << 20);
        assertThat(snap.isSnapshot()).isTrue();
        assertThat(snap.isInvalid()).isFalse();
        assertThat(snap.isActive()).isFalse();
        assertThat(snap.snapPercent()).as("inactive: lvs reports no fill level, and ops reads it as unknown, not 0").isEqualTo(-1.0);
        assertThat(snap.dataPercent()).isEqualTo(-1.0);
        assertThat(segtypes()).contains("{\"lv_name\":\"origin-snap\", \"segtype\":\"linear\"}");

        var merge = lvm.snapshot("opsvg/origin-snap").rollback().plan();
        // without device-mapper lvs cannot tell whether the origin is in use (X): the plan does not claim it is not
        assertThat(merge.toString()).contains("lvconvert -y --merge opsvg/origin-snap").contains("maybe deferred");
    }

    private static String resource(String name) {
        try (InputStream in = LvmRealTest.class.getResourceAsStream("/lvm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("[real: lvm2 metadata restored with vgcfgrestore --force, never activated] a thin pool, a thin volume and a thin snapshot are read from the real report")
    void aThinPoolAndThinVolumesRestoredIntoTheMetadataAreReadFromTheRealReport() {
        vgOnLoop();
        try {
            thinVolumesInTheMetadata();
        } finally {
            removeMetadataOnly("opsvg/thinsnap", "opsvg/thin", "opsvg/pool");
        }
        assertThat(lvm.lvs()).isEmpty();
    }

    private void thinVolumesInTheMetadata() {
        // lvcreate refuses thin pools without device-mapper (it must initialise the pool's metadata volume)
        assertThat(lvmRun("lvcreate", "-q", "--driverloaded", "n", "-an", "-Zn", "--type", "thin-pool", "-L", "32M", "-n", "pool", "opsvg").stderrText())
                .contains("Can't create thin-pool without using device-mapper kernel driver.");
        // so the VG's own metadata is backed up, the thin volumes are added in lvm2's text format and it is restored
        lvmCheck("vgcfgbackup", "-f", "/run/opsvg.vg", "opsvg");
        String backup = host.readText("/run/opsvg.vg").orElseThrow();
        int end = backup.lastIndexOf('}');
        String restored = backup.substring(0, end) + resource("thin-pool-logical-volumes.vgcfg") + "\n" + backup.substring(end);
        host.writeFile("/run/opsvg-thin.vg", restored.getBytes(StandardCharsets.UTF_8), "0600", false);
        lvmCheck("vgcfgrestore", "-y", "--force", "-f", "/run/opsvg-thin.vg", "opsvg");

        Map<String, LogicalVolume> lvs = lvsByName();
        assertThat(lvs).containsOnlyKeys("pool", "thin", "thinsnap");
        LogicalVolume pool = lvs.get("pool");
        LogicalVolume thin = lvs.get("thin");
        LogicalVolume thinSnap = lvs.get("thinsnap");
        assertThat(pool.attr()).matches(INACTIVE.formatted("twi", "tz--"));
        assertThat(pool.isThinPool()).isTrue();
        assertThat(pool.size()).isEqualTo(32L << 20);
        assertThat(List.of(pool.dataPercent(), pool.metadataPercent())).as("inactive pool: data and metadata fill unknown, not 0")
                .containsOnly(-1.0);
        assertThat(thin.attr()).matches(INACTIVE.formatted("Vwi", "tz--"));
        assertThat(thin.isThin()).isTrue();
        assertThat(thin.pool()).isEqualTo("pool");
        assertThat(thin.isSnapshot()).isFalse();
        assertThat(thin.dataPercent()).isEqualTo(-1.0);
        assertThat(thinSnap.attr()).as("a thin snapshot is skipped on activation: k").matches(INACTIVE.formatted("Vwi", "tz-k"));
        assertThat(thinSnap.origin()).isEqualTo("thin");
        assertThat(thinSnap.pool()).isEqualTo("pool");
        assertThat(thinSnap.isSnapshot()).isTrue();
        assertThat(thinSnap.isInvalid()).isFalse();
        assertThat(segtypes()).contains("{\"lv_name\":\"pool\", \"segtype\":\"thin-pool\"}")
                .contains("{\"lv_name\":\"thin\", \"segtype\":\"thin\"}").contains("{\"lv_name\":\"thinsnap\", \"segtype\":\"thin\"}");

        // a snapshot of a thin volume needs no size: ops plans it from the real report
        var plan = lvm.snapshot("opsvg/thin-pre").of("opsvg/thin").present().plan();
        assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.action().render()).contains("lvcreate -y -s -n thin-pre opsvg/thin"));
        assertThat(lvm.snapshot("opsvg/thinsnap").rollback().plan().toString()).contains("lvconvert -y --merge opsvg/thinsnap");
    }
}
