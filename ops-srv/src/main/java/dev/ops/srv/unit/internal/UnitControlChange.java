package dev.ops.srv.unit.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.srv.unit.UnitNames;
import dev.ops.srv.unit.UnitState;
import java.util.List;

/**
 * One systemctl verb on one unit, planned from the unit's current state: nothing when it is
 * already there, else the verb with the opposite verb as its undo. Built by {@link dev.ops.srv.unit.Service}.
 */
public final class UnitControlChange extends HostChange<String, Void> {

    /** The verbs, each with what it reads and what undoes it. */
    public enum Verb {
        ENABLE(true), DISABLE(true), MASK(true), UNMASK(true), START(false), STOP(false), RESTART(false), RELOAD(false);

        private final boolean fileState;

        Verb(boolean fileState) {
            this.fileState = fileState;
        }

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String root;
    private final String unit;
    private final Verb verb;

    private UnitControlChange(Host host, Ops ops, String root, String unit, Verb verb) {
        super(host, ops);
        this.root = root;
        this.unit = unit;
        this.verb = verb;
    }

    /** {@code verb} on {@code unit}, with systemctl working on {@code root}. */
    public static UnitControlChange of(Host host, Ops ops, String root, String unit, Verb verb) {
        return new UnitControlChange(host, ops, root, unit, verb);
    }

    /** The live state of {@code unit} from {@code systemctl show}, Key=value lines (never {@code --value}). */
    public static UnitState show(Host host, String unit) {
        return UnitState.of(Systemd.properties(host.check(Systemd.systemctlRead("/", "show", "--property=" + UnitState.PROPERTIES, "--", unit))
                .stdoutText()));
    }

    @Override
    public String description() {
        return "systemctl " + verb.word() + " " + unit + (root.equals("/") ? "" : " in " + root) + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        UnitNames.check(v, "name", unit);
        v.check(root.equals("/") || verb.fileState, "root", "'" + verb.word() + "' needs a running systemd; only enable, disable, "
                + "mask and unmask work on another root (" + root + ")");
    }

    @Override
    protected Planned<Void> planSteps() {
        String host = this.host.name();
        if (verb.fileState) {
            String state = Systemd.fileState(this.host, root, unit);
            boolean done = switch (verb) {
                case ENABLE -> state.equals("enabled") || state.equals("enabled-runtime") || state.equals("static") || state.equals("alias");
                case DISABLE -> !state.startsWith("enabled");
                case MASK -> state.startsWith("masked");
                case UNMASK -> !state.startsWith("masked");
                default -> throw new IllegalStateException();
            };
            if (done) {
                return Planned.none(null);
            }
            Verb undo = switch (verb) {
                case ENABLE -> Verb.DISABLE;
                case DISABLE -> Verb.ENABLE;
                case MASK -> Verb.UNMASK;
                default -> Verb.MASK;
            };
            String local = (root.equals("/") ? "" : root) + "/etc/systemd/system/" + unit;
            if (verb == Verb.MASK && this.host.run(dev.ops.core.host.Command.of("test", "-f", local)).ok()) {
                // the mask is a link to /dev/null at that very path, so systemctl would fail at apply
                throw new dev.ops.core.error.ConflictException("unit " + unit, "cannot mask " + unit + " on " + host + ": its unit file "
                        + local + " is in /etc/systemd/system, where the mask link would go; remove it with absent() instead", false);
            }
            return new Planned<>(List.of(step(host, "was " + state, undo)), List.of(), null);
        }
        UnitState state = show(this.host, unit);
        if (!state.exists()) {
            throw new dev.ops.core.error.NotFoundException("unit " + unit, "unit " + unit + " is not loaded on " + host);
        }
        return switch (verb) {
            case START -> state.isActive() ? Planned.none(null) : Planned.of(List.of(step(host, "was " + state.activeState(), Verb.STOP)));
            case STOP -> !state.isActive() ? Planned.none(null) : Planned.of(List.of(step(host, "was " + state.activeState(), Verb.START)));
            // a restart of a running unit leaves it running: nothing to undo; of a stopped one, it is stopped again
            case RESTART -> Planned.of(List.of(state.isActive()
                    ? Step.irreversible(verb.word() + " " + unit + " (was running)", action(host, verb))
                    : step(host, "was " + state.activeState(), Verb.STOP)));
            case RELOAD -> {
                if (!state.isActive()) {
                    throw new dev.ops.core.error.ConflictException("unit " + unit, "unit " + unit + " on " + host + " is "
                            + state.activeState() + ", so it cannot reload", false);
                }
                yield Planned.of(List.of(Step.irreversible("reload " + unit, action(host, verb))));
            }
            default -> throw new IllegalStateException();
        };
    }

    private Step step(String host, String was, Verb undo) {
        return Step.of(verb.word() + " " + unit + " (" + was + ")", action(host, verb), action(host, undo));
    }

    private CommandAction action(String host, Verb v) {
        return CommandAction.of(host, Systemd.systemctl(root, v.word(), "--", unit));
    }

    @Override
    protected String result(Void context) {
        return verb.fileState ? Systemd.fileState(host, root, unit) : show(host, unit).activeState();
    }
}
