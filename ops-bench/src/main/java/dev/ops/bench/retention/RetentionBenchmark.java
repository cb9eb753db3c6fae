package dev.ops.bench.retention;

import dev.ops.core.retention.RetentionItem;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Times {@link RetentionPolicy#plan} over 100,000 snapshots in 20 groups (5,000 per group, one
 * every 47 minutes with jitter, so about 5.5 months per group, input shuffled) with every keep rule
 * set, in Europe/Berlin: cold (the first plan in this JVM), then warm (the median of
 * {@code --runs} plans after {@code --warmup} plans), with the bytes this thread allocated per plan.
 *
 * <p>Arguments: {@code --snapshots N} (default 100000), {@code --groups N} (default 20),
 * {@code --warmup N} (default 30), {@code --runs N} (default 31).
 */
public final class RetentionBenchmark {
    private static final PrintStream OUT = System.out;

    private RetentionBenchmark() {}

    public static void main(String[] args) {
        int snapshots = arg(args, "--snapshots", 100_000);
        int groups = arg(args, "--groups", 20);
        int warmup = arg(args, "--warmup", 30);
        int runs = arg(args, "--runs", 31);
        Instant now = Instant.parse("2026-06-30T12:00:00Z");
        Random random = new Random(42);
        List<RetentionItem> items = new ArrayList<>(snapshots);
        for (int i = 0; i < snapshots; i++) {
            int g = i % groups;
            int k = i / groups;
            Instant t = now.minus(Duration.ofMinutes(47L * k + random.nextInt(20)));
            items.add(RetentionItem.of("vm-" + (100 + g) + "@auto-" + k, t).inGroup("tank/vm-" + (100 + g)));
        }
        Collections.shuffle(items, random);
        RetentionPolicy policy = RetentionPolicy.builder().zone("Europe/Berlin").keepLast(5).keepHourly(24).keepDaily(14).keepWeekly(8)
                .keepMonthly(12).keepYearly(5).build();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        RetentionPlan first = policy.plan(items, now);
        double cold = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < warmup; i++) {
            policy.plan(items, now);
        }
        double[] ms = new double[runs];
        long[] bytes = new long[runs];
        long tid = Thread.currentThread().threadId();
        for (int i = 0; i < runs; i++) {
            long a0 = threads.getThreadAllocatedBytes(tid);
            long s = System.nanoTime();
            policy.plan(items, now);
            ms[i] = (System.nanoTime() - s) / 1e6;
            bytes[i] = threads.getThreadAllocatedBytes(tid) - a0;
        }
        Arrays.sort(ms);
        Arrays.sort(bytes);
        OUT.printf("snapshots %d in %d groups; kept %d, removed %d%n", snapshots, groups, first.kept().size(), first.removed().size());
        OUT.printf("cold plan: %.1f ms%n", cold);
        OUT.printf("warm plan: median %.1f ms (min %.1f, max %.1f) over %d runs%n", ms[runs / 2], ms[0], ms[runs - 1], runs);
        OUT.printf("allocated per warm plan: median %.1f MiB%n", bytes[runs / 2] / 1048576.0);
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
