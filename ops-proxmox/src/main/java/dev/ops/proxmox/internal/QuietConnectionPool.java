package dev.ops.proxmox.internal;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import okhttp3.ConnectionPool;
import okhttp3.internal.concurrent.TaskRunner;
import okhttp3.internal.connection.ConnectionListener;

/**
 * OkHttp's connection pool, with its clean-up run by a task runner that is not woken each time a
 * call ends. OkHttp's own runner is: every call that hands its connection back reschedules the
 * pool's clean-up for "now", which wakes the runner's thread, renames it twice and runs the clean-up
 * only to find nothing to close for five minutes; on a small machine that thread takes as much CPU as
 * the call it follows. Here the runner looks at most once a second, so an idle connection is closed
 * at most a second after its keep-alive runs out.
 *
 * <p>OkHttp 5 still reschedules the clean-up on every call that ends, and offers no public way to run
 * it elsewhere, so this uses OkHttp internals ({@code TaskRunner} and its {@code Backend}, the pool
 * constructor that takes a runner) of the OkHttp version ops-proxmox ships with. With another version
 * they may be missing or different, and the client falls back to OkHttp's default pool, which works
 * the same, only with more wake-ups; {@code QuietConnectionPoolTest} fails when the OkHttp ops-pve
 * is built with takes the fallback, so an upgrade that changes the internals is seen at once.
 */
final class QuietConnectionPool {
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_IDLE = 5;
    private static final long KEEP_ALIVE_MINUTES = 5;

    private QuietConnectionPool() {}

    /**
     * A pool with OkHttp's defaults (5 idle connections kept 5 minutes), cleaned up without wake-ups;
     * OkHttp's own pool where its internals differ.
     */
    static ConnectionPool create() {
        return create(MAX_IDLE, Duration.ofMinutes(KEEP_ALIVE_MINUTES));
    }

    /** A pool keeping at most {@code maxIdle} idle connections, each for {@code keepAlive}. */
    static ConnectionPool create(int maxIdle, Duration keepAlive) {
        try {
            return new ConnectionPool(maxIdle, keepAlive.toNanos(), TimeUnit.NANOSECONDS, Runner.INSTANCE,
                    ConnectionListener.Companion.getNONE());
        } catch (LinkageError otherOkHttp) {
            return new ConnectionPool(maxIdle, keepAlive.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Whether this OkHttp has the internals the quiet runner needs (false: pools are OkHttp's default). */
    static boolean available() {
        try {
            return Runner.INSTANCE != null;
        } catch (LinkageError otherOkHttp) {
            return false;
        }
    }

    /** The runner shared by every ops-pve client's pool. */
    private static final class Runner {
        static final TaskRunner INSTANCE = new TaskRunner(new LazyBackend(), Logger.getLogger(TaskRunner.class.getName()));
    }

    /** OkHttp's backend, except that a newly scheduled task does not wake the waiting coordinator. */
    private static final class LazyBackend implements TaskRunner.Backend {
        private final TaskRunner.RealBackend real = new TaskRunner.RealBackend(daemonThreads());

        @Override
        public long nanoTime() {
            return real.nanoTime();
        }

        @Override
        public void coordinatorNotify(TaskRunner runner) {
            // not woken: the coordinator looks again within MAX_WAIT_NANOS
        }

        @Override
        public void coordinatorWait(TaskRunner runner, long nanos) {
            try {
                real.coordinatorWait(runner, Math.min(nanos, MAX_WAIT_NANOS));
            } catch (InterruptedException e) {
                // OkHttp's runner catches this to cancel its tasks; Kotlin's interface declares no checked exception.
                throw QuietConnectionPool.<RuntimeException>rethrow(e);
            }
        }

        @Override
        public <T> BlockingQueue<T> decorate(BlockingQueue<T> queue) {
            return real.decorate(queue);
        }

        @Override
        public void execute(TaskRunner runner, Runnable runnable) {
            real.execute(runner, runnable);
        }

        private static ThreadFactory daemonThreads() {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, "ops-pve connection pool " + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
