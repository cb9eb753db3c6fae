package dev.ops.lab.layer;

/** Whether layer L1 promotes the templates it builds or finds to "stable" (the lab's {@code UPDATE_STABLE=yes}). */
public enum Stable {
    /** Leave the templates' stable mark as it is (the default). */
    KEEP,
    /** Promote every template of the site to stable once it passes its gate. */
    PROMOTE
}
