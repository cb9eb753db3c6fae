package dev.ops.srv.unit;

import dev.ops.core.error.Violations;
import dev.ops.srv.unit.internal.UnitText;
import java.util.List;
import org.immutables.value.Value;

/**
 * A drop-in for a unit, {@code /etc/systemd/system/<unit>.d/<name>}: settings that override or
 * extend the unit's own, written in section order, in the order given within a section.
 *
 * <pre>{@code
 * DropIn limits = DropIn.builder().name("50-limits.conf").service("MemoryMax", "512M").service("TasksMax", "64").build();
 * }</pre>
 */
@Value.Immutable
public abstract class DropIn {

    /** The file name, ending in {@code .conf}. */
    public abstract String name();

    /** The settings, in order. */
    public abstract List<UnitSetting> settings();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** The drop-in's text; equal values give equal bytes. */
    public String render() {
        return UnitText.render(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("drop-in");
        v.check(name().matches("[A-Za-z0-9_.@+-]+\\.conf") && !name().startsWith("."), "name",
                "'" + name() + "' must be a plain file name ending in .conf");
        v.check(!settings().isEmpty(), "settings", "a drop-in needs at least one setting");
        for (UnitSetting s : settings()) {
            v.check(UnitText.SECTIONS.contains(s.section()), "settings", "section '" + s.section() + "' is not one of " + UnitText.SECTIONS);
            v.check(s.key().matches("[A-Z][A-Za-z0-9]*"), "settings", "'" + s.key() + "' is not a unit key");
            UnitText.checkLine(v, "settings", s.value());
        }
        v.throwIfAny();
    }

    /** Builds a {@link DropIn}. */
    public static final class Builder extends ImmutableDropIn.Builder {

        /** Adds {@code key=value} to {@code [Unit]}. */
        public Builder unit(String key, String value) {
            return (Builder) addSettings(new UnitSetting("Unit", key, value));
        }

        /** Adds {@code key=value} to {@code [Service]}. */
        public Builder service(String key, String value) {
            return (Builder) addSettings(new UnitSetting("Service", key, value));
        }

        /** Adds {@code key=value} to {@code [Install]}. */
        public Builder install(String key, String value) {
            return (Builder) addSettings(new UnitSetting("Install", key, value));
        }
    }
}
