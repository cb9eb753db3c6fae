package dev.ops.core.retention;

import dev.ops.core.error.Violations;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One snapshot as retention sees it: an id unique in its group (a snapshot name, a backup path),
 * the group it belongs to (a dataset, a subvolume, a guest), when it was made, and what may hold
 * it: protection, or a pin by a change that can still roll back to it. Immutable; the
 * {@code with}-style methods return changed copies.
 *
 * <pre>{@code
 * RetentionItem.of("tank/vm-101@auto-2024-05-01", created).inGroup("tank/vm-101").protect();
 * }</pre>
 */
public final class RetentionItem {
    private final String id;
    private final String group;
    private final Instant time;
    private final boolean isProtected;
    private final boolean finished;
    private final String pin;
    private final long order;

    private RetentionItem(String id, String group, Instant time, boolean isProtected, boolean finished, String pin, long order) {
        this.id = id;
        this.group = group;
        this.time = time;
        this.isProtected = isProtected;
        this.finished = finished;
        this.pin = pin;
        this.order = order;
    }

    /** A finished, unprotected snapshot {@code id} made at {@code time}, in the unnamed group. */
    public static RetentionItem of(String id, Instant time) {
        Violations v = Violations.of("retention item");
        v.checkText(id, "id", s -> true, "");
        v.check(time != null, "time", "must be set");
        v.throwIfAny();
        return new RetentionItem(id, "", time, false, true, null, 0);
    }

    /** This snapshot in group {@code group}; groups are planned independently. */
    public RetentionItem inGroup(String group) {
        return new RetentionItem(id, Objects.requireNonNull(group, "group"), time, isProtected, finished, pin, order);
    }

    /** This snapshot, protected: always kept, never counted by a rule. */
    public RetentionItem protect() {
        return new RetentionItem(id, group, time, true, finished, pin, order);
    }

    /**
     * This snapshot, not finished (a backup still being written): the newest unfinished one is kept
     * while no finished one is newer, the others go, as PBS does.
     */
    public RetentionItem unfinished() {
        return new RetentionItem(id, group, time, isProtected, false, pin, order);
    }

    /** This snapshot, pinned for {@code reason} (a change that can still roll back to it): kept like a protected one. */
    public RetentionItem pinnedBy(String reason) {
        Violations.of("retention item").checkText(reason, "pin", s -> true, "").throwIfAny();
        return new RetentionItem(id, group, time, isProtected, finished, reason, order);
    }

    /**
     * This snapshot, at place {@code order} in the order its host made the group's snapshots (a ZFS
     * listing's order, a Btrfs subvolume id): of two made at the same {@link #time()}, the one with
     * the higher order is the newer. ZFS and Btrfs date snapshots to the second, so two made within
     * one second would otherwise be told apart by id; items with the same order (0 unless set) are.
     */
    public RetentionItem ordered(long order) {
        return new RetentionItem(id, group, time, isProtected, finished, pin, order);
    }

    /** The snapshot's id, unique in its group. */
    public String id() {
        return id;
    }

    /** The group; empty for the unnamed one. */
    public String group() {
        return group;
    }

    /** When the snapshot was made. */
    public Instant time() {
        return time;
    }

    /** Whether it is protected. */
    public boolean isProtected() {
        return isProtected;
    }

    /** Whether it is finished (complete). */
    public boolean isFinished() {
        return finished;
    }

    /** Why it is pinned, if it is. */
    public Optional<String> pin() {
        return Optional.ofNullable(pin);
    }

    /** Its place in the order its host made the group's snapshots (see {@link #ordered(long)}); 0 unless set. */
    public long order() {
        return order;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionItem r && r.id.equals(id) && r.group.equals(group) && r.time.equals(time)
                && r.isProtected == isProtected && r.finished == finished && Objects.equals(r.pin, pin) && r.order == order;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, group, time, isProtected, finished, pin, order);
    }

    @Override
    public String toString() {
        return (group.isEmpty() ? "" : group + ":") + id + " (" + time + (isProtected ? ", protected" : "")
                + (finished ? "" : ", unfinished") + (pin != null ? ", pinned: " + pin : "") + ")";
    }
}
