package dev.ops.sto.safety;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.Plan;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.sto.safety.internal.SafetyStepChange;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Snapshot a volume, apply a change, run a check; when the change or the check fails, everything is
 * rolled back and the volume returns to the snapshot. One plan (the snapshot, the change's steps, the
 * check), one journal record, one rollback; the snapshot is kept after success.
 *
 * <pre>{@code
 * Change<PackageTransaction> safe = SafetySnapshot.on(host, ops).of(Volume.lvm("pve/root", 8L << 30))
 *         .check(Command.of("systemctl", "is-system-running"))
 *         .around(Packages.on(host, ops).upgrade());
 * }</pre>
 */
public final class SafetySnapshot {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'ops-safety-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Host host;
    private final Ops ops;

    private SafetySnapshot(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** Safety snapshots on {@code host}, through {@code ops}. */
    public static SafetySnapshot on(Host host, Ops ops) {
        return new SafetySnapshot(host, ops);
    }

    /** A safety snapshot of {@code volume}, named {@code ops-safety-<UTC time now>} unless {@link Guard#named named}. */
    public Guard of(Volume volume) {
        return new Guard(Objects.requireNonNull(volume, "volume"), NAME.format(ops.clock().instant()), Command.of("true"));
    }

    /** What to snapshot and check; immutable, each call returns a new one. */
    public final class Guard {
        private final Volume volume;
        private final String name;
        private final Command check;

        private Guard(Volume volume, String name, Command check) {
            this.volume = volume;
            this.name = name;
            this.check = check;
        }

        /** The snapshot's name (without the dataset or group). */
        public Guard named(String name) {
            return new Guard(volume, Objects.requireNonNull(name, "name"), check);
        }

        /** The check run after the change; a non-zero exit rolls everything back. */
        public Guard check(Command check) {
            return new Guard(volume, name, Objects.requireNonNull(check, "check"));
        }

        /** The snapshot, {@code change} and the check as one change yielding what {@code change} yields. */
        public <T> Change<T> around(Change<T> change) {
            Change<List<Object>> all = Changes.sequence(SafetyStepChange.snapshot(host, ops, volume, name), Objects.requireNonNull(change, "change"),
                    SafetyStepChange.check(host, ops, check));
            return new Wrapped<>(all, "safety snapshot of " + volume + " around " + change.description());
        }
    }

    /** The sequence, yielding its middle member's value. */
    private static final class Wrapped<T> implements Change<T> {
        private final Change<List<Object>> all;
        private final String description;

        Wrapped(Change<List<Object>> all, String description) {
            this.all = all;
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public Plan plan() {
            return all.plan();
        }

        @Override
        public Applied<T> apply() {
            return unwrap(all.apply());
        }

        @Override
        public Applied<T> apply(Plan reviewed) {
            return unwrap(all.apply(reviewed));
        }

        @SuppressWarnings("unchecked")
        private Applied<T> unwrap(Applied<List<Object>> done) {
            return new Applied<>((T) done.value().get(1), done.plan(), done.rollbackHandle());
        }
    }
}
