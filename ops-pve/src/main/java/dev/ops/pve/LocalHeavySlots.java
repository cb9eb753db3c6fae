package dev.ops.pve;

import dev.ops.core.error.OpsException;
import dev.ops.pve.task.PveTask;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The heavy-task slots of one node within one client. A slot is freed when its task is seen to end;
 * a caller that finds none free polls the outstanding tasks (so that a task nobody awaits cannot hold
 * its slot forever) and waits with the client's poll policy.
 */
final class LocalHeavySlots {
    private final PveClient client;
    private final String node;
    private final Semaphore permits;
    private final Set<PveTask> outstanding = ConcurrentHashMap.newKeySet();

    LocalHeavySlots(PveClient client, String node, int max) {
        this.client = client;
        this.node = node;
        this.permits = new Semaphore(max, true);
    }

    HeavySlot acquire() {
        int round = 0;
        while (!permits.tryAcquire()) {
            for (PveTask t : List.copyOf(outstanding)) {
                try {
                    t.status();
                } catch (OpsException e) {
                    // An unreadable task keeps its slot until it can be read.
                }
            }
            if (permits.tryAcquire()) {
                break;
            }
            HeavySlot.pause(client, node, round++);
        }
        return new HeavySlot() {
            private final AtomicBoolean released = new AtomicBoolean();
            private volatile PveTask task;

            @Override
            public void started(PveTask t) {
                task = t;
                outstanding.add(t);
            }

            @Override
            public void release() {
                if (released.compareAndSet(false, true)) {
                    if (task != null) {
                        outstanding.remove(task);
                    }
                    permits.release();
                }
            }
        };
    }
}
