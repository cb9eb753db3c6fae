package dev.ops.proxmox;

import dev.ops.proxmox.task.ProxmoxTask;

/** A slot for one heavy task on a node, held from before the call that starts the task until the task is seen to end. */
interface HeavySlot {
    /** Records the task the slot was taken for, once the call has started it. */
    void started(ProxmoxTask task);

    /** Frees the slot; later calls do nothing. */
    void release();

    /** Waits before the next look for a free slot on {@code node}, as the client's poll policy says for that round. */
    static void pause(ProxmoxClient client, String node, int round) {
        try {
            client.timeSource().sleep(client.pollPolicy().interval(round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.ops.core.error.OpsException("interrupted while waiting for a heavy-task slot on node " + node, e);
        }
    }
}
