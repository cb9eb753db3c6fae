package dev.ops.srv.health;

import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.srv.unit.Service;
import java.util.Objects;
import java.util.function.Consumer;

/** What a {@link Healer} does about a failing check; throws when healing itself failed. */
public interface HealAction {

    /** What the action does, for audit records. */
    String describe();

    /** Heals after {@code event} made the check unhealthy. */
    void heal(HealthEvent event);

    /** Restarts {@code unit} on {@code host} as a change through {@code ops} (journaled and audited there). */
    static HealAction restartUnit(Host host, Ops ops, String unit) {
        Service.UnitHandle handle = Service.on(host, ops).unit(unit);
        return new HealAction() {
            @Override
            public String describe() {
                return "restart " + unit + " on " + host.name();
            }

            @Override
            public void heal(HealthEvent event) {
                handle.restart().apply();
            }
        };
    }

    /** Runs {@code command} on {@code host}; a non-zero exit fails the heal. */
    static HealAction command(Host host, Command command) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(command, "command");
        return new HealAction() {
            @Override
            public String describe() {
                return command.render() + " on " + host.name();
            }

            @Override
            public void heal(HealthEvent event) {
                host.check(command);
            }
        };
    }

    /** Calls {@code hook}, named {@code name} in audit records. */
    static HealAction hook(String name, Consumer<HealthEvent> hook) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hook, "hook");
        return new HealAction() {
            @Override
            public String describe() {
                return "hook " + name;
            }

            @Override
            public void heal(HealthEvent event) {
                hook.accept(event);
            }
        };
    }
}
