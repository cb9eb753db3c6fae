package dev.ops.sto.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.host.SshHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.core.testing.Sshd;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.sto.btrfs.Btrfs;
import dev.ops.sto.support.LoopBtrfs;
import dev.ops.sto.support.SshPeers;
import dev.ops.testkit.sandbox.SandboxHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Btrfs send between two hosts for real, over ssh: the sending host is a sandbox with its own
 * Btrfs on a loop device; the receiving host is an {@link SshHost} logged in as root to a real
 * OpenSSH sshd that the test starts on this machine's loopback ({@link Sshd}, in a mount namespace
 * of its own), where the second Btrfs is mounted. The two hosts see different mounts, as two
 * machines would: the stream can only arrive through the {@code ssh} of the sending host's
 * pipeline, never through this JVM. Skips without root, namespaces, btrfs-progs or OpenSSH; fails
 * instead under {@code OPS_REQUIRE_REAL=1}. Connects nowhere but 127.0.0.1.
 */
@Timeout(180)
class ReplicationOverSshRealTest {
    @TempDir
    Path dir;
    private final Ops ops = Ops.inMemory();

    @Test
    void fullThenIncrementalSendsArriveOnTheOtherHostThroughSshWithProgressAndRollbackRemovesTheReceived() throws Exception {
        LoopBtrfs.assumeAvailable();
        RealComponents.program("sshd");
        RealComponents.program("ssh");
        RealComponents.program("ssh-keygen");
        LocalHost local = LocalHost.create();
        Path image = dir.resolve("dst.img");
        Path mnt = Files.createDirectories(dir.resolve("dst"));
        try (Sshd sshd = Sshd.builder().logLevel("ERROR").start();
                LoopBtrfs fs = LoopBtrfs.create(dir, "src", 256, false);
                SshHost receiver = SshHost.builder().name("receiver").host(sshd.host()).port(sshd.port()).user("root")
                        .privateKey(sshd.clientKey()).knownHosts(sshd.knownHosts()).build()) {
            // The second file system is mounted in the sshd's namespace only: what the receiver sees.
            local.check(Command.of("truncate", "-s", "256M", image.toString()));
            local.check(Command.of("mkfs.btrfs", "-q", image.toString()));
            String loop = local.check(Command.of("losetup", "--find", "--show", image.toString())).stdoutText().strip();
            try {
                receiver.check(Command.of("mount", loop, mnt.toString()));
            } finally {
                local.run("losetup", "-d", loop); // freed by the kernel when the mount goes
            }
            try {
                SandboxHost sender = fs.host();
                sendsBothWays(sender, receiver, sshd, fs, mnt.toString());
            } finally {
                receiver.run(Command.of("umount", mnt.toString()));
            }
        } finally {
            String left = local.run("losetup", "-n", "-O", "NAME", "-j", image.toString()).stdoutText().strip();
            if (!left.isEmpty()) {
                local.run("losetup", "-d", left);
            }
        }
    }

    private void sendsBothWays(SandboxHost sender, SshHost receiver, Sshd sshd, LoopBtrfs fs, String target) throws Exception {
        assertThat(sender.run(Command.of("test", "-d", target)).ok()).as("the sender does not see the receiver's mount").isFalse();
        SshPeers.trust(sender, sshd, "receiver");
        fs.volumeWithTwoSnapshots(ops, 8 << 20, 1 << 20);
        Replication replication = Replication.on(sender, ops);

        List<SendProgress> heard = new CopyOnWriteArrayList<>();
        Change<SendResult> full = replication.btrfs(fs.path("s1")).to(receiver, target).over("receiver").progress(heard::add).send();
        assertThat(full.plan().toString()).as("one pipeline on the sender, the receive through its ssh")
                .contains("btrfs send -q " + fs.path("s1") + " | dd bs=1M status=progress")
                .contains("| ssh -o BatchMode=yes receiver -- 'btrfs receive " + target + "'");
        full.apply();
        long stream = streamBytes(sender, "btrfs send -q \"$1\" | wc -c", fs.path("s1"), "");
        assertThat(heard).isNotEmpty();
        assertThat(heard.get(heard.size() - 1)).satisfies(last -> {
            assertThat(last.done()).isTrue();
            assertThat(last.bytes()).isEqualTo(stream);
        });

        Applied<SendResult> incremental = replication.btrfs(fs.path("s2")).incrementalFrom(fs.path("s1")).to(receiver, target)
                .over("receiver").send().apply();
        assertThat(incremental.value().incremental()).isTrue();
        assertThat(SshPeers.digest(receiver, target + "/s2")).isEqualTo(SshPeers.digest(sender, fs.path("s2")));
        assertThat(Btrfs.on(receiver, ops).get(target + "/s2").orElseThrow().receivedUuid()).isNotEmpty();
        assertThat(replication.btrfs(fs.path("s2")).incrementalFrom(fs.path("s1")).to(receiver, target).over("receiver").send().plan().isEmpty())
                .as("received already").isTrue();

        incremental.rollback();
        assertThat(Btrfs.on(receiver, ops).get(target + "/s2")).isEmpty();
        assertThat(Btrfs.on(receiver, ops).get(target + "/s1")).isPresent();
    }

    private static long streamBytes(SandboxHost host, String script, String a, String b) {
        return AsciiNumbers.parseLong(host.check(Command.of("sh", "-c", script, "sh", a, b)).stdoutText().strip());
    }
}
