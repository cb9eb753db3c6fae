package dev.ops.srv.haproxy.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.srv.haproxy.HaproxyRuntime;
import dev.ops.srv.haproxy.LastHealthyServerException;
import dev.ops.srv.haproxy.ServerStat;
import java.util.List;

/** Sets one server's administrative state or weight through the runtime API, undone by setting back what it had. */
public final class HaproxyServerChange extends AbstractChange<ServerStat, Void> {
    private final HaproxyRuntime runtime;
    private final String backend;
    private final String server;
    /** {@code ready}, {@code drain} or {@code maint}; null for a weight change. */
    private final String state;
    private final int weight;

    private HaproxyServerChange(HaproxyRuntime runtime, Ops ops, String backend, String server, String state, int weight) {
        super(ops);
        this.runtime = runtime;
        this.backend = backend;
        this.server = server;
        this.state = state;
        this.weight = weight;
    }

    /** Sets the administrative state to {@code state}. */
    public static HaproxyServerChange state(HaproxyRuntime runtime, Ops ops, String backend, String server, String state) {
        return new HaproxyServerChange(runtime, ops, backend, server, state, -1);
    }

    /** Sets the weight. */
    public static HaproxyServerChange weight(HaproxyRuntime runtime, Ops ops, String backend, String server, int weight) {
        return new HaproxyServerChange(runtime, ops, backend, server, null, weight);
    }

    @Override
    public String description() {
        return (state != null ? "set " + backend + "/" + server + " " + state : "set weight of " + backend + "/" + server + " to " + weight)
                + " on " + runtime.name();
    }

    @Override
    protected void validate(Violations v) {
        if (state == null) {
            v.check(weight >= 0 && weight <= 256, "weight", weight + " is not a weight from 0 to 256");
        }
    }

    @Override
    protected Targets targets() {
        return Targets.none().with(runtime.name(), runtime);
    }

    @Override
    protected Planned<Void> planSteps() {
        List<ServerStat> servers = runtime.backend(backend);
        ServerStat now = servers.stream().filter(s -> s.server().equals(server)).findFirst()
                .orElseThrow(() -> new NotFoundException("server " + backend + "/" + server, "haproxy at " + runtime.socket()
                        + " has no server " + server + " in backend " + backend));
        String target = runtime.name();
        if (state == null) {
            if (now.weight() == weight) {
                return Planned.none(null);
            }
            // weight 0 takes a server out of rotation just as a drain does
            if (weight == 0 && now.takesTraffic() && servers.stream().filter(ServerStat::takesTraffic).count() == 1) {
                throw new LastHealthyServerException(backend, server, "set weight 0 on");
            }
            return Planned.of(List.of(Step.of("weight of " + backend + "/" + server + " from " + now.weight() + " to " + weight,
                    new HaproxyCommandAction(target, "set weight " + backend + "/" + server + " " + weight),
                    new HaproxyCommandAction(target, "set weight " + backend + "/" + server + " " + now.weight()))));
        }
        String was = now.adminState();
        if (was.equals(state)) {
            return Planned.none(null);
        }
        if (!state.equals("ready") && now.takesTraffic() && servers.stream().filter(ServerStat::takesTraffic).count() == 1) {
            throw new LastHealthyServerException(backend, server, state);
        }
        return Planned.of(List.of(Step.of(state + " " + backend + "/" + server + " (was " + was + ")",
                new HaproxyCommandAction(target, "set server " + backend + "/" + server + " state " + state),
                new HaproxyCommandAction(target, "set server " + backend + "/" + server + " state " + was))));
    }

    @Override
    protected ServerStat result(Void context) {
        return runtime.server(backend, server).orElseThrow();
    }
}
