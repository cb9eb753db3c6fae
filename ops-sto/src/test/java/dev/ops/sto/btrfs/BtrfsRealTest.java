package dev.ops.sto.btrfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.Command;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.support.LoopBtrfs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every Btrfs change against a real Btrfs on a loop device in a private mount namespace, applied and rolled back. */
@Timeout(120)
class BtrfsRealTest {
    @TempDir
    Path dir;
    private LoopBtrfs fs;
    private Btrfs btrfs;
    private final Ops ops = Ops.inMemory();

    @BeforeEach
    void mount() {
        fs = LoopBtrfs.create(dir, "fs", 256);
        btrfs = Btrfs.on(fs.host(), ops);
    }

    @AfterEach
    void unmount() {
        if (fs != null) {
            fs.close();
            assertThat(fs.loopAttached()).as("loop device detached").isFalse();
        }
    }

    @Test
    void aSubvolumeIsCreatedOnceAndRollbackDeletesIt() {
        String path = fs.path("vm 101");
        Applied<Subvolume> done = btrfs.subvolume(path).present().apply();
        assertThat(done.value().path()).isEqualTo("vm 101");
        assertThat(done.value().isSnapshot()).isFalse();
        assertThat(btrfs.subvolume(path).present().plan().isEmpty()).isTrue();
        done.rollback();
        assertThat(btrfs.get(path)).isEmpty();
    }

    @Test
    void aReadOnlySnapshotOfAPathWithSpacesAndNewlinesIsListedAndRolledBack() {
        String src = fs.path("data\nwith newline");
        btrfs.subvolume(src).present().apply();
        String snap = fs.path("snap 1\nsecond line");
        Applied<Subvolume> done = btrfs.snapshot(snap).of(src).present().apply();
        Subvolume source = btrfs.get(src).orElseThrow();
        assertThat(done.value().readOnly()).isTrue();
        assertThat(done.value().parentUuid()).isEqualTo(source.uuid());
        assertThat(btrfs.list(fs.mountPoint())).extracting(Subvolume::path, Subvolume::readOnly)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("data\nwith newline", false),
                        org.assertj.core.groups.Tuple.tuple("snap 1\nsecond line", true));
        assertThat(btrfs.snapshot(snap).of(src).present().plan().isEmpty()).isTrue();
        done.rollback();
        assertThat(btrfs.get(snap)).isEmpty();
        assertThat(btrfs.get(src)).isPresent();
    }

    @Test
    void aBatchOfSnapshotsIsMadeInOneGoKeepsWhatIsThereAndRollsBackWhatItMade() {
        String src = fs.path("vol");
        btrfs.subvolume(src).present().apply();
        btrfs.subvolume(fs.path("snaps")).present().apply();
        btrfs.snapshot(fs.path("snaps/s 2")).of(src).present().apply();
        java.util.List<String> paths = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> fs.path("snaps/s " + i)).toList();

        var batch = btrfs.snapshotsOf(src).present(paths);
        assertThat(batch.plan().steps()).singleElement().satisfies(s -> assertThat(s.description()).contains("as 4 read-only snapshots"));
        Applied<java.util.List<Subvolume>> done = batch.apply();

        assertThat(done.value()).hasSize(5).allSatisfy(v -> assertThat(v.readOnly()).isTrue());
        assertThat(batch.plan().isEmpty()).as("every snapshot is there").isTrue();
        done.rollback();
        assertThat(btrfs.list(fs.mountPoint())).extracting(Subvolume::path).containsExactlyInAnyOrder("vol", "snaps", "snaps/s 2");
    }

    @Test
    void aBatchWhosePathsChangedSinceItsPlanIsRefusedWholeAndABatchDeleteIsIrreversible() {
        String src = fs.path("vol");
        btrfs.subvolume(src).present().apply();
        btrfs.subvolume(fs.path("snaps")).present().apply();
        java.util.List<String> paths = java.util.List.of(fs.path("snaps/a"), fs.path("snaps/b"), fs.path("snaps/c"));
        var batch = btrfs.snapshotsOf(src).present(paths);
        var plan = batch.plan();
        fs.host().check(Command.of("mkdir", fs.path("snaps/c")).asRoot()); // something is in the way of the last one, after the review

        assertThatThrownBy(() -> batch.apply(plan)).isInstanceOf(dev.ops.core.error.OpsException.class);
        assertThat(btrfs.list(fs.mountPoint())).extracting(Subvolume::path).containsExactlyInAnyOrder("vol", "snaps");

        fs.host().check(Command.of("rmdir", fs.path("snaps/c")).asRoot());
        btrfs.snapshotsOf(src).present(paths).apply();
        var delete = btrfs.snapshotsOf(src).absent(paths);
        assertThat(delete.plan().steps()).singleElement().satisfies(s -> assertThat(s.undo()).isEmpty());
        assertThat(delete.apply().value()).isEqualTo(3);
        assertThat(btrfs.list(fs.mountPoint())).extracting(Subvolume::path).containsExactlyInAnyOrder("vol", "snaps");
    }

    @Test
    void aBatchRefusesPathsThatAreNotItsSnapshotsNamingEachOne() {
        String src = fs.path("vol");
        btrfs.subvolume(src).present().apply();
        btrfs.subvolume(fs.path("other")).present().apply();
        fs.host().check(Command.of("mkdir", fs.path("plain")).asRoot());

        assertThatThrownBy(() -> btrfs.snapshotsOf(src).present(java.util.List.of(fs.path("other"), fs.path("plain"), fs.path("nodir/x"))).plan())
                .isInstanceOf(SubvolumeConflictException.class).hasMessageContaining("'" + fs.path("other") + "' is a subvolume but not a snapshot")
                .hasMessageContaining("'" + fs.path("plain") + "' exists but is not a Btrfs subvolume")
                .hasMessageContaining("parent directory of '" + fs.path("nodir/x") + "' does not exist");
        assertThatThrownBy(() -> btrfs.snapshotsOf(src).present(java.util.List.of(fs.path("a"), fs.path("a"), "relative")).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("name a path twice").hasMessageContaining("'relative'");
    }

    @Test
    void aWritableSnapshotIsWritable() {
        String src = fs.path("src");
        btrfs.subvolume(src).present().apply();
        assertThat(btrfs.snapshot(fs.path("rw")).of(src).writable().present().apply().value().readOnly()).isFalse();
    }

    @Test
    void deletingIsPlannedAsIrreversibleAndNestedSubvolumesAreNamed() {
        String outer = fs.path("outer");
        btrfs.subvolume(outer).present().apply();
        btrfs.subvolume(outer + "/inner").present().apply();
        assertThatThrownBy(() -> btrfs.subvolume(outer).absent().plan())
                .isInstanceOfSatisfying(SubvolumeConflictException.class, e -> assertThat(e.getMessage()).contains("outer/inner"));
        var plan = btrfs.subvolume(outer + "/inner").absent().plan();
        assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.undo()).isEmpty());
        assertThat(plan.toString()).contains("cannot be undone");
        assertThat(btrfs.subvolume(outer + "/inner").absent().apply().value()).isTrue();
        assertThat(btrfs.get(outer + "/inner")).isEmpty();
    }

    @Test
    void theDefaultSubvolumeIsSetAndRestoredByRollback() {
        String sub = fs.path("root");
        Subvolume s = btrfs.subvolume(sub).present().apply().value();
        var done = btrfs.defaultSubvolume().set(sub).apply();
        assertThat(fs.host().output("btrfs", "subvolume", "get-default", fs.mountPoint())).startsWith("ID " + s.id() + " ");
        done.rollback();
        assertThat(fs.host().output("btrfs", "subvolume", "get-default", fs.mountPoint())).startsWith("ID 5 ");
    }

    @Test
    void quotaGroupsAreEmptyUntilQuotasAreEnabled() {
        Subvolume s = btrfs.subvolume(fs.path("q")).present().apply().value();
        assertThat(btrfs.qgroups(fs.mountPoint())).isEmpty();
        fs.host().check(Command.of("btrfs", "quota", "enable", fs.mountPoint()));
        assertThat(btrfs.qgroups(fs.mountPoint())).extracting(Qgroup::id).contains("0/5", "0/" + s.id());
    }

    @Test
    void pruneDeletesWhatThePolicyLetsGoAndSaysWhatKeepsTheRest() {
        String src = fs.path("vol");
        btrfs.subvolume(src).present().apply();
        fs.host().check(Command.of("mkdir", fs.path(".snapshots")));
        // made within a second or two, named against their order: btrfs dates them to the second, its subvolume ids tell
        for (int i = 4; i >= 1; i--) {
            btrfs.snapshot(fs.path(".snapshots/vol@" + i)).of(src).present().apply();
        }
        RetentionPolicy policy = RetentionPolicy.builder().zone("UTC").keepLast(2).build();
        var prune = btrfs.snapshotsOf(src).prune(policy, Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
        var plan = prune.plan();
        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.toString()).contains("keep-last");
        RetentionPlan done = prune.apply().value();
        assertThat(done.removed()).hasSize(2);
        assertThat(btrfs.list(fs.mountPoint()).stream().filter(Subvolume::readOnly)).extracting(Subvolume::path)
                .containsExactlyInAnyOrder(".snapshots/vol@2", ".snapshots/vol@1");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingRuns() {
        assertThatThrownBy(() -> btrfs.subvolume("relative/path").present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("path")).hasSize(1));
        assertThatThrownBy(() -> btrfs.snapshot(fs.path("s")).of(fs.path("missing")).present().plan())
                .isInstanceOfSatisfying(VolumeNotFoundException.class, e -> assertThat(e.field()).isEqualTo("source"));
        fs.host().check(Command.of("mkdir", fs.path("plain dir")));
        assertThatThrownBy(() -> btrfs.snapshot(fs.path("plain dir")).of(fs.path("plain dir")).present().plan())
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> btrfs.subvolume(fs.path("plain dir")).absent().plan())
                .isInstanceOfSatisfying(SubvolumeConflictException.class, e -> assertThat(e.field()).isEqualTo("path"));
        String src = fs.path("a");
        btrfs.subvolume(src).present().apply();
        btrfs.subvolume(fs.path("b")).present().apply();
        assertThatThrownBy(() -> btrfs.snapshot(fs.path("b")).of(src).present().plan())
                .isInstanceOfSatisfying(SubvolumeConflictException.class, e -> assertThat(e.getMessage()).contains("not a snapshot of"));
    }
}
