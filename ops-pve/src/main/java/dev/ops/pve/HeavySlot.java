package dev.ops.pve;

import dev.ops.pve.task.PveTask;

/** A slot for one heavy task on a node, held from before the call that starts the task until the task is seen to end. */
interface HeavySlot {
    /** Records the task the slot was taken for, once the call has started it. */
    void started(PveTask task);

    /** Frees the slot; later calls do nothing. */
    void release();
}
