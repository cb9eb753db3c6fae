package dev.ops.usr.pve;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A Proxmox VE user as {@code GET /access/users/{userid}} shows it. */
@Value.Immutable
public abstract class PveUser {

    /** The id, {@code name@realm}. */
    public abstract String userid();

    /** The e-mail address, if set. */
    public abstract Optional<String> email();

    /** The first name, if set. */
    public abstract Optional<String> firstName();

    /** The last name, if set. */
    public abstract Optional<String> lastName();

    /** The comment, if set. */
    public abstract Optional<String> comment();

    /** The groups the user belongs to, sorted. */
    public abstract List<String> groups();

    /** Whether the account may log in. */
    public abstract boolean enabled();

    /** When the account expires; empty for never. */
    public abstract Optional<Instant> expire();

    /** The ids of the user's API tokens, sorted. */
    public abstract List<String> tokens();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link PveUser}. */
    public static final class Builder extends ImmutablePveUser.Builder {}
}
