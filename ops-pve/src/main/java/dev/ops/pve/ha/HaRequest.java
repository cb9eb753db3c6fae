package dev.ops.pve.ha;

import dev.ops.core.error.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a guest is to be HA-managed: the requested state and, optionally, its HA group.
 *
 * <pre>{@code
 * client.changes(ops).haAdd(vm, r -> r.state("started").group("primary"));
 * }</pre>
 */
@Value.Immutable
public abstract class HaRequest {
    /** The states Proxmox accepts. */
    public static final List<String> STATES = List.of("started", "stopped", "enabled", "disabled", "ignored");

    /** The requested state; {@code started} when not set. */
    @Value.Default
    public String state() {
        return "started";
    }

    /** The HA group ({@code group}). */
    public abstract Optional<String> group();

    /** {@code comment}. */
    public abstract Optional<String> comment();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("HA request");
        v.check(STATES.contains(state()), "state", "'" + state() + "' is not an HA state: one of " + STATES);
        group().ifPresent(g -> v.check(g.matches("[A-Za-z][A-Za-z0-9_\\-]{0,63}"), "group", "'" + g + "' is not an HA group id"));
        v.throwIfAny();
    }

    /** Builds an {@link HaRequest}. */
    public static final class Builder extends ImmutableHaRequest.Builder {}
}
