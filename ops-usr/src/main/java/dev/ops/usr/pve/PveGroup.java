package dev.ops.usr.pve;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A Proxmox VE group as {@code GET /access/groups/{groupid}} shows it. */
@Value.Immutable
public abstract class PveGroup {

    /** The id. */
    public abstract String groupid();

    /** The comment, if set. */
    public abstract Optional<String> comment();

    /** The user ids in the group, sorted. */
    public abstract List<String> members();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link PveGroup}. */
    public static final class Builder extends ImmutablePveGroup.Builder {}
}
