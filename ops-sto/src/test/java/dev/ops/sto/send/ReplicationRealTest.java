package dev.ops.sto.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.sto.btrfs.Btrfs;
import dev.ops.sto.support.LoopBtrfs;
import dev.ops.sto.support.ZfsFuse;
import dev.ops.sto.zfs.Zfs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full and incremental sends for real: between two Btrfs file systems on loop devices, and between
 * two zfs-fuse pools, in one sandbox (the same host; between two hosts, through ssh to a real sshd,
 * see {@link ReplicationOverSshRealTest} for Btrfs and {@link ZfsOverSshRealTest} for ZFS).
 */
@Timeout(180)
class ReplicationRealTest {
    @TempDir
    Path dir;
    private final Ops ops = Ops.inMemory();

    @Test
    void btrfsFullThenIncrementalSendsArriveAndRollbackRemovesTheReceived() {
        try (LoopBtrfs fs = LoopBtrfs.create(dir, "src", 256)) {
            var host = fs.host();
            String target = fs.another("dst", 256);
            Btrfs btrfs = Btrfs.on(host, ops);
            String vol = fs.path("vol");
            fs.volumeWithTwoSnapshots(ops, 1 << 20, 1 << 16);

            Replication r = Replication.on(host, ops);
            java.util.List<SendProgress> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            long stream = dev.ops.core.text.AsciiNumbers.parseLong(host.check(Command.of("sh", "-c", "btrfs send -q \"$1\" | wc -c", "sh",
                    fs.path("s1")).asRoot()).stdoutText().strip());
            SendResult full = r.btrfs(fs.path("s1")).to(host, target).progress(heard::add).send().apply().value();
            assertThat(heard).isNotEmpty();
            assertThat(heard.get(heard.size() - 1)).satisfies(last -> {
                assertThat(last.done()).isTrue();
                assertThat(last.bytes()).isEqualTo(stream);
            });
            assertThat(full.incremental()).isFalse();
            var incremental = r.btrfs(fs.path("s2")).incrementalFrom(fs.path("s1")).to(host, target).send();
            assertThat(incremental.plan().toString()).contains("btrfs send -q -p " + fs.path("s1") + " " + fs.path("s2"));
            var done = incremental.apply();
            assertThat(host.run(Command.of("cmp", vol + "/b", target + "/s2/b")).ok()).isTrue();
            assertThat(btrfs.get(target + "/s2").orElseThrow().receivedUuid()).isNotEmpty();
            assertThat(r.btrfs(fs.path("s2")).incrementalFrom(fs.path("s1")).to(host, target).send().plan().isEmpty())
                    .as("received already").isTrue();
            done.rollback();
            assertThat(btrfs.get(target + "/s2")).isEmpty();
            assertThat(btrfs.get(target + "/s1")).isPresent();

            host.check(Command.of("mkdir", fs.path("plain")).asRoot());
            assertThatThrownBy(() -> r.btrfs(fs.path("plain")).to(host, target).send().plan())
                    .isInstanceOf(dev.ops.sto.btrfs.SubvolumeConflictException.class).hasMessageContaining("not a Btrfs subvolume");
            assertThatThrownBy(() -> r.btrfs(fs.path("s2")).to(host, target + "/missing").send().plan())
                    .isInstanceOf(dev.ops.sto.VolumeNotFoundException.class).hasMessageContaining("destination");
        }
    }

    @Test
    void zfsFullThenIncrementalSendsArriveBetweenPools() {
        try (ZfsFuse z = ZfsFuse.start("src", "dst")) {
            var host = z.host();
            Zfs zfs = Zfs.on(host, ops);
            zfs.dataset("src/data").present().apply();
            host.check(Command.of("sh", "-c", "head -c 262144 /dev/urandom > /tmp/src/data/a"));
            zfs.snapshot("src/data@s1").present().apply();
            host.check(Command.of("sh", "-c", "head -c 65536 /dev/urandom > /tmp/src/data/b"));
            zfs.snapshot("src/data@s2").present().apply();

            Replication r = Replication.on(host, ops);
            var full = r.zfs("src/data@s1").to(host, "dst/data").send();
            assertThat(full.plan().toString()).contains("zfs send src/data@s1 | zfs receive dst/data");
            full.apply();
            var done = r.zfs("src/data@s2").incrementalFrom("src/data@s1").to(host, "dst/data").send().apply();
            assertThat(done.value().incremental()).isTrue();
            assertThat(zfs.snapshotsOf("dst/data").list()).extracting(d -> d.name()).containsExactly("dst/data@s1", "dst/data@s2");
            done.rollback();
            assertThat(zfs.snapshotsOf("dst/data").list()).extracting(d -> d.name()).containsExactly("dst/data@s1");
        }
    }
}
