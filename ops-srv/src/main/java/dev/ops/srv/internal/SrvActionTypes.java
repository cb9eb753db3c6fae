package dev.ops.srv.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.srv.discovery.internal.RegistryPutAction;
import dev.ops.srv.discovery.internal.RenderedFileAction;
import dev.ops.srv.haproxy.internal.HaproxyCommandAction;
import dev.ops.srv.haproxy.internal.HaproxyConfigAction;
import dev.ops.srv.rollout.internal.RolloutGateAction;
import dev.ops.srv.unit.internal.UnitFileAction;
import java.util.Map;

/** The journal names of ops-srv's actions; a name, once written, is never given to another action. */
public final class SrvActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("srv.unit-file", UnitFileAction.class, "srv.haproxy-command", HaproxyCommandAction.class,
                "srv.rollout-gate", RolloutGateAction.class,
                "srv.haproxy-config", HaproxyConfigAction.class,
                "srv.registry-put", RegistryPutAction.class, "srv.rendered-file", RenderedFileAction.class);
    }
}
