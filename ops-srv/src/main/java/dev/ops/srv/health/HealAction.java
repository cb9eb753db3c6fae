package dev.ops.srv.health;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.srv.unit.Service;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /**
     * Applies the change {@code change} makes when a heal is due (so that it is planned against the
     * state then), named {@code name} in audit records; the change is journaled and audited in its own
     * {@link Ops}. This is how a healer restarts what ops-srv does not know, without depending on it:
     * a Proxmox guest through ops-pve, for one,
     * {@code HealAction.change("restart guest 101", () -> guest.status().running() ? guests.reboot(guest) : guests.start(guest))}.
     */
    static HealAction change(String name, Supplier<? extends Change<?>> change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        return new HealAction() {
            @Override
            public String describe() {
                return name;
            }

            @Override
            public void heal(HealthEvent event) {
                change.get().apply();
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
