package dev.ops.pbs.internal;

import dev.ops.core.Ops;
import dev.ops.pbs.PbsClient;
import dev.ops.pve.change.ApiChange;

/** The base of ops-pbs's changes: an {@link ApiChange} on the client's transport, its steps PBS API calls. */
abstract class PbsChange<T, C> extends ApiChange<T, C> {
    protected final PbsClient pbs;

    PbsChange(Ops ops, PbsClient pbs) {
        super(ops, pbs.api().client());
        this.pbs = pbs;
    }
}
