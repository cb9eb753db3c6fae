package dev.ops.bench.sto;

import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.sto.btrfs.Btrfs;
import dev.ops.testkit.sandbox.SandboxHost;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * 200 read-only Btrfs snapshots created, listed and deleted (a) by a bash loop of the btrfs commands,
 * (b) through ops as one batch change each way ({@code snapshotsOf(vol).present(paths)}, {@code list},
 * {@code snapshotsOf(vol).absent(paths)}: planned, journaled, read before and after), and (c) through
 * ops as 200 single changes each way ({@code snapshot(..).of(..).present().apply()} ...), on a Btrfs on
 * a loop device mounted in a {@link SandboxHost}'s private mount namespace. All run their commands in
 * that namespace; runs alternate. Must run as root, with btrfs-progs.
 *
 * <p>Arguments: {@code --snapshots N} (default 200), {@code --runs N} (default 3; medians),
 * {@code --single} to also time (c).
 */
public final class BtrfsSnapshotBenchmark {
    private static final PrintStream OUT = System.out;

    private BtrfsSnapshotBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = arg(args, "--snapshots", 200);
        int runs = arg(args, "--runs", 3);
        // ops-testkit (on the class path for SandboxHost) checks every plan's purity by default: two `find`s in the sandbox per plan.
        System.setProperty("ops.testkit.planPurity", "false");
        Path dir = Files.createTempDirectory("ops-btrfs-bench");
        LocalHost local = LocalHost.create();
        String img = dir.resolve("fs.img").toString();
        local.check(Command.of("truncate", "-s", "1G", img));
        local.check(Command.of("mkfs.btrfs", "-q", img));
        String dev = local.check(Command.of("losetup", "--find", "--show", img)).stdoutText().strip();
        SandboxHost host = SandboxHost.builder().name("btrfs-bench").build();
        String mnt = "/tmp/btrfs-bench";
        try {
            host.check(Command.of("mkdir", "-p", mnt));
            host.check(Command.of("mount", dev, mnt));
            local.run("losetup", "-d", dev);
            Btrfs btrfs = Btrfs.on(host, Ops.inMemory());
            String vol = mnt + "/vol";
            btrfs.subvolume(vol).present().apply();
            host.check(Command.of("mkdir", mnt + "/snaps"));
            boolean single = Arrays.asList(args).contains("--single");
            double[] bash = new double[runs];
            double[] batch = new double[runs];
            double[] ops = new double[runs];
            java.util.List<String> paths = java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> mnt + "/snaps/p" + i).toList();
            String loop = "for i in $(seq 1 " + n + "); do btrfs subvolume snapshot -r " + vol + " " + mnt + "/snaps/b$i >/dev/null || exit 1; done; "
                    + "btrfs subvolume list -p -u -q -R -g -c " + mnt + " >/dev/null && btrfs subvolume list -r " + mnt + " >/dev/null || exit 1; "
                    + "for i in $(seq 1 " + n + "); do btrfs subvolume delete " + mnt + "/snaps/b$i >/dev/null || exit 1; done";
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                host.check(Command.of("bash", "-c", loop).withTimeout(java.time.Duration.ofMinutes(30)));
                bash[r] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                btrfs.snapshotsOf(vol).present(paths).apply();
                if (btrfs.list(mnt).size() != n + 1) {
                    throw new IllegalStateException("expected " + (n + 1) + " subvolumes");
                }
                btrfs.snapshotsOf(vol).absent(paths).apply();
                batch[r] = (System.nanoTime() - t0) / 1e9;
                if (!single) {
                    OUT.printf("run %d: bash %.3f s, ops batch %.3f s%n", r + 1, bash[r], batch[r]);
                    continue;
                }
                t0 = System.nanoTime();
                for (int i = 1; i <= n; i++) {
                    btrfs.snapshot(mnt + "/snaps/o" + i).of(vol).present().apply();
                }
                if (btrfs.list(mnt).size() != n + 1) {
                    throw new IllegalStateException("expected " + (n + 1) + " subvolumes");
                }
                for (int i = 1; i <= n; i++) {
                    btrfs.snapshot(mnt + "/snaps/o" + i).absent().apply();
                }
                ops[r] = (System.nanoTime() - t0) / 1e9;
                OUT.printf("run %d: bash %.3f s, ops batch %.3f s, ops single changes %.2f s%n", r + 1, bash[r], batch[r], ops[r]);
            }
            double[] ratio = new double[runs];
            for (int r = 0; r < runs; r++) {
                ratio[r] = batch[r] / bash[r];
            }
            Arrays.sort(ratio);
            Arrays.sort(bash);
            Arrays.sort(batch);
            Arrays.sort(ops);
            double b = bash[runs / 2];
            double o = batch[runs / 2];
            OUT.printf("%d snapshots created, listed, deleted: bash loop %.3f s, ops batch %.3f s (medians of %d); ops/bash = %.3f;"
                    + " median of the per-run ratios %.3f%n", n, b, o, runs, o / b, ratio[runs / 2]);
            if (single) {
                OUT.printf("ops as %d single changes each way: %.2f s (median); single/bash = %.2f%n", n, ops[runs / 2], ops[runs / 2] / b);
            }
        } finally {
            host.run(Command.of("umount", mnt));
            host.close();
            String left = local.run("losetup", "-n", "-O", "NAME", "-j", img).stdoutText().strip();
            if (!left.isEmpty()) {
                local.run("losetup", "-d", left);
            }
            local.run("rm", "-rf", dir.toString());
        }
    }

    private static int arg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return dev.ops.core.text.AsciiNumbers.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
