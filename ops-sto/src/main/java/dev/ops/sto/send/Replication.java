package dev.ops.sto.send;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.sto.send.internal.SendChange;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sends snapshots from one host to another (or to another pool or file system of the same host).
 * The sending host runs {@code send | receive} as one pipeline, through {@code ssh} to the target
 * when it is another host, so the data never passes through this JVM.
 *
 * <pre>{@code
 * Replication.on(pve1, ops).zfs("tank/vm-101@today").incrementalFrom("tank/vm-101@yesterday")
 *         .to(pve2, "backup/vm-101").over("root@pve-02").send().apply();
 * }</pre>
 */
public final class Replication {
    private final Host source;
    private final Ops ops;

    private Replication(Host source, Ops ops) {
        this.source = Objects.requireNonNull(source, "source");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** Sends from {@code source}, through {@code ops}. */
    public static Replication on(Host source, Ops ops) {
        return new Replication(source, ops);
    }

    /** A ZFS snapshot ({@code dataset@name}) to send. */
    public Sending zfs(String snapshot) {
        return new Sending(true, snapshot, "", source, "", "", null);
    }

    /** A read-only Btrfs snapshot (a path) to send. */
    public Sending btrfs(String snapshot) {
        return new Sending(false, snapshot, "", source, "", "", null);
    }

    /** One send; immutable, each call returns a new one. */
    public final class Sending {
        private final boolean zfs;
        private final String snapshot;
        private final String base;
        private final Host target;
        private final String destination;
        private final String ssh;
        private final Consumer<SendProgress> progress;

        private Sending(boolean zfs, String snapshot, String base, Host target, String destination, String ssh, Consumer<SendProgress> progress) {
            this.progress = progress;
            this.zfs = zfs;
            this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
            this.base = base;
            this.target = target;
            this.destination = destination;
            this.ssh = ssh;
        }

        /** Send only the changes since {@code base} (ZFS: {@code -i}; Btrfs: {@code -p}), which the target must have. */
        public Sending incrementalFrom(String base) {
            return new Sending(zfs, snapshot, Objects.requireNonNull(base, "base"), target, destination, ssh, progress);
        }

        /** Receive on {@code target} into {@code destination} (a dataset for ZFS, a directory for Btrfs). */
        public Sending to(Host target, String destination) {
            return new Sending(zfs, snapshot, base, Objects.requireNonNull(target, "target"), Objects.requireNonNull(destination, "destination"), ssh, progress);
        }

        /** How the sending host reaches the target with ssh ({@code user@host}); needed when the target is another host. */
        public Sending over(String sshDestination) {
            return new Sending(zfs, snapshot, base, target, destination, Objects.requireNonNull(sshDestination, "sshDestination"), progress);
        }

        /**
         * Reports how many bytes have moved while the send runs (about once a second, and once more at
         * the end): the stream then passes through {@code dd status=progress} on the sending host.
         */
        public Sending progress(Consumer<SendProgress> listener) {
            return new Sending(zfs, snapshot, base, target, destination, ssh, Objects.requireNonNull(listener, "listener"));
        }

        /** The change that sends; its plan states the bytes it expects, and rollback destroys what was received. */
        public Change<SendResult> send() {
            return zfs ? SendChange.zfs(ops, source, target, snapshot, base, destination, ssh, progress)
                    : SendChange.btrfs(ops, source, target, snapshot, base, destination, ssh, progress);
        }
    }
}
