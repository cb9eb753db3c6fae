package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.pbs.PbsClient;
import dev.ops.proxmox.change.internal.ApiChange;

/** The base of ops-pbs's changes: an {@link ApiChange} on a {@link PbsClient}, its steps PBS API calls. */
abstract class PbsChange<T, C> extends ApiChange<T, C, PbsClient> {
    /** The server, the same object as {@link #client}, under the name ops-pbs's changes use. */
    protected final PbsClient pbs;

    PbsChange(Ops ops, PbsClient pbs) {
        super(ops, pbs);
        this.pbs = pbs;
    }
}
