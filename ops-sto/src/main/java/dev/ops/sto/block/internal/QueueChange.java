package dev.ops.sto.block.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.block.BlockQueue;
import java.util.ArrayList;
import java.util.List;

/** Sets a device's I/O scheduler or read-ahead in sysfs (live, not persisted across reboots); rollback writes the old value back. */
public final class QueueChange extends HostChange<BlockQueue, Void> {
    private static final String READ = "d=/sys/block/$1/queue; [ -d \"$d\" ] || exit 3; cat \"$d/scheduler\"; cat \"$d/read_ahead_kb\"";

    private final String device;
    private final String scheduler;
    private final long readAheadKb;

    private QueueChange(Host host, Ops ops, String device, String scheduler, long readAheadKb) {
        super(host, ops);
        this.device = device;
        this.scheduler = scheduler;
        this.readAheadKb = readAheadKb;
    }

    /** The scheduler of {@code device} set to {@code scheduler}. */
    public static Change<BlockQueue> scheduler(Host host, Ops ops, String device, String scheduler) {
        return new QueueChange(host, ops, device, scheduler, -1);
    }

    /** The read-ahead of {@code device} set to {@code kb} KiB. */
    public static Change<BlockQueue> readAhead(Host host, Ops ops, String device, long kb) {
        return new QueueChange(host, ops, device, null, kb);
    }

    /** Reads the queue settings of {@code device}, or a {@link VolumeNotFoundException}. */
    public static BlockQueue read(Host host, String device) {
        CommandResult r = host.run(Command.of("sh", "-c", READ, "sh", device));
        if (r.exitCode() == 3) {
            throw new VolumeNotFoundException(host.name(), "device", device);
        }
        return parse(device, r.orThrow().stdoutText());
    }

    /** The two lines READ prints: {@code noop [mq-deadline] none} and the read-ahead. */
    static BlockQueue parse(String device, String out) {
        String[] lines = out.split("\n");
        List<String> all = new ArrayList<>();
        String active = "";
        for (String s : lines[0].trim().split("\\s+")) {
            if (s.startsWith("[") && s.endsWith("]")) {
                active = s.substring(1, s.length() - 1);
                all.add(active);
            } else if (!s.isEmpty()) {
                all.add(s);
            }
        }
        if (active.isEmpty() && all.size() == 1) {
            active = all.get(0);
        }
        return new BlockQueue(device, active, all, AsciiNumbers.parseLong(lines[1].strip()));
    }

    @Override
    public String description() {
        return (scheduler != null ? "I/O scheduler " + scheduler : "read-ahead " + readAheadKb + " KiB") + " of " + device + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        v.checkText(device, "device", d -> d.matches("[A-Za-z0-9!._-]+") && !d.equals(".") && !d.equals(".."), "must be a kernel device name such as sda or nvme0n1");
        if (scheduler != null) {
            v.checkText(scheduler, "scheduler", s -> s.matches("[a-z0-9_-]+"), "must be a scheduler name such as mq-deadline, bfq, kyber or none");
        } else {
            v.check(readAheadKb >= 0 && readAheadKb <= 65536, "readAheadKb", "must be from 0 to 65536 KiB");
        }
    }

    private CommandAction write(String file, String value) {
        return CommandAction.of(host.name(), Command.of("sh", "-c", "printf '%s\\n' \"$2\" > \"/sys/block/$1/queue/$3\"", "sh", device, value, file).asRoot());
    }

    @Override
    protected Planned<Void> planSteps() {
        BlockQueue now = read(host, device);
        if (scheduler != null) {
            if (now.scheduler().equals(scheduler)) {
                return Planned.none(null);
            }
            if (!now.schedulers().contains(scheduler)) {
                Violations.of("block device " + device).add("scheduler", "'" + scheduler + "' is not offered by " + device + ": " + now.schedulers()).throwIfAny();
            }
            return new Planned<Void>(List.of(Step.of("set the I/O scheduler of " + device + " from " + now.scheduler() + " to " + scheduler,
                    write("scheduler", scheduler), write("scheduler", now.scheduler()))), List.of("live only: a udev rule persists it across reboots"), null);
        }
        if (now.readAheadKb() == readAheadKb) {
            return Planned.none(null);
        }
        return new Planned<Void>(List.of(Step.of("set the read-ahead of " + device + " from " + now.readAheadKb() + " to " + readAheadKb + " KiB",
                write("read_ahead_kb", Long.toString(readAheadKb)), write("read_ahead_kb", Long.toString(now.readAheadKb())))),
                List.of("live only: a udev rule persists it across reboots"), null);
    }

    @Override
    protected BlockQueue result(Void context) {
        return read(host, device);
    }
}
