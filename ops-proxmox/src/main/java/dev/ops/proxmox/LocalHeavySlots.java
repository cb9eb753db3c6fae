package dev.ops.proxmox;

import dev.ops.core.error.OpsException;
import dev.ops.proxmox.task.ProxmoxTask;
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
    private final ProxmoxClient client;
    private final String node;
    private final Semaphore permits;
    private final Set<ProxmoxTask> outstanding = ConcurrentHashMap.newKeySet();

    LocalHeavySlots(ProxmoxClient client, String node, int max) {
        this.client = client;
        this.node = node;
        this.permits = new Semaphore(max, true);
    }

    HeavySlot acquire() {
        int round = 0;
        while (!permits.tryAcquire()) {
            for (ProxmoxTask t : List.copyOf(outstanding)) {
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
            private volatile ProxmoxTask task;

            @Override
            public void started(ProxmoxTask t) {
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
