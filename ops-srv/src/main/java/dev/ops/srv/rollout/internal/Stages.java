package dev.ops.srv.rollout.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.internal.HaproxyCommandAction;
import dev.ops.srv.health.HealthCheck;
import dev.ops.srv.rollout.GateFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Collects a rollout's stages in order: runtime commands decided from one snapshot, updates, gates. */
public final class Stages {
    private final HaproxyRuntime runtime;
    private final Ops ops;
    private final String backend;
    private final List<Change<?>> stages = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int gates;

    Stages(HaproxyRuntime runtime, Ops ops, String backend) {
        this.runtime = runtime;
        this.ops = ops;
        this.backend = backend;
    }

    /** Sets each server's administrative state to {@code to}, undone by the state it had ({@code from}); servers already there are left. */
    Stages states(String stage, Map<String, String> from, String to) {
        List<Step> steps = new ArrayList<>();
        from.forEach((server, was) -> {
            if (!was.equals(to)) {
                steps.add(Step.of(stage + ": " + to + " " + backend + "/" + server + " (was " + was + ")",
                        command("set server " + backend + "/" + server + " state " + to),
                        command("set server " + backend + "/" + server + " state " + was)));
            }
        });
        return commands(stage, steps);
    }

    /** Sets {@code server}'s weight from {@code from} to {@code to}. */
    Stages weight(String stage, String server, int from, int to) {
        if (from == to) {
            return this;
        }
        return commands(stage, List.of(Step.of(stage + ": weight of " + backend + "/" + server + " from " + from + " to " + to,
                command("set weight " + backend + "/" + server + " " + to), command("set weight " + backend + "/" + server + " " + from))));
    }

    private HaproxyCommandAction command(String line) {
        return new HaproxyCommandAction(runtime.name(), line);
    }

    private Stages commands(String stage, List<Step> steps) {
        if (!steps.isEmpty()) {
            stages.add(new StepsChange(ops, stage, steps, Targets.none().with(runtime.name(), runtime)));
        }
        return this;
    }

    /** The update of each server, the user's changes. */
    Stages updates(List<String> servers, Function<String, Change<?>> update) {
        servers.forEach(s -> stages.add(update.apply(s)));
        return this;
    }

    /** A gate that waits for {@code gate} to pass. */
    Stages gate(String stage, Gate gate) {
        String name = "gate:" + runtime.name() + "/" + backend + "#" + (++gates);
        String what = stage + ": " + gate.describe();
        Gate labelled = new Gate() {
            @Override
            public String describe() {
                return what;
            }

            @Override
            public void pass() {
                try {
                    gate.pass();
                } catch (GateFailedException e) {
                    throw new GateFailedException(what, e.reason());
                }
            }
        };
        stages.add(new StepsChange(ops, "gate " + what, List.of(Step.of("gate " + what, new RolloutGateAction(name, what, false),
                new RolloutGateAction(name, what, true))), Targets.none().with(name, labelled)));
        return this;
    }

    /** A gate on the servers' health: HAProxy's view and their checks. */
    Stages healthy(String stage, List<String> servers, Function<String, List<HealthCheck>> checks, Duration timeout) {
        Map<String, List<HealthCheck>> byServer = new LinkedHashMap<>();
        servers.forEach(s -> byServer.put(s, List.copyOf(checks.apply(s))));
        return gate(stage, new HealthyGate(runtime, backend, byServer, timeout));
    }

    /** A change of the configuration file, where the rollout persists its end state. */
    Stages persist(Change<String> change) {
        stages.add(change);
        return this;
    }

    /** A remark for the plan's reader. */
    Stages note(String note) {
        notes.add(note);
        return this;
    }

    /** The stages so far, with the remarks. */
    Planned list() {
        return new Planned(stages, notes);
    }

    /**
     * A rollout's stages as planned from one snapshot, and remarks for the plan.
     *
     * @param stages the stages, in order
     * @param notes remarks the plan shows
     */
    public record Planned(List<Change<?>> stages, List<String> notes) {
        public Planned {
            stages = List.copyOf(stages);
            notes = List.copyOf(notes);
        }
    }
}
