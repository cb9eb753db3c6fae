package dev.ops.sto.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.support.ZfsFuse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every ZFS change that zfs-fuse supports, applied and rolled back against a real daemon and pools
 * on file vdevs. zfs-fuse lacks {@code zfs list -p}, JSON, volumes and holds: the old-CLI read path
 * is what runs here; the others are covered by recorded outputs ({@code ZfsParsersTest}).
 */
@Timeout(180)
class ZfsFuseRealTest {
    private static ZfsFuse zfsFuse;
    private static Zfs zfs;
    private final Ops ops = Ops.inMemory();

    @BeforeAll
    static void start() {
        zfsFuse = ZfsFuse.start("tank");
        zfs = Zfs.on(zfsFuse.host(), Ops.inMemory());
    }

    @AfterAll
    static void stop() {
        if (zfsFuse != null) {
            zfsFuse.close();
        }
    }

    private Zfs zfs() {
        return Zfs.on(zfsFuse.host(), ops);
    }

    @Test
    void theOldCliIsDetectedAndReadWithZfsGet() {
        ZfsCapabilities caps = zfs().capabilities();
        assertThat(caps.parsableList()).isFalse();
        assertThat(caps.json()).isFalse();
        assertThat(zfs().get("tank")).hasValueSatisfying(d -> assertThat(d.type()).isEqualTo(ZfsType.FILESYSTEM));
    }

    @Test
    void aDatasetIsCreatedWithPropertiesAndRollbackDestroysIt() {
        Applied<ZfsDataset> done = zfs().dataset("tank/created").property("compression", "lzjb").present().apply();
        assertThat(done.value().name()).isEqualTo("tank/created");
        assertThat(zfsFuse.host().output("zfs", "get", "-H", "-o", "value", "compression", "tank/created").strip()).isEqualTo("lzjb");
        assertThat(zfs().dataset("tank/created").present().plan().isEmpty()).isTrue();
        done.rollback();
        assertThat(zfs().get("tank/created")).isEmpty();
    }

    @Test
    void performanceSettingsAreSetAndRolledBackToWhatWasThere() {
        zfs().dataset("tank/perf").present().apply();
        var recordsize = zfs().dataset("tank/perf").set("recordsize", "16K").apply();
        var atime = zfs().dataset("tank/perf").set("atime", "off").apply();
        var cache = zfs().dataset("tank/perf").set("primarycache", "metadata").apply();
        assertThat(recordsize.value().value()).isEqualTo("16384");
        assertThat(recordsize.value().isLocal()).isTrue();
        assertThat(zfs().dataset("tank/perf").set("recordsize", "16384").plan().isEmpty()).isTrue();
        cache.rollback();
        atime.rollback();
        recordsize.rollback();
        assertThat(zfsFuse.host().output("zfs", "get", "-H", "-p", "-o", "value,source", "recordsize,atime,primarycache", "tank/perf"))
                .isEqualTo("131072\tdefault\non\tdefault\nall\tdefault\n");
        var inherit = zfs().dataset("tank/perf").set("compression", "lzjb").apply();
        var back = zfs().dataset("tank/perf").inherit("compression").apply();
        assertThat(back.value().isLocal()).isFalse();
        back.rollback();
        assertThat(zfsFuse.host().output("zfs", "get", "-H", "-o", "value,source", "compression", "tank/perf")).isEqualTo("lzjb\tlocal\n");
        inherit.rollback();
    }

    @Test
    void snapshotsAreTakenListedRolledBackWithExplicitConsentAndDestroyed() {
        zfs().dataset("tank/snaps").present().apply();
        Applied<ZfsDataset> s1 = zfs().snapshot("tank/snaps@one").present().apply();
        zfs().snapshot("tank/snaps@two").present().apply();
        assertThat(zfs().snapshotsOf("tank/snaps").list()).extracting(ZfsDataset::name).containsExactly("tank/snaps@one", "tank/snaps@two");
        assertThatThrownBy(() -> zfs().snapshot("tank/snaps@one").rollback().plan())
                .isInstanceOfSatisfying(NewerSnapshotsException.class, e -> {
                    assertThat(e.newer()).containsExactly("tank/snaps@two");
                    assertThat(e.violationsOf("destroyingNewer")).hasSize(1);
                });
        var plan = zfs().snapshot("tank/snaps@one").destroyingNewer().rollback().plan();
        assertThat(plan.toString()).contains("zfs rollback -r tank/snaps@one").contains("destroys the newer snapshot tank/snaps@two");
        zfs().snapshot("tank/snaps@one").destroyingNewer().rollback().apply(plan);
        assertThat(zfs().snapshotsOf("tank/snaps").list()).extracting(ZfsDataset::name).containsExactly("tank/snaps@one");
        s1.rollback();
        assertThat(zfs().get("tank/snaps@one")).isEmpty();
    }

    @Test
    void recursiveSnapshotsAndDestroyNameEveryDependant() {
        zfs().dataset("tank/tree").present().apply();
        zfs().dataset("tank/tree/child").present().apply();
        Applied<ZfsDataset> snap = zfs().snapshot("tank/tree@r").recursive().present().apply();
        assertThat(zfs().get("tank/tree/child@r")).isPresent();
        assertThatThrownBy(() -> zfs().dataset("tank/tree").absent().plan())
                .isInstanceOfSatisfying(ZfsHasChildrenException.class, e -> assertThat(e.getMessage()).contains("tank/tree/child", "tank/tree@r"));
        snap.rollback();
        assertThat(zfs().get("tank/tree/child@r")).isEmpty();
        var destroy = zfs().dataset("tank/tree").recursive().absent();
        assertThat(destroy.plan().toString()).contains("also destroys tank/tree/child").contains("cannot be undone");
        assertThat(destroy.apply().value()).isTrue();
        assertThat(zfs().get("tank/tree")).isEmpty();
    }

    @Test
    void aScrubIsStartedAndReported() {
        zfs().pool("tank").scrub().apply();
        assertThat(zfs().pool("tank").get()).hasValueSatisfying(p -> {
            assertThat(p.isHealthy()).isTrue();
            assertThat(p.scrub().state()).isIn(ScrubStatus.State.RUNNING, ScrubStatus.State.FINISHED);
        });
        assertThat(zfs().pool("nosuchpool").get()).isEmpty();
    }

    @Test
    void pruneDestroysWhatThePolicyLetsGoNewestByTheOrderZfsMadeThem() {
        zfs().dataset("tank/pruned").present().apply();
        // made within a second or two, named against their order: zfs dates them to the second, so only its order tells
        for (int i = 4; i >= 1; i--) {
            zfs().snapshot("tank/pruned@s" + i).present().apply();
        }
        var prune = zfs().snapshotsOf("tank/pruned").prune(RetentionPolicy.builder().zone("UTC").keepLast(1).build(),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
        RetentionPlan done = prune.apply().value();
        assertThat(done.removed()).hasSize(3);
        assertThat(zfs().snapshotsOf("tank/pruned").list()).extracting(ZfsDataset::name).containsExactly("tank/pruned@s1");
    }

    @Test
    void zfsErrorTextsBecomeTypedErrors() {
        assertThatThrownBy(() -> zfs().snapshot("tank/missing@x").present().plan())
                .isInstanceOfSatisfying(VolumeNotFoundException.class, e -> assertThat(e.field()).isEqualTo("dataset"));
        assertThatThrownBy(() -> zfs().dataset("tank/no/parent").present().plan()).isInstanceOf(VolumeNotFoundException.class);
        zfs().dataset("tank/exists").present().apply();
        var created = new dev.ops.sto.zfs.internal.ZfsAction(zfsFuse.host().name(), java.util.List.of("zfs", "create", "tank/exists"), "tank/exists", false);
        assertThatThrownBy(() -> created.execute(dev.ops.core.change.Targets.of(zfsFuse.host()))).isInstanceOf(ZfsExistsException.class);
    }
}
