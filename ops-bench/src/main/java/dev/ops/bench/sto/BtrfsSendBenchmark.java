package dev.ops.bench.sto;

import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.sto.btrfs.Btrfs;
import dev.ops.sto.send.Replication;
import dev.ops.testkit.sandbox.SandboxHost;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Incremental Btrfs send/receive of a 1 GiB file with 1% of its blocks changed (160 random 64 KiB
 * blocks), between two Btrfs file systems on loop devices on this machine, as ops runs on a node:
 * through {@link LocalHost}, with the file systems mounted in a mount namespace of the benchmark's
 * own (start it with {@code unshare --mount --propagation private}: it refuses to mount anything in
 * the machine's namespace). With {@code --sandbox} both sides run in a {@link SandboxHost} instead,
 * every command entering its namespaces through {@code nsenter}. It compares (a)
 * {@code btrfs send -p s1 s2 | btrfs receive dst} in one shell, against (b) ops's
 * {@code Replication.btrfs(s2).incrementalFrom(s1).to(host, dst).send().apply()} (plan, replan under
 * the lock, the same pipeline, read-back). The received snapshot is deleted between runs, and Btrfs's cleanup of it awaited; runs
 * alternate. Must run as root, with btrfs-progs.
 *
 * <p>Arguments: {@code --sandbox} (see above), {@code --runs N} (default 5; medians), {@code --mib N} (file size, default 1024), {@code --percent N}
 * (share of the file rewritten between the snapshots, default 1), {@code --warmup N} (sends through ops
 * before the measured runs, not counted; default 0), {@code --file-store} (journal to a
 * {@code FileStateStore} in the temporary directory, fsynced, instead of memory), {@code --trace} (print each command ops ran in every run,
 * with its time, and the rest spent in the JVM).
 */
public final class BtrfsSendBenchmark {
    private static final PrintStream OUT = System.out;

    private BtrfsSendBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = arg(args, "--runs", 5);
        // ops-testkit (on the class path for SandboxHost) checks every plan's purity by default: two `find`s in the sandbox per plan.
        System.setProperty("ops.testkit.planPurity", "false");
        int mib = arg(args, "--mib", 1024);
        int percent = arg(args, "--percent", 1);
        int warmup = arg(args, "--warmup", 0);
        boolean fileStore = Arrays.asList(args).contains("--file-store");
        boolean trace = Arrays.asList(args).contains("--trace");
        boolean sandbox = Arrays.asList(args).contains("--sandbox");
        if (!sandbox && sharesMachineMounts()) {
            throw new IllegalStateException("this JVM shares the machine's mount namespace: start it with `unshare --mount --propagation private`"
                    + " (or pass --sandbox), so that the benchmark's mounts stay its own");
        }
        Path dir = Files.createTempDirectory("ops-send-bench");
        LocalHost local = LocalHost.create();
        Host host = sandbox ? SandboxHost.builder().name("send-bench").build() : local;
        String[] images = {dir.resolve("src.img").toString(), dir.resolve("dst.img").toString()};
        String[] mounts = {"/tmp/send-src", "/tmp/send-dst"};
        try {
            for (int i = 0; i < 2; i++) {
                // Btrfs frees a deleted snapshot's space lazily: room for every increment received, besides the full copy
                long increments = (long) (warmup + runs) * mib * percent / 100;
                local.check(Command.of("truncate", "-s", (mib * 2 + 512 + increments) + "M", images[i]));
                local.check(Command.of("mkfs.btrfs", "-q", images[i]));
                String dev = local.check(Command.of("losetup", "--find", "--show", images[i])).stdoutText().strip();
                host.check(Command.of("mkdir", "-p", mounts[i]));
                host.check(Command.of("mount", dev, mounts[i]));
                local.run("losetup", "-d", dev);
            }
            double[] step = {0};
            long[] at = new long[4]; // when the apply was planned, its step started and finished, and the apply finished
            Ops base = fileStore ? Ops.builder().store(dev.ops.core.store.FileStateStore.open(dir.resolve("state"))).build() : Ops.inMemory();
            Ops ops = base.toBuilder().listener(new dev.ops.core.change.ApplyListener() {
                @Override
                public void planned(dev.ops.core.change.ApplyEvent apply) {
                    at[0] = System.nanoTime();
                }

                @Override
                public void stepStarted(dev.ops.core.change.ApplyEvent apply, int index, dev.ops.core.change.Step s) {
                    at[1] = System.nanoTime();
                }

                @Override
                public void stepFinished(dev.ops.core.change.ApplyEvent apply, int index, dev.ops.core.change.Step s, Duration took) {
                    at[2] = System.nanoTime();
                    step[0] = took.toNanos() / 1e9; // the send | receive step alone, without the plan's reads
                }

                @Override
                public void finished(dev.ops.core.change.ApplyEvent apply, dev.ops.core.change.ApplyEvent.Outcome outcome, Duration took) {
                    at[3] = System.nanoTime();
                }
            }).build();
            Btrfs btrfs = Btrfs.on(host, ops);
            // every command ops runs, with its time in milliseconds, for --trace
            java.util.List<String[]> commands = new java.util.ArrayList<>();
            Host traced = dev.ops.core.host.ObservedHost.of(host, (command, result, took) -> {
                String shown = String.join(" ", command.argv());
                commands.add(new String[] {shown.length() > 90 ? shown.substring(0, 90) + "..." : shown,
                        String.format(java.util.Locale.ROOT, "%.1f", took.toNanos() / 1e6)});
            });
            String vol = mounts[0] + "/vol";
            btrfs.subvolume(vol).present().apply();
            Duration long_ = Duration.ofMinutes(30);
            host.check(Command.of("sh", "-c", "head -c " + mib + "M /dev/urandom > " + vol + "/data && sync").withTimeout(long_));
            String s1 = mounts[0] + "/s1";
            String s2 = mounts[0] + "/s2";
            btrfs.snapshot(s1).of(vol).present().apply();
            int blocks = mib * 16 * percent / 100; // percent of the file in 64 KiB blocks
            host.check(Command.of("sh", "-c", "for i in $(seq 1 " + blocks + "); do dd if=/dev/urandom of=" + vol + "/data bs=64K count=1 "
                    + "seek=$(shuf -i 0-" + (mib * 16 - 1) + " -n 1) conv=notrunc status=none; done; sync").withTimeout(long_));
            btrfs.snapshot(s2).of(vol).present().apply();
            host.check(Command.of("sh", "-c", "btrfs send -q " + s1 + " | btrfs receive " + mounts[1] + " >/dev/null").withTimeout(long_));
            long bytes = dev.ops.core.text.AsciiNumbers.parseLong(host.check(Command.of("sh", "-c", "btrfs send -q -p " + s1 + " " + s2 + " | wc -c")).stdoutText().strip());
            String received = mounts[1] + "/s2";
            double[] pipe = new double[runs];
            double[] viaOps = new double[runs];
            double[] transfer = new double[runs];
            for (int w = 0; w < warmup; w++) { // the same send through ops, not counted: the JIT compiles the change model's code
                Replication.on(host, ops).btrfs(s2).incrementalFrom(s1).to(host, mounts[1]).send().apply();
                forget(host, received, mounts[1]);
            }
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                host.check(Command.of("bash", "-c", "set -o pipefail; btrfs send -q -p " + s1 + " " + s2 + " | btrfs receive " + mounts[1] + " >/dev/null")
                        .withTimeout(long_));
                pipe[r] = (System.nanoTime() - t0) / 1e9;
                forget(host, received, mounts[1]);
                commands.clear();
                t0 = System.nanoTime();
                Replication.on(traced, ops).btrfs(s2).incrementalFrom(s1).to(traced, mounts[1]).send().apply();
                long t1 = System.nanoTime();
                viaOps[r] = (t1 - t0) / 1e9;
                if (trace) {
                    OUT.printf("    phases: to planned %.1f ms, to step start %.1f ms, step %.1f ms, to finished %.1f ms, to return %.1f ms%n",
                            (at[0] - t0) / 1e6, (at[1] - at[0]) / 1e6, (at[2] - at[1]) / 1e6, (at[3] - at[2]) / 1e6, (t1 - at[3]) / 1e6);
                    double inCommands = 0;
                    for (String[] c : commands) {
                        OUT.printf("    %s ms  %s%n", c[1], c[0]);
                        inCommands += Double.parseDouble(c[1]);
                    }
                    OUT.printf("    %.1f ms in %d commands, %.1f ms in the JVM (plan, journal, listeners)%n", inCommands, commands.size(),
                            viaOps[r] * 1000 - inCommands);
                }
                transfer[r] = step[0];
                forget(host, received, mounts[1]);
                OUT.printf("run %d: pipe %.3f s, ops %.3f s (its send step %.3f s)%n", r + 1, pipe[r], viaOps[r], transfer[r]);
            }
            double[] ratios = new double[runs]; // ops throughput / pipe throughput, run by run
            for (int r = 0; r < runs; r++) {
                ratios[r] = pipe[r] / viaOps[r];
            }
            Arrays.sort(ratios);
            Arrays.sort(pipe);
            Arrays.sort(viaOps);
            Arrays.sort(transfer);
            double p = pipe[runs / 2];
            double o = viaOps[runs / 2];
            double t = transfer[runs / 2];
            OUT.printf("incremental stream %d bytes (%d MiB file, %d blocks of 64 KiB changed): pipe %.3f s (%.1f MiB/s), ops %.3f s (%.1f MiB/s); "
                    + "ops throughput / pipe = %.2f (medians of %d)%n", bytes, mib, blocks, p, bytes / p / 1048576, o, bytes / o / 1048576, p / o, runs);
            OUT.printf("the send step alone (the stream, without the change's reads and journal): %.3f s (%.1f MiB/s); step / pipe = %.2f%n",
                    t, bytes / t / 1048576, p / t);
            OUT.printf("median of the per-run ratios (ops throughput / pipe, each ops run against the pipe run just before it): %.2f%n", ratios[runs / 2]);
        } finally {
            for (String m : mounts) {
                host.run(Command.of("umount", m));
                host.run(Command.of("rmdir", m));
            }
            host.close();
            for (String img : images) {
                String left = local.run("losetup", "-n", "-O", "NAME", "-j", img).stdoutText().strip();
                if (!left.isEmpty()) {
                    local.run("losetup", "-d", left);
                }
            }
            local.run("rm", "-rf", dir.toString());
        }
    }

    /**
     * Deletes the received snapshot and waits until Btrfs has cleaned it up ({@code btrfs subvolume
     * sync}): its cleaner would otherwise free the extents while the next run streams, slowing
     * whichever side comes next. The delete commits ({@code -c}), or the sync would wait for the
     * next periodic commit (30 s).
     */
    private static void forget(Host host, String received, String mount) {
        host.check(Command.of("btrfs", "subvolume", "delete", "-c", received));
        host.check(Command.of("btrfs", "subvolume", "sync", mount).withTimeout(Duration.ofMinutes(5)));
    }

    /**
     * Whether this JVM is in the mount namespace of the machine's init, or, where that cannot be
     * read (a container's), of the process that started it.
     */
    private static boolean sharesMachineMounts() throws java.io.IOException {
        Path own = Files.readSymbolicLink(Path.of("/proc/self/ns/mnt"));
        try {
            return own.equals(Files.readSymbolicLink(Path.of("/proc/1/ns/mnt")));
        } catch (java.nio.file.AccessDeniedException e) {
            long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
            return own.equals(Files.readSymbolicLink(Path.of("/proc/" + parent + "/ns/mnt")));
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
