package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a clean shutdown ends: how long Proxmox waits for the guest ({@code timeout}), and whether it
 * then stops the guest hard ({@code forceStop}), so that the change ends with the guest stopped
 * either way. Without a timeout, Proxmox's default applies (none for VMs, 60 s for containers).
 */
@Value.Immutable
public abstract class ShutdownRequest {

    /** How long to wait for the guest to shut down; whole seconds. */
    public abstract Optional<Duration> timeout();

    /** Stop the guest hard when it has not shut down by the timeout. */
    @Value.Default
    public boolean forceStop() {
        return false;
    }

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
        Violations v = Violations.of("shutdown request");
        timeout().ifPresent(t -> v.check(!t.isNegative() && t.toNanos() % 1_000_000_000L == 0, "timeout",
                t + " must be whole seconds, not negative"));
        v.throwIfAny();
    }

    /** Builds a {@link ShutdownRequest}. */
    public static final class Builder extends ImmutableShutdownRequest.Builder {}
}
