package dev.ops.testkit.purity;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.PlanListener;
import dev.ops.core.store.StateStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Checks that planning changes nothing, for every plan any test makes while ops-testkit is on the
 * class path (a {@link PlanListener} found by {@link java.util.ServiceLoader}): the state store of
 * the change's {@link Ops} (but for the journal, locks and audit, which other applies running at
 * the same time write) and every other source of state registered with {@link #watch} (ops-testkit
 * registers its fake Proxmox servers and sandboxes) must look the same after planning as before.
 * A plan that changed something fails with an {@link AssertionError} naming the change and the
 * difference. {@link #coveredChangeTypes()} lists the change types whose plans were checked.
 * Set the system property {@code ops.testkit.planPurity=false} to turn the check off.
 */
public final class PlanPurity implements PlanListener {
    private static final List<String> MACHINERY = List.of("journal/", "lock/", "audit/");
    private static final Set<String> COVERED = ConcurrentHashMap.newKeySet();
    private static final Map<Object, Supplier<Object>> WATCHED = new ConcurrentHashMap<>();
    private static final Map<Long, Deque<Snapshot>> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PlanPurity::writeReport, "plan-purity-report"));
    }

    /** Made by {@link java.util.ServiceLoader}. */
    public PlanPurity() {}

    private static void writeReport() {
        java.nio.file.Path target = java.nio.file.Path.of("target");
        if (COVERED.isEmpty() || !java.nio.file.Files.isDirectory(target)) {
            return;
        }
        try {
            java.nio.file.Files.write(target.resolve("plan-purity.txt"), coveredChangeTypes());
        } catch (java.io.IOException e) {
            // A report that cannot be written changes nothing about the checks already made.
        }
    }

    /**
     * Watches another source of state while it lives: {@code state} returns a value that is equal
     * before and after a plan that changed nothing there. Remove it with {@link #unwatch}.
     */
    public static void watch(Object source, Supplier<Object> state) {
        WATCHED.put(source, state);
    }

    /** Stops watching {@code source}. */
    public static void unwatch(Object source) {
        WATCHED.remove(source);
    }

    /** The change types (class names) whose plans were checked in this JVM, sorted. */
    public static Set<String> coveredChangeTypes() {
        return new TreeSet<>(COVERED);
    }

    private static boolean enabled() {
        return !"false".equals(System.getProperty("ops.testkit.planPurity"));
    }

    @Override
    public void planning(Change<?> change, Ops ops) {
        if (!enabled()) {
            return;
        }
        OPEN.computeIfAbsent(Thread.currentThread().threadId(), t -> new ArrayDeque<>()).push(Snapshot.of(ops.store()));
    }

    @Override
    public void planned(Change<?> change, Ops ops) {
        Deque<Snapshot> open = OPEN.get(Thread.currentThread().threadId());
        if (!enabled() || open == null || open.isEmpty()) {
            return;
        }
        Snapshot before = open.pop();
        if (open.isEmpty()) {
            OPEN.remove(Thread.currentThread().threadId());
        }
        COVERED.add(change.getClass().getName());
        List<String> differences = before.differencesTo(Snapshot.of(ops.store()));
        if (!differences.isEmpty()) {
            throw new AssertionError("planning '" + change.description() + "' (" + change.getClass().getName()
                    + ") changed state, and a plan must change nothing: " + String.join("; ", differences));
        }
    }

    /** The state a plan may not change: the store's keys and versions, and each watched source's state. */
    private record Snapshot(Map<String, Long> store, Map<Object, Object> watched) {

        static Snapshot of(StateStore store) {
            Map<String, Long> versions = new TreeMap<>();
            for (StateStore.Entry e : store.scan("").entries()) {
                if (MACHINERY.stream().noneMatch(e.key()::startsWith)) {
                    versions.put(e.key(), e.value().version());
                }
            }
            Map<Object, Object> watched = new java.util.IdentityHashMap<>();
            WATCHED.forEach((source, state) -> watched.put(source, state.get()));
            return new Snapshot(versions, watched);
        }

        List<String> differencesTo(Snapshot after) {
            List<String> out = new ArrayList<>();
            after.store.forEach((key, version) -> {
                Long was = store.get(key);
                if (was == null) {
                    out.add("wrote new key " + key);
                } else if (!was.equals(version)) {
                    out.add("wrote key " + key);
                }
            });
            store.keySet().stream().filter(k -> !after.store.containsKey(k)).forEach(k -> out.add("deleted key " + k));
            watched.forEach((source, state) -> {
                if (after.watched.containsKey(source) && !java.util.Objects.equals(state, after.watched.get(source))) {
                    out.add(source + " changed: " + state + " -> " + after.watched.get(source));
                }
            });
            return out;
        }
    }
}
