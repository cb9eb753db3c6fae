package dev.ops.micrometer;

import dev.ops.core.audit.AuditRecord;
import dev.ops.core.change.ApplyEvent;
import dev.ops.core.change.ApplyListener;
import dev.ops.core.change.Step;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Meters for every apply made in an {@code Ops}: add it with {@code Ops.builder().listener(OpsMetrics.of(registry))}.
 *
 * <ul>
 *   <li>{@code ops.apply} (timer): each apply, by {@code change} (the change type, e.g. {@code UserChange}) and
 *       {@code outcome} ({@code applied}, {@code rolled_back}, {@code failed});</li>
 *   <li>{@code ops.apply.steps} (timer): each step run, by {@code change} and {@code outcome} ({@code ok}, {@code failed});</li>
 *   <li>{@code ops.rollback.steps} (counter): each step a rollback undid or failed to undo, by {@code change} (the type
 *       when this process applied it, else {@code unknown}) and {@code outcome} ({@code undone}, {@code undo_failed}).</li>
 * </ul>
 */
public final class OpsMetrics implements ApplyListener {
    private static final int REMEMBERED_APPLIES = 10_000;

    private final MeterRegistry registry;
    /** The change type of the applies this process made, by journal id, so that their later rollbacks carry it. */
    private final Map<String, String> types = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_APPLIES;
        }
    });

    private OpsMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Meters registered in {@code registry}. */
    public static OpsMetrics of(MeterRegistry registry) {
        return new OpsMetrics(registry);
    }

    @Override
    public void planned(ApplyEvent apply) {
        types.put(apply.id(), apply.changeType());
    }

    @Override
    public void stepFinished(ApplyEvent apply, int index, Step step, Duration took) {
        step(apply, "ok", took);
    }

    @Override
    public void stepFailed(ApplyEvent apply, int index, Step step, RuntimeException failure, Duration took) {
        step(apply, "failed", took);
    }

    @Override
    public void finished(ApplyEvent apply, ApplyEvent.Outcome outcome, Duration took) {
        Timer.builder("ops.apply").description("Applies of changes, from the plan journaled to the last step (or rollback)")
                .tag("change", apply.changeType()).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).record(took);
    }

    @Override
    public void stepUndone(AuditRecord record) {
        Counter.builder("ops.rollback.steps").description("Steps a rollback undid or failed to undo")
                .tag("change", types.getOrDefault(record.applyId(), "unknown"))
                .tag("outcome", record.outcome().name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    private void step(ApplyEvent apply, String outcome, Duration took) {
        Timer.builder("ops.apply.steps").description("Steps run by applies").tag("change", apply.changeType()).tag("outcome", outcome)
                .register(registry).record(took);
    }
}
