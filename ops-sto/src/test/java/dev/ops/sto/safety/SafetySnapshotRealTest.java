package dev.ops.sto.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.Command;
import dev.ops.sto.btrfs.Btrfs;
import dev.ops.sto.support.LoopBtrfs;
import dev.ops.sto.support.ZfsFuse;
import dev.ops.sto.zfs.Zfs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A risky change wrapped in a safety snapshot, for real on Btrfs and on zfs-fuse: a failed check puts the volume back. */
@Timeout(180)
class SafetySnapshotRealTest {
    @TempDir
    Path dir;
    private final Ops ops = Ops.inMemory();

    @Test
    void aFailedCheckRollsTheBtrfsSubvolumeBackAndKeepsTheSnapshot() {
        try (LoopBtrfs fs = LoopBtrfs.create(dir, "safety", 256)) {
            var host = fs.host();
            String vol = fs.path("data");
            Btrfs.on(host, ops).subvolume(vol).present().apply();
            host.check(Command.of("mkdir", fs.path(".snapshots")));
            host.writeFile(vol + "/config", "old\n".getBytes(), "0644", false);
            var risky = ManagedFile.on(host, ops).path(vol + "/config").content("new\n").present();
            var safe = SafetySnapshot.on(host, ops).of(Volume.btrfs(vol, fs.path(".snapshots"))).named("pre-change")
                    // the check leaves a stray file behind, then fails: the volume must come back without it
                    .check(Command.of("sh", "-c", "echo junk > \"$1\"/stray; exit 1", "sh", vol)).around(risky);
            String plan = safe.plan().toString();
            assertThat(plan).contains("safety snapshot " + fs.path(".snapshots/pre-change")).contains("check: sh -c");
            assertThatThrownBy(safe::apply).isInstanceOf(CommandFailedException.class);
            assertThat(host.readText(vol + "/config")).contains("old\n");
            assertThat(host.run(Command.of("test", "-e", vol + "/stray")).ok()).as("stray file gone with the rollback").isFalse();
            assertThat(Btrfs.on(host, ops).get(fs.path(".snapshots/pre-change"))).isPresent();
        }
    }

    @Test
    void aPassingCheckKeepsTheChangeAndOneRollbackUndoesAll() {
        try (ZfsFuse z = ZfsFuse.start("safe")) {
            var host = z.host();
            Zfs zfs = Zfs.on(host, ops);
            zfs.dataset("safe/app").present().apply();
            var risky = zfs.dataset("safe/app").set("atime", "off");
            var done = SafetySnapshot.on(host, ops).of(Volume.zfs("safe/app")).named("pre-tune")
                    .check(Command.of("zfs", "list", "safe/app")).around(risky).apply();
            assertThat(done.value().value()).isEqualTo("off");
            assertThat(zfs.get("safe/app@pre-tune")).isPresent();
            zfs.snapshot("safe/app@later").present().apply();
            var keepNewest = dev.ops.core.retention.RetentionPolicy.builder().zone("UTC").keepLast(1).build();
            var prune = zfs.snapshotsOf("safe/app").prune(keepNewest, java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(1)));
            assertThat(prune.plan().steps()).as("the safety snapshot is pinned while its change can roll back").isEmpty();
            assertThat(prune.plan().toString()).contains("keep safe/app:safe/app@pre-tune (pinned: safety snapshot of");
            // the volume rollback refuses to destroy newer snapshots: the newer one goes first
            zfs.snapshot("safe/app@later").absent().apply();
            done.rollback();
            assertThat(host.output("zfs", "get", "-H", "-o", "value", "atime", "safe/app").strip()).isEqualTo("on");
            assertThat(prune.plan().toString()).as("rolled back: no longer pinned").contains("keep safe/app:safe/app@pre-tune (keep-last");
        }
    }
}
