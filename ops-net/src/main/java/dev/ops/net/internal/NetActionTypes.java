package dev.ops.net.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.net.ifupdown.internal.InterfacesWriteAction;
import dev.ops.net.link.internal.IpCommandsAction;
import java.util.Map;

/** The journal names of ops-net's actions; a name, once written, is never given to another action. */
public final class NetActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("net.link", IpCommandsAction.class,
                "net.interfaces-write", InterfacesWriteAction.class);
    }
}
