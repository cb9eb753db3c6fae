package dev.ops.sto.zfs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.sto.zfs.ZfsProperty;
import java.util.List;

/**
 * One property of a dataset set locally, or inherited again; rollback puts back what was there: the
 * old local value, or inheritance.
 */
public final class PropertyChange extends HostChange<ZfsProperty, Void> {
    private final String name;
    private final String property;
    /** The value to set; null to inherit. */
    private final String value;

    private PropertyChange(Host host, Ops ops, String name, String property, String value) {
        super(host, ops);
        this.name = name;
        this.property = property;
        this.value = value;
    }

    /** {@code zfs set property=value name}. */
    public static Change<ZfsProperty> set(Host host, Ops ops, String name, String property, String value) {
        return new PropertyChange(host, ops, name, property, java.util.Objects.requireNonNull(value, "value"));
    }

    /** {@code zfs inherit property name}. */
    public static Change<ZfsProperty> inherit(Host host, Ops ops, String name, String property) {
        return new PropertyChange(host, ops, name, property, null);
    }

    @Override
    public String description() {
        return "zfs " + (value != null ? "set " + property + "=" + value : "inherit " + property) + " on " + name + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        if (name != null && name.indexOf('@') >= 0) {
            ZfsNames.checkSnapshot(v, "name", name);
        } else {
            ZfsNames.checkDataset(v, "name", name);
        }
        if (value == null) {
            ZfsPropertyRules.checkName(v, "property", property);
        } else {
            ZfsPropertyRules.check(v, "property", property, value, false, false);
        }
    }

    @Override
    protected Planned<Void> planSteps() {
        ZfsHost.require(host, "name", name);
        ZfsProperty now = ZfsHost.property(host, name, property).orElse(null);
        if (now == null) {
            Violations.of("zfs property").add("property", "'" + property + "' is not a property of " + name + " on " + host.name()).throwIfAny();
        }
        ZfsAction restore = now.isLocal() ? ZfsAction.of(host.name(), name, "zfs", "set", property + "=" + now.value(), name)
                : ZfsAction.of(host.name(), name, "zfs", "inherit", property, name);
        if (value != null) {
            if (now.isLocal() && ZfsPropertyRules.same(property, now.value(), value)) {
                return Planned.none(null);
            }
            return Planned.of(List.of(Step.of("set " + property + " of " + name + " to " + value + " (was " + now.value() + ", " + now.source() + ")",
                    ZfsAction.of(host.name(), name, "zfs", "set", property + "=" + value, name), restore)));
        }
        if (!now.isLocal()) {
            return Planned.none(null);
        }
        return Planned.of(List.of(Step.of("inherit " + property + " of " + name + " (was " + now.value() + ", local)",
                ZfsAction.of(host.name(), name, "zfs", "inherit", property, name), restore)));
    }

    @Override
    protected ZfsProperty result(Void context) {
        return ZfsHost.property(host, name, property).orElseThrow();
    }
}
