package dev.ops.sto.block;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.sto.block.internal.QueueChange;
import java.util.Objects;

/**
 * The queue settings of a host's block devices: read them, and set the I/O scheduler or the
 * read-ahead, each a change whose rollback writes the old value back.
 *
 * <pre>{@code
 * BlockDevices.on(host, ops).device("sdb").scheduler("mq-deadline").apply();
 * BlockDevices.on(host, ops).device("sdb").readAheadKb(4096).apply();
 * }</pre>
 */
public final class BlockDevices {
    private final Host host;
    private final Ops ops;

    private BlockDevices(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The block devices of {@code host}, changed through {@code ops}. */
    public static BlockDevices on(Host host, Ops ops) {
        return new BlockDevices(host, ops);
    }

    /** One device by its kernel name. */
    public Device device(String name) {
        return new Device(name);
    }

    /** One block device. */
    public final class Device {
        private final String name;

        private Device(String name) {
            this.name = name;
        }

        /** Its queue settings now. */
        public BlockQueue get() {
            return QueueChange.read(host, name);
        }

        /** The change that sets its I/O scheduler (one it offers); rollback restores the old one. */
        public Change<BlockQueue> scheduler(String scheduler) {
            return QueueChange.scheduler(host, ops, name, scheduler);
        }

        /** The change that sets its read-ahead in KiB; rollback restores the old value. */
        public Change<BlockQueue> readAheadKb(long kb) {
            return QueueChange.readAhead(host, ops, name, kb);
        }
    }
}
