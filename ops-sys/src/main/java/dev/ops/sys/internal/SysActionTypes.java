package dev.ops.sys.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.sys.pkg.internal.AptAction;
import java.util.Map;

/** The journal names of ops-sys's actions; a name, once written, is never given to another action. */
public final class SysActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("sys.apt", AptAction.class);
    }
}
