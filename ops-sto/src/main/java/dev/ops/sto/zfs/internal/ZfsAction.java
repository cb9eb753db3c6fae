package dev.ops.sto.zfs.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.ShellQuote;
import java.util.List;
import java.util.Objects;

/**
 * Runs one zfs or zpool command as root and turns its error text into a typed exception
 * ({@link ZfsErrors}); stored in the journal as {@code sto.zfs}.
 *
 * @param target the host's name
 * @param argv the command line, e.g. {@code zfs snapshot tank/a@s1}
 * @param subject the dataset, snapshot or pool it is about (for errors)
 * @param tolerateMissing whether "does not exist" counts as done (undo steps that find nothing to undo)
 */
public record ZfsAction(String target, List<String> argv, String subject, boolean tolerateMissing) implements Action {

    public ZfsAction {
        Objects.requireNonNull(target, "target");
        argv = List.copyOf(argv);
        Objects.requireNonNull(subject, "subject");
    }

    /** A command that must succeed. */
    public static ZfsAction of(String target, String subject, String... argv) {
        return new ZfsAction(target, List.of(argv), subject, false);
    }

    /** A command whose "does not exist" failure means the work is already done. */
    public static ZfsAction undo(String target, String subject, String... argv) {
        return new ZfsAction(target, List.of(argv), subject, true);
    }

    @Override
    public boolean needsRoot() {
        return true;
    }

    @Override
    public String render() {
        return ShellQuote.join(argv);
    }

    @Override
    public void execute(Targets targets) {
        // "dataset is busy" right after a mount or a send is often gone a moment later (zfs-fuse shows it after
        // every create): try a few times over about three seconds before reporting it (it stays retryable)
        for (int attempt = 1; ; attempt++) {
            var r = targets.host(target).run(Command.of(argv).asRoot().withTimeout(java.time.Duration.ofHours(6)));
            if (!r.ok() && tolerateMissing && r.stderrText().contains("does not exist")) {
                return;
            }
            try {
                ZfsErrors.check(r, "name", subject);
                return;
            } catch (dev.ops.sto.zfs.ZfsBusyException busy) {
                if (attempt >= BUSY_ATTEMPTS) {
                    throw busy;
                }
                pause(attempt * 200L);
            }
        }
    }

    private static final int BUSY_ATTEMPTS = 5;

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.ops.core.error.OpsException("interrupted while waiting for a busy dataset", e);
        }
    }
}
