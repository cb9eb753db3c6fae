package dev.ops.gpu.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.gpu.device.internal.BindAction;
import dev.ops.gpu.pve.internal.MappingAction;
import java.util.Map;

/** The journal names of ops-gpu's actions; a name, once written, is never given to another action. */
public final class GpuActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("gpu.bind", BindAction.class, "gpu.pci-mapping", MappingAction.class);
    }
}
