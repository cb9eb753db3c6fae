package dev.ops.sto.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.core.host.SshHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.core.testing.Sshd;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.sto.support.SshPeers;
import dev.ops.sto.support.ZfsFuse;
import dev.ops.sto.zfs.Zfs;
import dev.ops.sto.zfs.ZfsDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ZFS send between two hosts for real, over ssh: the sending host is a sandbox running its own
 * zfs-fuse with pool A; the receiving host is an {@link SshHost} logged in as root to a real
 * OpenSSH sshd that the test starts on this machine's loopback ({@link Sshd}, in a mount namespace
 * of its own with a /run of its own), where a second zfs-fuse, started through that ssh login, runs
 * pool B on a vdev in the test's temporary directory. Neither host sees the other's pool or daemon:
 * the stream can only arrive through the {@code ssh} of the sending host's pipeline.
 *
 * <p>What zfs-fuse 0.7 (the ZFS these tests can run) cannot show: its {@code zfs send} has no
 * {@code -n -P}, so the plan says the sender cannot estimate the size and the progress has no
 * expected bytes (the estimate from {@code zfs send -nP} is tested against recorded OpenZFS output
 * in {@link ZfsResumeTest}); its {@code zfs receive} has no {@code -s} and it keeps no resume
 * tokens, so the receive is not resumable (also in {@link ZfsResumeTest}). Its receive reads a
 * stream from a pipe through ssh like any other, full or incremental; only its FUSE mount shows a
 * file an incremental receive rewrote with the pages read before until the dataset is mounted again
 * (see below). Skips without root, namespaces, zfs-fuse or
 * OpenSSH; fails instead under {@code OPS_REQUIRE_REAL=1}. Connects nowhere but 127.0.0.1.
 */
@Timeout(240)
class ZfsOverSshRealTest {
    @TempDir
    Path dir;
    private final Ops ops = Ops.inMemory();

    @Test
    void fullThenIncrementalSendsArriveInThePoolOfTheOtherHostThroughSshWithProgressAndRollbackRemovesTheReceived() throws Exception {
        ZfsFuse.assumeAvailable();
        RealComponents.program("sshd");
        RealComponents.program("ssh");
        RealComponents.program("ssh-keygen");
        try (Sshd sshd = Sshd.builder().logLevel("ERROR").start();
                SshHost receiver = SshHost.builder().name("receiver").host(sshd.host()).port(sshd.port()).user("root")
                        .privateKey(sshd.clientKey()).knownHosts(sshd.knownHosts()).build();
                ZfsFuse b = ZfsFuse.on(receiver, Files.createDirectories(dir.resolve("receiver")), "B");
                ZfsFuse a = ZfsFuse.start(false, "A")) {
            Host sender = a.host();
            eachSeesOnlyItsOwnPool(sender, receiver, b.mountPoint("B"));
            SshPeers.trust(sender, sshd, "receiver");
            sendsBothWays(sender, receiver, a.mountPoint("A") + "/data", b.mountPoint("B") + "/data");
        }
    }

    private static void eachSeesOnlyItsOwnPool(Host sender, Host receiver, String receiverPool) {
        assertThat(sender.output("zpool", "list", "-H", "-o", "name")).isEqualTo("A\n");
        assertThat(receiver.output("zpool", "list", "-H", "-o", "name")).isEqualTo("B\n");
        assertThat(sender.run(Command.of("test", "-d", receiverPool)).ok()).as("the sender does not see the receiver's files").isFalse();
        assertThat(LocalHost.create().output("cat", "/proc/self/mounts")).as("this machine sees neither pool's mounts")
                .doesNotContain("fuse.zfs").doesNotContain(receiverPool);
    }

    private void sendsBothWays(Host sender, Host receiver, String source, String target) {
        Zfs zfs = Zfs.on(sender, ops);
        zfs.dataset("A/data").present().apply();
        sender.check(Command.of("sh", "-c", "head -c 1048576 /dev/urandom > \"$1\"/a", "sh", source));
        zfs.snapshot("A/data@s1").present().apply();
        String atS1 = SshPeers.digest(sender, source); // zfs-fuse has no .zfs/snapshot directory to read a snapshot from later
        sender.check(Command.of("sh", "-c", "head -c 262144 /dev/urandom > \"$1\"/b && head -c 65536 /dev/urandom "
                + "| dd of=\"$1\"/a bs=64k seek=3 conv=notrunc status=none", "sh", source));
        zfs.snapshot("A/data@s2").present().apply();
        String atS2 = SshPeers.digest(sender, source);
        Replication replication = Replication.on(sender, ops);
        // Reading the received files must not modify the destination: with atime on, the reads of the digest below
        // would, and the incremental receive would then refuse ("destination B/data has been modified since most
        // recent snapshot"), as OpenZFS does too; backup targets run with atime off (or readonly) for that reason.
        Zfs there = Zfs.on(receiver, ops);
        there.dataset("B").set("atime", "off").apply();

        Change<SendResult> full = replication.zfs("A/data@s1").to(receiver, "B/data").over("receiver").send();
        assertThat(full.plan().steps()).singleElement().as("one pipeline on the sender, the receive through its ssh")
                .satisfies(step -> assertThat(step.action().render()).contains("zfs send A/data@s1 | ssh -o BatchMode=yes receiver -- ")
                        .contains("zfs receive B/data"));
        assertThat(full.plan().notes()).containsExactly("the sender cannot estimate the size (its zfs lacks send -nP)");
        Applied<SendResult> fullDone = full.apply();
        assertThat(fullDone.value().incremental()).isFalse();
        assertThat(SshPeers.digest(receiver, target)).isEqualTo(atS1);

        List<SendProgress> heard = new CopyOnWriteArrayList<>();
        Change<SendResult> incremental = replication.zfs("A/data@s2").incrementalFrom("A/data@s1").to(receiver, "B/data")
                .over("receiver").progress(heard::add).send();
        assertThat(incremental.plan().toString())
                .contains("zfs send -i A/data@s1 A/data@s2 | dd bs=1M status=progress")
                .contains("| ssh -o BatchMode=yes receiver -- 'zfs receive B/data'");
        Applied<SendResult> done = incremental.apply();
        long stream = AsciiNumbers.parseLong(sender.check(Command.of("sh", "-c", "zfs send -i A/data@s1 A/data@s2 | wc -c"))
                .stdoutText().strip());
        assertThat(heard).isNotEmpty();
        assertThat(heard.get(heard.size() - 1)).satisfies(last -> {
            assertThat(last.done()).isTrue();
            assertThat(last.bytes()).as("every byte of the stream passed the sender's dd").isEqualTo(stream);
            assertThat(last.expectedBytes()).as("zfs-fuse cannot estimate").isEqualTo(-1);
        });
        assertThat(done.value().incremental()).isTrue();
        assertThat(done.value().resumed()).isFalse();
        // zfs-fuse leaves the kernel's page cache of its FUSE mount as it was when a receive rewrites part of a file: the
        // receiver would still read the first send's pages of "a" (the pool holds the new ones: an O_DIRECT read shows
        // them). Mounting the dataset again drops that cache; in-kernel OpenZFS needs nothing of the kind.
        receiver.check(Command.of("sh", "-c", "zfs unmount B/data && zfs mount B/data"));
        assertThat(SshPeers.digest(receiver, target)).isEqualTo(atS2);
        assertThat(there.snapshotsOf("B/data").list()).extracting(ZfsDataset::name).containsExactly("B/data@s1", "B/data@s2");
        assertThat(replication.zfs("A/data@s2").incrementalFrom("A/data@s1").to(receiver, "B/data").over("receiver").send().plan().isEmpty())
                .as("received already").isTrue();

        done.rollback();
        assertThat(there.snapshotsOf("B/data").list()).extracting(ZfsDataset::name).containsExactly("B/data@s1");
        fullDone.rollback();
        assertThat(there.get("B/data")).as("the full send's rollback destroys the dataset it made").isEmpty();
        assertThat(zfs.snapshotsOf("A/data").list()).as("the sender keeps its snapshots").hasSize(2);
    }
}
