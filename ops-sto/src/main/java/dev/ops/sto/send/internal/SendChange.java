package dev.ops.sto.send.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Action;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.ShellQuote;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.btrfs.internal.BtrfsHost;
import dev.ops.sto.send.SendProgress;
import dev.ops.sto.send.SendResult;
import dev.ops.sto.zfs.ZfsDataset;
import dev.ops.sto.zfs.internal.ZfsAction;
import dev.ops.sto.zfs.internal.ZfsHost;
import dev.ops.sto.zfs.internal.ZfsNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One send: the sending host runs {@code send | receive} as one shell pipeline (the receive side
 * through {@code ssh} when the target is another host), so the stream flows from process to process
 * and never through the JVM. The plan states the bytes it expects ({@code zfs send -nP}) and whether
 * it resumes from a receive resume token. Rollback destroys what was received.
 */
public final class SendChange extends AbstractChange<SendResult, SendResult> {
    private static final Duration TIMEOUT = Duration.ofHours(24);

    private final boolean zfs;
    private final Host source;
    private final Host target;
    private final String snapshot;
    private final String base;
    private final String destination;
    private final String ssh;
    private final Consumer<SendProgress> progress;

    private SendChange(Ops ops, boolean zfs, Host source, Host target, String snapshot, String base, String destination, String ssh,
            Consumer<SendProgress> progress) {
        super(ops);
        this.progress = progress;
        this.zfs = zfs;
        this.source = source;
        this.target = target;
        this.snapshot = snapshot;
        this.base = base;
        this.destination = destination;
        this.ssh = ssh;
    }

    /**
     * A ZFS send of {@code snapshot} (incremental from {@code base} unless empty) into dataset
     * {@code destination} on {@code target}, reached from {@code source} by {@code ssh} (a
     * destination for {@code ssh}) unless it is the same host.
     */
    public static Change<SendResult> zfs(Ops ops, Host source, Host target, String snapshot, String base, String destination, String ssh,
            Consumer<SendProgress> progress) {
        return new SendChange(ops, true, source, target, snapshot, base, destination, ssh, progress);
    }

    /** A Btrfs send of read-only {@code snapshot} (with parent {@code base} unless empty) into directory {@code destination}. */
    public static Change<SendResult> btrfs(Ops ops, Host source, Host target, String snapshot, String base, String destination, String ssh,
            Consumer<SendProgress> progress) {
        return new SendChange(ops, false, source, target, snapshot, base, destination, ssh, progress);
    }

    /**
     * The action that runs {@code send | receive} on the sending host: the plain pipeline, or, with a
     * progress listener, one whose stream passes through {@code dd status=progress}.
     */
    private Action pipeline(List<String> send, String receive, long expected) {
        if (progress == null) {
            return CommandAction.of(source.name(), Command.of("bash", "-c", "set -o pipefail; " + ShellQuote.join(send) + " | " + receive)
                    .asRoot().withTimeout(TIMEOUT));
        }
        String file = "/tmp/ops-send-" + Integer.toHexString((snapshot + "\0" + target.name() + "\0" + destination).hashCode()) + ".progress";
        SendAction.listen(file, progress);
        return new SendAction(source.name(), "set -o pipefail; " + ShellQuote.join(send) + " | dd bs=1M status=progress 2>"
                + ShellQuote.join(List.of(file)) + " | " + receive, file, expected);
    }

    private boolean sameHost() {
        return source == target;
    }

    @Override
    public String description() {
        return (zfs ? "zfs" : "btrfs") + " send " + snapshot + (base.isEmpty() ? "" : " (from " + base + ")") + " from " + source.name()
                + " to " + destination + " on " + target.name();
    }

    @Override
    protected void validate(Violations v) {
        if (zfs) {
            ZfsNames.checkSnapshot(v, "snapshot", snapshot);
            if (!base.isEmpty()) {
                ZfsNames.checkSnapshot(v, "base", base);
                v.check(base.indexOf('@') < 0 || snapshot.indexOf('@') < 0
                        || base.substring(0, base.indexOf('@')).equals(snapshot.substring(0, snapshot.indexOf('@'))), "base", "must be a snapshot of the same dataset");
            }
            ZfsNames.checkDataset(v, "destination", destination);
        } else {
            BtrfsHost.checkPath(v, "snapshot", snapshot);
            if (!base.isEmpty()) {
                BtrfsHost.checkPath(v, "base", base);
            }
            BtrfsHost.checkPath(v, "destination", destination);
        }
        if (!sameHost()) {
            v.checkText(ssh, "ssh", s -> s.matches("[A-Za-z0-9_.@:\\[\\]-]+"), "the sending host reaches the target with ssh: give its destination (user@host)");
        }
    }

    @Override
    protected Targets targets() {
        return sameHost() ? Targets.of(source) : Targets.of(source, target);
    }

    /** The receive side as the sending host runs it: directly, or through ssh. */
    private String receiveSide(List<String> receive) {
        List<String> argv = new ArrayList<>();
        if (!sameHost()) {
            argv.addAll(List.of("ssh", "-o", "BatchMode=yes", ssh, "--", ShellQuote.join(receive)));
        } else {
            argv.addAll(receive);
        }
        return ShellQuote.join(argv);
    }

    @Override
    protected Planned<SendResult> planSteps() {
        return zfs ? planZfs() : planBtrfs();
    }

    private Planned<SendResult> planZfs() {
        ZfsHost.require(source, "snapshot", snapshot);
        if (!base.isEmpty()) {
            ZfsHost.require(source, "base", base);
        }
        String received = destination + snapshot.substring(snapshot.indexOf('@'));
        if (ZfsHost.get(target, received).isPresent()) {
            return Planned.none(new SendResult(snapshot, destination, 0, !base.isEmpty(), false));
        }
        String token = ZfsHost.property(target, destination, "receive_resume_token").map(p -> p.value()).filter(t -> !t.equals("-") && !t.isEmpty()).orElse("");
        boolean created = ZfsHost.get(target, destination).isEmpty();
        if (token.isEmpty() && !base.isEmpty()) {
            checkIncrementalTarget(created);
        }
        List<String> send = new ArrayList<>(List.of("zfs", "send"));
        if (!token.isEmpty()) {
            send.addAll(List.of("-t", token));
        } else if (!base.isEmpty()) {
            send.addAll(List.of("-i", base, snapshot));
        } else {
            send.add(snapshot);
        }
        long expected = expectedBytes(send);
        boolean resumable = !ZfsHost.capabilities(target).version().isEmpty();
        List<String> receive = new ArrayList<>(List.of("zfs", "receive"));
        if (resumable) {
            receive.add("-s");
        }
        receive.add(destination);
        List<String> notes = new ArrayList<>();
        notes.add(expected >= 0 ? "expects to move " + expected + " bytes" : "the sender cannot estimate the size (its zfs lacks send -nP)");
        if (!token.isEmpty()) {
            notes.add("resumes an interrupted receive into " + destination + " from its resume token");
        }
        ZfsAction undo = created ? ZfsAction.undo(target.name(), destination, "zfs", "destroy", "-r", destination)
                : ZfsAction.undo(target.name(), received, "zfs", "destroy", received);
        Step step = Step.of("send " + snapshot + (base.isEmpty() ? "" : " incrementally from " + base) + " to " + target.name() + ":" + destination
                + (expected >= 0 ? " (" + expected + " bytes)" : ""),
                pipeline(send, receiveSide(receive), expected), undo);
        return new Planned<>(List.of(step), notes, new SendResult(snapshot, destination, expected, !base.isEmpty(), !token.isEmpty()));
    }

    /**
     * What {@code zfs receive} of an incremental stream needs of the destination, checked at plan
     * where the receive would only fail at apply: it exists, its most recent snapshot is the base,
     * and nothing was written to it since (ZFS refuses "destination has been modified since most
     * recent snapshot"; reading with {@code atime=on} counts as a write). {@code zfs receive -F}
     * would roll it back and destroy newer snapshots: ops leaves that to the operator.
     */
    private void checkIncrementalTarget(boolean missing) {
        String where = target.name() + ":" + destination;
        if (missing) {
            throw new VolumeNotFoundException(target.name(), "destination", destination);
        }
        String from = base.substring(base.indexOf('@'));
        List<ZfsDataset> snapshots = ZfsHost.snapshots(target, destination);
        if (snapshots.stream().noneMatch(d -> d.name().equals(destination + from))) {
            throw new ConflictException(where, "has no snapshot " + from + " to receive the incremental stream from " + base
                    + " onto; send the full stream first", false);
        }
        String newest = snapshots.get(snapshots.size() - 1).name();
        if (!newest.equals(destination + from)) {
            throw new ConflictException(where, "has snapshots newer than " + from + " (the newest is " + newest.substring(destination.length())
                    + "); an incremental stream from " + base + " is received only onto its most recent snapshot", false);
        }
        ZfsHost.property(target, destination, "written").map(p -> p.value()).filter(AsciiNumbers::isDigits).map(AsciiNumbers::parseLong)
                .filter(written -> written > 0).ifPresent(written -> {
                    throw new ConflictException(where, "was modified since its most recent snapshot " + from + " (" + written
                            + " bytes written; with atime=on reading counts); roll it back to " + from + " before the incremental receive", false);
                });
    }

    private long expectedBytes(List<String> send) {
        List<String> dry = new ArrayList<>(send);
        dry.addAll(2, List.of("-n", "-P"));
        CommandResult r = source.run(Command.of(dry).asRoot());
        if (!r.ok()) {
            return -1;
        }
        for (String line : (r.stdoutText() + "\n" + r.stderrText()).split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[0].equals("size") && AsciiNumbers.isDigits(f[1])) {
                return AsciiNumbers.parseLong(f[1]);
            }
        }
        return -1;
    }

    private Planned<SendResult> planBtrfs() {
        String received = destination + snapshot.substring(snapshot.lastIndexOf('/'));
        if (!quickLook(received)) {
            BtrfsHost.require(source, "snapshot", snapshot);
            if (!base.isEmpty()) {
                BtrfsHost.require(source, "base", base);
            }
            if (!target.run(Command.of("test", "-d", destination).asRoot()).ok()) {
                throw new VolumeNotFoundException(target.name(), "destination", destination);
            }
            if (BtrfsHost.show(target, "destination", received).isPresent()) {
                return Planned.none(new SendResult(snapshot, destination, 0, !base.isEmpty(), false));
            }
        }
        List<String> send = new ArrayList<>(List.of("btrfs", "send", "-q"));
        if (!base.isEmpty()) {
            send.addAll(List.of("-p", base));
        }
        send.add(snapshot);
        Step step = Step.of("send " + BtrfsHost.printable(snapshot) + (base.isEmpty() ? "" : " with parent " + BtrfsHost.printable(base)) + " to "
                + target.name() + ":" + BtrfsHost.printable(destination),
                pipeline(send, receiveSide(List.of("btrfs", "receive", destination)), -1),
                new CommandAction(target.name(), Command.of("btrfs", "subvolume", "delete", received).asRoot(), true));
        return new Planned<>(List.of(step), List.of("btrfs send cannot estimate the size before sending"),
                new SendResult(snapshot, destination, -1, !base.isEmpty(), false));
    }

    /**
     * The common case in one look per host (in this JVM when the hosts are this machine, else one
     * shell per host that starts two {@code stat}s and nothing else): the snapshot and base are
     * Btrfs subvolume roots (inode 256 on a btrfs file system, symbolic links followed), the
     * destination is a directory and nothing is received there yet. False when anything is
     * otherwise; the plan then looks closer, to say exactly what is wrong or that the snapshot is
     * there already.
     */
    private boolean quickLook(String received) {
        if (source.isLocal() && target.isLocal()) {
            Optional<Boolean> seen = LocalLook.sendable(snapshot, base, destination, received);
            if (seen.isPresent()) {
                return seen.get();
            }
        }
        String sourceSide = "stat -L -c %i -- \"$1\" ${2:+\"$2\"} && stat -f -L -c %T -- \"$1\" ${2:+\"$2\"}";
        String targetSide = "[ -d \"$3\" ] && [ ! -e \"$4\" ] && [ ! -L \"$4\" ]";
        String subvolumes = base.isEmpty() ? "256\nbtrfs\n" : "256\n256\nbtrfs\nbtrfs\n";
        if (sameHost()) {
            CommandResult r = source.run(Command.of("sh", "-c", sourceSide + " && " + targetSide, "sh", snapshot, base, destination, received).asRoot());
            return r.ok() && r.stdoutText().equals(subvolumes);
        }
        CommandResult r = source.run(Command.of("sh", "-c", sourceSide, "sh", snapshot, base).asRoot());
        return r.ok() && r.stdoutText().equals(subvolumes)
                && target.run(Command.of("sh", "-c", targetSide, "sh", "", "", destination, received).asRoot()).ok();
    }

    @Override
    protected SendResult result(SendResult context) {
        return context;
    }
}
