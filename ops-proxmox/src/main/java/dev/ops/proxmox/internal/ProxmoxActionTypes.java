package dev.ops.proxmox.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.proxmox.change.ApiCallAction;
import java.util.Map;

/**
 * The journal names of the shared Proxmox actions. An API call keeps the name {@code pve.call} it had
 * when it lived in ops-pve, so journals written before stay readable; a name, once written, is never
 * given to another action.
 */
public final class ProxmoxActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("pve.call", ApiCallAction.class);
    }
}
