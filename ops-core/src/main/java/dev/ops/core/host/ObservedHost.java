package dev.ops.core.host;

import java.time.Duration;
import java.util.Objects;

/**
 * A host that tells an observer of every command it runs, with how long it took: for timing,
 * tracing or counting what a plan or an apply asks of a host. Everything else, its name, whether it
 * is local, closing, is the host's own; file reads and writes go through {@link #run} and are
 * observed too. One observed host is one host for ops (what ops learns of a host is kept by the
 * host object).
 */
public final class ObservedHost implements Host {
    /** Hears of each command an {@link ObservedHost} ran. */
    public interface Observer {
        /** {@code command} ran and ended with {@code result} (any exit code) after {@code took}. */
        void ran(Command command, CommandResult result, Duration took);

        /** {@code command} could not run to an end ({@code failure}: a timeout, a lost connection) after {@code took}. */
        default void failed(Command command, RuntimeException failure, Duration took) {}
    }

    private final Host host;
    private final Observer observer;

    private ObservedHost(Host host, Observer observer) {
        this.host = host;
        this.observer = observer;
    }

    /** {@code host}, every command it runs told to {@code observer}. */
    public static ObservedHost of(Host host, Observer observer) {
        return new ObservedHost(Objects.requireNonNull(host, "host"), Objects.requireNonNull(observer, "observer"));
    }

    @Override
    public CommandResult run(Command command) {
        long started = System.nanoTime();
        CommandResult result;
        try {
            result = host.run(command);
        } catch (RuntimeException e) {
            observer.failed(command, e, Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
        observer.ran(command, result, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public boolean isLocal() {
        return host.isLocal();
    }

    @Override
    public void close() {
        host.close();
    }

    @Override
    public String toString() {
        return host.toString();
    }
}
