package dev.ops.core.fleet;

import dev.ops.core.change.Change;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one function over many hosts at once, on virtual threads with bounded parallelism, and
 * returns a typed result per host. One host failing or hanging never fails or stalls the others:
 * each host has its own timeout, and the whole run an overall deadline after which unfinished
 * hosts are reported as timed out.
 *
 * <p>A host past its timeout (or the deadline) is cancelled, not abandoned: its call's thread is
 * interrupted, and the fleet waits up to {@link #cancelGrace} for the call to end before it
 * reports the host (and before the host's slot counts as free for another one). {@link Host}s
 * answer the interruption by releasing what the call holds: {@code SshHost} closes a connection
 * attempt's socket, or kills the remote command and closes its channel. A function that ignores
 * interruption is reported as {@link HostResult.TimedOut#stopped() not stopped} and left to end
 * on its own thread; so {@link #run} returns at most {@code deadline + cancelGrace} after it began.
 *
 * <pre>{@code
 * FleetResult<String> r = Fleet.of(hosts).parallelism(32).perHostTimeout(Duration.ofSeconds(10))
 *         .run(h -> h.output("uname", "-r"));
 * }</pre>
 */
public final class Fleet {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Fleet.class);
    private final List<Host> hosts;
    private final int parallelism;
    private final Duration perHostTimeout;
    private final Duration deadline;
    private final Duration cancelGrace;
    private final FleetListener listener;

    private Fleet(List<Host> hosts, int parallelism, Duration perHostTimeout, Duration deadline, Duration cancelGrace,
            FleetListener listener) {
        Violations v = Violations.of("fleet");
        v.check(parallelism > 0, "parallelism", "must be at least 1, was " + parallelism);
        v.check(perHostTimeout.isPositive(), "perHostTimeout", "must be positive");
        v.check(deadline.isPositive(), "deadline", "must be positive");
        v.check(!cancelGrace.isNegative(), "cancelGrace", "must be zero or positive");
        v.check(hosts.stream().map(Host::name).distinct().count() == hosts.size(), "hosts", "host names must be unique");
        v.throwIfAny();
        this.hosts = List.copyOf(hosts);
        this.parallelism = parallelism;
        this.perHostTimeout = perHostTimeout;
        this.deadline = deadline;
        this.cancelGrace = cancelGrace;
        this.listener = listener;
    }

    /** A fleet of these hosts, 64 at a time, 5 minutes per host and overall, 10 seconds to cancel a late host. */
    public static Fleet of(List<? extends Host> hosts) {
        return new Fleet(new ArrayList<>(hosts), 64, Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(10),
                new FleetListener() {});
    }

    /** How many hosts run at once. */
    public Fleet parallelism(int n) {
        return new Fleet(hosts, n, perHostTimeout, deadline, cancelGrace, listener);
    }

    /** How long one host may take; then its call is interrupted (see the class comment). */
    public Fleet perHostTimeout(Duration timeout) {
        return new Fleet(hosts, parallelism, Objects.requireNonNull(timeout), deadline, cancelGrace, listener);
    }

    /** How long the whole run may take; then every unfinished call is interrupted. */
    public Fleet deadline(Duration deadline) {
        return new Fleet(hosts, parallelism, perHostTimeout, Objects.requireNonNull(deadline), cancelGrace, listener);
    }

    /**
     * How long a host's call, once interrupted for being late, may take to end before the host is
     * reported without it (default 10 s; zero reports at once, without waiting).
     */
    public Fleet cancelGrace(Duration grace) {
        return new Fleet(hosts, parallelism, perHostTimeout, deadline, Objects.requireNonNull(grace), listener);
    }

    /** Who hears about progress. */
    public Fleet onProgress(FleetListener listener) {
        return new Fleet(hosts, parallelism, perHostTimeout, deadline, cancelGrace, Objects.requireNonNull(listener));
    }

    public List<Host> hosts() {
        return hosts;
    }

    /** One change on every host of this fleet, made by {@code change} per host: planned together, applied in batches. */
    public <T> FleetChange<T> change(Function<Host, ? extends Change<T>> change) {
        return FleetChange.of(this, change);
    }

    int parallelism() {
        return parallelism;
    }

    Duration perHostTimeout() {
        return perHostTimeout;
    }

    Duration cancelGrace() {
        return cancelGrace;
    }

    /** Runs {@code function} on every host and waits for all results, or the deadline and the cancelled calls' end. */
    public <T> FleetResult<T> run(Function<Host, T> function) {
        long start = System.nanoTime();
        long deadlineNanos = start + deadline.toNanos();
        Semaphore permits = new Semaphore(parallelism);
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<HostResult<T>>> futures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<AtomicBoolean> claims = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        for (Host host : hosts) {
            CompletableFuture<HostResult<T>> future = new CompletableFuture<>();
            futures.add(future);
            AtomicBoolean claim = new AtomicBoolean();
            claims.add(claim);
            Worker worker = new Worker();
            workers.add(worker);
            threads.add(Thread.ofVirtual().name("fleet-" + host.name()).unstarted(() -> {
                HostResult<T> r = callOne(host, function, permits, deadlineNanos, worker);
                report(claim, future, r, done);
            }));
        }
        threads.forEach(Thread::start);
        List<HostResult<T>> results = new ArrayList<>();
        List<Integer> late = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            results.add(await(futures.get(i), deadlineNanos));
            if (results.get(i) == null) {
                late.add(i);
            }
        }
        if (!late.isEmpty()) {
            // Past the deadline: cancel every late host at once, then give them one grace together.
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            for (int i : late) {
                threads.get(i).interrupt(); // a host still waiting for a slot gives up
                workers.get(i).interrupt();
            }
            long graceEnd = System.nanoTime() + cancelGrace.toNanos();
            for (int i : late) {
                boolean stopped = workers.get(i).awaitEnd(graceEnd);
                if (!stopped) {
                    LOG.warn("fleet: {} ignored its cancellation and still runs {} after the deadline", hosts.get(i).name(),
                            cancelGrace);
                }
                report(claims.get(i), futures.get(i), new HostResult.TimedOut<>(hosts.get(i).name(), elapsed, stopped), done);
                results.set(i, futures.get(i).join());
            }
        }
        return new FleetResult<>(results, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The thread running one host's call, once it runs. */
    private static final class Worker {
        private volatile Thread thread;

        void interrupt() {
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }

        /** Waits until {@code untilNanos} ({@link System#nanoTime()}) for the call to end; whether it ended. */
        boolean awaitEnd(long untilNanos) {
            Thread t = thread;
            if (t == null) {
                return true;
            }
            try {
                return t.join(Duration.ofNanos(Math.max(0, untilNanos - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !t.isAlive();
            }
        }

        /** Interrupts the call and waits up to {@code grace} for it to end; whether it ended. */
        boolean cancel(Duration grace) {
            interrupt();
            return awaitEnd(System.nanoTime() + grace.toNanos());
        }
    }

    private <T> HostResult<T> callOne(Host host, Function<Host, T> function, Semaphore permits, long deadlineNanos,
            Worker slot) {
        long t0 = System.nanoTime();
        try {
            long wait = deadlineNanos - t0;
            if (!permits.tryAcquire(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                return new HostResult.TimedOut<>(host.name(), Duration.ZERO);
            }
        } catch (InterruptedException e) {
            return new HostResult.TimedOut<>(host.name(), Duration.ZERO);
        }
        long begun = System.nanoTime();
        try {
            listener.started(host.name());
            CompletableFuture<T> call = new CompletableFuture<>();
            slot.thread = Thread.ofVirtual().name("fleet-call-" + host.name()).start(() -> {
                try {
                    call.complete(function.apply(host));
                } catch (Throwable e) {
                    call.completeExceptionally(e);
                }
            });
            long limit = Math.min(perHostTimeout.toNanos(), deadlineNanos - begun);
            try {
                T value = call.get(Math.max(0, limit), TimeUnit.NANOSECONDS);
                return new HostResult.Success<>(host.name(), value, Duration.ofNanos(System.nanoTime() - begun));
            } catch (TimeoutException | InterruptedException e) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - begun);
                // Keep the slot until the call has let go of what it holds, so that parallelism also
                // bounds the connections and remote commands still winding down.
                boolean stopped = slot.cancel(cancelGrace);
                if (!stopped) {
                    LOG.warn("fleet: {} ignored its cancellation and still runs {} after it", host.name(), cancelGrace);
                }
                return new HostResult.TimedOut<>(host.name(), elapsed, stopped);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                OpsException error = cause instanceof OpsException ops ? ops
                        : new OpsException(host.name() + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
                return new HostResult.Failure<>(host.name(), error, Duration.ofNanos(System.nanoTime() - begun));
            }
        } finally {
            permits.release();
        }
    }

    /** Reports a host's result exactly once, to the listener first, so that every callback has happened when run() returns. */
    private <T> void report(AtomicBoolean claim, CompletableFuture<HostResult<T>> future, HostResult<T> r,
            AtomicInteger done) {
        if (claim.compareAndSet(false, true)) {
            try {
                // One report at a time, counted inside the lock: the listener hears done = 1, 2, ..., total in that order.
                synchronized (done) {
                    listener.finished(r, done.incrementAndGet(), hosts.size());
                }
            } catch (RuntimeException e) {
                LOG.warn("fleet progress listener failed for {}: {}", r.host(), e.toString());
            } finally {
                future.complete(r);
            }
        }
    }

    /** The host's result, or null when it has none shortly after the deadline. */
    private static <T> HostResult<T> await(CompletableFuture<HostResult<T>> future, long deadlineNanos) {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()) + TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
