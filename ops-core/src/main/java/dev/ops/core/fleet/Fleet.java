package dev.ops.core.fleet;

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
 * hosts are reported as timed out and their threads interrupted.
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
    private final FleetListener listener;

    private Fleet(List<Host> hosts, int parallelism, Duration perHostTimeout, Duration deadline, FleetListener listener) {
        Violations v = Violations.of("fleet");
        v.check(parallelism > 0, "parallelism", "must be at least 1, was " + parallelism);
        v.check(perHostTimeout.isPositive(), "perHostTimeout", "must be positive");
        v.check(deadline.isPositive(), "deadline", "must be positive");
        v.check(hosts.stream().map(Host::name).distinct().count() == hosts.size(), "hosts", "host names must be unique");
        v.throwIfAny();
        this.hosts = List.copyOf(hosts);
        this.parallelism = parallelism;
        this.perHostTimeout = perHostTimeout;
        this.deadline = deadline;
        this.listener = listener;
    }

    /** A fleet of these hosts, 64 at a time, 5 minutes per host and overall. */
    public static Fleet of(List<? extends Host> hosts) {
        return new Fleet(new ArrayList<>(hosts), 64, Duration.ofMinutes(5), Duration.ofMinutes(5), new FleetListener() {});
    }

    /** How many hosts run at once. */
    public Fleet parallelism(int n) {
        return new Fleet(hosts, n, perHostTimeout, deadline, listener);
    }

    /** How long one host may take. */
    public Fleet perHostTimeout(Duration timeout) {
        return new Fleet(hosts, parallelism, Objects.requireNonNull(timeout), deadline, listener);
    }

    /** How long the whole run may take. */
    public Fleet deadline(Duration deadline) {
        return new Fleet(hosts, parallelism, perHostTimeout, Objects.requireNonNull(deadline), listener);
    }

    /** Who hears about progress. */
    public Fleet onProgress(FleetListener listener) {
        return new Fleet(hosts, parallelism, perHostTimeout, deadline, Objects.requireNonNull(listener));
    }

    public List<Host> hosts() {
        return hosts;
    }

    /** Runs {@code function} on every host and waits for all results or the deadline. */
    public <T> FleetResult<T> run(Function<Host, T> function) {
        long start = System.nanoTime();
        long deadlineNanos = start + deadline.toNanos();
        Semaphore permits = new Semaphore(parallelism);
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<HostResult<T>>> futures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<AtomicBoolean> claims = new ArrayList<>();
        for (Host host : hosts) {
            CompletableFuture<HostResult<T>> future = new CompletableFuture<>();
            futures.add(future);
            AtomicBoolean claim = new AtomicBoolean();
            claims.add(claim);
            threads.add(Thread.ofVirtual().name("fleet-" + host.name()).unstarted(() -> {
                HostResult<T> r = callOne(host, function, permits, deadlineNanos);
                report(claim, future, r, done);
            }));
        }
        threads.forEach(Thread::start);
        List<HostResult<T>> results = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            results.add(await(hosts.get(i), futures.get(i), claims.get(i), threads.get(i), start, deadlineNanos, done));
        }
        return new FleetResult<>(results, Duration.ofNanos(System.nanoTime() - start));
    }

    private <T> HostResult<T> callOne(Host host, Function<Host, T> function, Semaphore permits, long deadlineNanos) {
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
            Thread worker = Thread.ofVirtual().name("fleet-call-" + host.name()).start(() -> {
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
                worker.interrupt();
                return new HostResult.TimedOut<>(host.name(), Duration.ofNanos(System.nanoTime() - begun));
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
                listener.finished(r, done.incrementAndGet(), hosts.size());
            } catch (RuntimeException e) {
                LOG.warn("fleet progress listener failed for {}: {}", r.host(), e.toString());
            } finally {
                future.complete(r);
            }
        }
    }

    private <T> HostResult<T> await(Host host, CompletableFuture<HostResult<T>> future, AtomicBoolean claim,
            Thread thread, long start, long deadlineNanos, AtomicInteger done) {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()) + TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
            report(claim, future, new HostResult.TimedOut<>(host.name(), Duration.ofNanos(System.nanoTime() - start)), done);
            return future.join();
        }
    }
}
