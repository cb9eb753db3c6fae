package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;

/** A change that makes something new on one node. */
abstract class ApiChangeOfNode<T> extends PveChange<T, Void> {
    protected final String node;

    ApiChangeOfNode(Ops ops, PveClient client, String node) {
        super(ops, client);
        this.node = node;
    }
}
