package dev.ops.sto.lvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PVs and VGs for real on a loop device over a file in the test's temporary directory; LVM runs in a
 * sandbox whose /etc/lvm/lvm.conf (an overlay) accepts only that loop device, with a private /run, so
 * the machine's own disks are neither scanned nor touched. LVs and snapshots need device-mapper
 * targets: that part skips (a kernel feature) where {@code dmsetup targets} lacks them, and is covered
 * by recorded reports ({@code LvmReportsTest}). A linear LV made in the metadata only (never activated,
 * {@code --driverloaded n}) is read for real everywhere: lvs reports it like any other.
 */
@Timeout(120)
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
                host.run(Command.of("sh", "-c", "vgremove -f opsvg >/dev/null 2>&1; pvremove -f " + loop + " >/dev/null 2>&1; exit 0"));
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
}
