package dev.ops.pve.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.pve.guest.internal.GuestDestroyAction;
import dev.ops.pve.storage.internal.UploadAction;
import dev.ops.pve.vmid.internal.VmidReleaseAction;
import dev.ops.pve.vmid.internal.VmidTakeAction;
import java.util.Map;

/** The journal names of ops-pve's actions; a name, once written, is never given to another action. */
public final class PveActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("pve.upload", UploadAction.class,
                "pve.guest-destroy", GuestDestroyAction.class,
                "pve.vmid-take", VmidTakeAction.class,
                "pve.vmid-release", VmidReleaseAction.class);
    }
}
