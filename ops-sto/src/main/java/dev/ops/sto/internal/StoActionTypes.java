package dev.ops.sto.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.sto.send.internal.SendAction;
import dev.ops.sto.zfs.internal.ZfsAction;
import java.util.Map;

/** The journal names of ops-sto's actions; a name, once written, is never given to another action. */
public final class StoActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("sto.zfs", ZfsAction.class, "sto.send", SendAction.class);
    }
}
