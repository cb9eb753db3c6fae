package dev.ops.core.journal;

import java.time.Instant;

/**
 * The hook through which a host tells the journal about the processes the running step starts,
 * so that the step's record names them and recovery can stop them before undoing the step. Outside
 * a journaled step it does nothing.
 *
 * <pre>{@code
 * try (StepProcesses.Registration r = StepProcesses.started(pid, startTime, processGroup)) {
 *     ... wait for the process ...
 * }
 * }</pre>
 */
public final class StepProcesses {
    /** Inherited, so that a step that fans out to threads still reports its processes. */
    private static final InheritableThreadLocal<Scope> CURRENT = new InheritableThreadLocal<>();

    private StepProcesses() {}

    /** What a running step does with the processes reported. */
    interface Listener {
        void started(StepProcess p);

        void ended(StepProcess p);
    }

    /** The handle of one reported process; closing it says that the process ended. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Reports a process of this machine that the running step started: its pid, start time and the
     * process group it leads (0 when it has none of its own). Written to the journal before this returns.
     */
    public static Registration started(long pid, Instant startTime, long processGroup) {
        Scope scope = CURRENT.get();
        if (scope == null || scope.closed) {
            return () -> {};
        }
        StepProcess p = StepProcess.local(pid, startTime, processGroup);
        scope.listener.started(p);
        return () -> {
            if (!scope.closed) {
                scope.listener.ended(p);
            }
        };
    }

    static Scope open(Listener listener) {
        Scope scope = new Scope(listener, CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** The step being run on this thread (and threads it starts); closing it ends the reporting. */
    static final class Scope implements AutoCloseable {
        private final Listener listener;
        private final Scope outer;
        private volatile boolean closed;

        private Scope(Listener listener, Scope outer) {
            this.listener = listener;
            this.outer = outer;
        }

        @Override
        public void close() {
            closed = true;
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
