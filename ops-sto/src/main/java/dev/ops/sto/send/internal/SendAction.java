package dev.ops.sto.send.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.sto.send.SendProgress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A send pipeline whose stream passes through {@code dd status=progress} on the sending host, so
 * that a watcher can report how many bytes have moved: while the pipeline runs, the progress file
 * is read every {@link #EVERY} through the host and each new count goes to the listener registered
 * for that file in this JVM (a listener cannot be journaled; a recovered step runs without one).
 * Stored in the journal as {@code sto.send}.
 *
 * @param target the sending host's name
 * @param pipeline the shell pipeline ({@code bash -c}), writing dd's progress to {@code progressFile}
 * @param progressFile where dd writes its progress on the sending host
 * @param expectedBytes what the plan expected to move; -1 when unknown
 */
public record SendAction(String target, String pipeline, String progressFile, long expectedBytes) implements Action {
    static final Duration EVERY = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofHours(24);
    private static final Pattern COPIED = Pattern.compile("(\\d+) bytes");
    private static final Map<String, Consumer<SendProgress>> LISTENERS = new ConcurrentHashMap<>();

    public SendAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(progressFile, "progressFile");
    }

    /** Lets {@code listener} hear the progress of the send that writes {@code progressFile}, in this JVM. */
    static void listen(String progressFile, Consumer<SendProgress> listener) {
        LISTENERS.put(progressFile, listener);
    }

    @Override
    public boolean needsRoot() {
        return true;
    }

    @Override
    public String render() {
        return "bash -c " + pipeline;
    }

    @Override
    public void execute(Targets targets) {
        Host host = targets.host(target);
        Consumer<SendProgress> listener = LISTENERS.getOrDefault(progressFile, p -> { });
        long started = System.nanoTime();
        Thread watcher = Thread.ofVirtual().name("send-progress").start(() -> {
            long last = -1;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(EVERY);
                } catch (InterruptedException e) {
                    return;
                }
                long now = bytes(host);
                if (now > last) {
                    last = now;
                    listener.accept(new SendProgress(now, expectedBytes, Duration.ofNanos(System.nanoTime() - started), false));
                }
            }
        });
        CommandResult r;
        try {
            r = host.run(Command.of("bash", "-c", pipeline).asRoot().withTimeout(TIMEOUT));
        } finally {
            LISTENERS.remove(progressFile, listener); // it served this run; a new plan registers it again
            watcher.interrupt();
            try {
                watcher.join(EVERY.multipliedBy(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long total = bytes(host);
        host.run(Command.of("rm", "-f", progressFile).asRoot());
        r.orThrow();
        listener.accept(new SendProgress(Math.max(total, 0), expectedBytes, Duration.ofNanos(System.nanoTime() - started), true));
    }

    /** The last byte count dd wrote to the progress file; -1 when there is none yet. */
    private long bytes(Host host) {
        CommandResult r = host.run(Command.of("tail", "-c", "512", progressFile).asRoot());
        if (!r.ok()) {
            return -1;
        }
        long last = -1;
        Matcher m = COPIED.matcher(r.stdoutText());
        while (m.find()) {
            last = AsciiNumbers.parseLong(m.group(1));
        }
        return last;
    }
}
