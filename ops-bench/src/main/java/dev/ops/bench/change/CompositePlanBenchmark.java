package dev.ops.bench.change;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.Plan;
import dev.ops.core.file.ManagedFile;
import dev.ops.testkit.host.ScriptedHost;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning and rendering one composite of 1,000 file changes across 50 hosts (20 files each), the
 * hosts answering from memory (the testkit's {@link ScriptedHost}: every file missing), so that
 * what is measured is the change model itself: validation, planning, notes, policy, rendering.
 *
 * <pre>{@code java -cp "ops-bench/target/classes:$(cat ops-bench/target/classpath.txt)" org.openjdk.jmh.Main CompositePlanBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompositePlanBenchmark {
    private Change<List<Object>> composite;

    /** Builds 50 hosts and the composite of their 1,000 file changes. */
    @Setup
    public void build() {
        Ops ops = Ops.inMemory();
        List<Change<?>> changes = new ArrayList<>();
        for (int h = 0; h < 50; h++) {
            ScriptedHost host = ScriptedHost.named("node-" + h);
            host.on("sh", "-c").exit(3, "");
            for (int f = 0; f < 20; f++) {
                changes.add(ManagedFile.on(host, ops).path("/etc/lab/conf-" + f).content("key=" + h + "-" + f + "\n").mode("0640").present());
            }
        }
        composite = Changes.sequence(changes);
    }

    /** {@code plan()} of the composite: every change validated and planned, one plan. */
    @Benchmark
    public Plan plan() {
        return composite.plan();
    }

    /** {@code plan().render()}: the plan as text, grouped by host. */
    @Benchmark
    public String planAndRender() {
        return composite.plan().render();
    }
}
