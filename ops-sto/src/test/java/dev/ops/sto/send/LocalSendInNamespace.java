package dev.ops.sto.send;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.core.host.ObservedHost;
import dev.ops.sto.btrfs.Btrfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link LocalSendRealTest}, started in a mount namespace of its own: mounts the two
 * file systems the test made ({@code src.img}, {@code dst.img} in the directory given), sends a full
 * and an incremental snapshot through {@link LocalHost}, and writes what it saw to {@code seen} there.
 * Refuses to mount anything when it shares its parent's mount namespace.
 */
final class LocalSendInNamespace {
    private LocalSendInNamespace() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String> seen = new ArrayList<>();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        boolean own = !Files.readSymbolicLink(Path.of("/proc/self/ns/mnt")).equals(Files.readSymbolicLink(Path.of("/proc/" + parent + "/ns/mnt")));
        seen.add("own mount namespace: " + own);
        if (!own) {
            Files.write(dir.resolve("seen"), seen);
            System.exit(2);
        }
        Counter counter = new Counter();
        Host host = ObservedHost.of(LocalHost.create(), (command, result, took) -> counter.commands++);
        String src = dir.resolve("src").toString();
        String dst = dir.resolve("dst").toString();
        for (String mnt : List.of(src, dst)) {
            host.check(Command.of("mkdir", "-p", mnt));
            host.check(Command.of("mount", "-o", "loop", mnt + ".img", mnt));
        }
        Ops ops = Ops.inMemory();
        Btrfs btrfs = Btrfs.on(host, ops);
        btrfs.subvolume(src + "/vol").present().apply();
        host.check(Command.of("sh", "-c", "head -c 4194304 /dev/urandom > \"$1\"/data", "sh", src + "/vol"));
        btrfs.snapshot(src + "/s1").of(src + "/vol").present().apply();
        host.check(Command.of("sh", "-c", "head -c 65536 /dev/urandom | dd of=\"$1\"/data bs=64K seek=7 conv=notrunc status=none", "sh", src + "/vol"));
        btrfs.snapshot(src + "/s2").of(src + "/vol").present().apply();

        Replication replication = Replication.on(host, ops);
        Change<SendResult> full = replication.btrfs(src + "/s1").to(host, dst).send();
        seen.add("commands run by the plan of the full send: " + counter.countWhile(full::plan));
        full.apply();
        Change<SendResult> incremental = replication.btrfs(src + "/s2").incrementalFrom(src + "/s1").to(host, dst).send();
        seen.add("commands run by the plan of the incremental send: " + counter.countWhile(incremental::plan));
        Applied<SendResult> applied = incremental.apply();
        seen.add("received content equals the sent: " + digest(host, dst + "/s2").equals(digest(host, src + "/s2")));
        seen.add("steps in a second plan: " + replication.btrfs(src + "/s2").incrementalFrom(src + "/s1").to(host, dst).send().plan().steps().size());
        applied.rollback();
        seen.add("received snapshot after rollback: " + Files.exists(Path.of(dst, "s2")));
        Files.write(dir.resolve("seen"), seen);
        for (String mnt : List.of(src, dst)) {
            host.run(Command.of("umount", mnt));
        }
    }

    private static String digest(Host host, String path) {
        return host.check(Command.of("sh", "-c", "cd \"$1\" && find . -type f | sort | xargs sha256sum", "sh", path)).stdoutText();
    }

    /** Counts the commands run through the host it observes. */
    private static final class Counter {
        private int commands;

        int countWhile(Runnable work) {
            int before = commands;
            work.run();
            return commands - before;
        }
    }
}
