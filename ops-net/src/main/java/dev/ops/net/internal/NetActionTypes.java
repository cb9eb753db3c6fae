package dev.ops.net.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.net.ifupdown.internal.InterfacesWriteAction;
import dev.ops.net.ipam.internal.IpAllocateAction;
import dev.ops.net.ipam.internal.IpAssignAction;
import dev.ops.net.ipam.internal.IpReleaseAction;
import dev.ops.net.ipam.internal.IpReleaseClaimAction;
import dev.ops.net.ipam.internal.IpRestoreAction;
import dev.ops.net.link.internal.IpCommandsAction;
import dev.ops.net.mac.internal.MacClaimAction;
import dev.ops.net.mac.internal.MacRandomAction;
import dev.ops.net.mac.internal.MacReleaseAction;
import dev.ops.net.mac.internal.MacReleaseClaimAction;
import dev.ops.net.naming.internal.NameGiveBackAction;
import dev.ops.net.naming.internal.NameTakeAction;
import java.util.Map;

/** The journal names of ops-net's actions; a name, once written, is never given to another action. */
public final class NetActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.ofEntries(
                Map.entry("net.link", IpCommandsAction.class),
                Map.entry("net.interfaces-write", InterfacesWriteAction.class),
                Map.entry("net.ip-allocate", IpAllocateAction.class),
                Map.entry("net.ip-assign", IpAssignAction.class),
                Map.entry("net.ip-release", IpReleaseAction.class),
                Map.entry("net.ip-release-claim", IpReleaseClaimAction.class),
                Map.entry("net.ip-restore", IpRestoreAction.class),
                Map.entry("net.mac-claim", MacClaimAction.class),
                Map.entry("net.mac-random", MacRandomAction.class),
                Map.entry("net.mac-release", MacReleaseAction.class),
                Map.entry("net.mac-release-claim", MacReleaseClaimAction.class),
                Map.entry("net.name-take", NameTakeAction.class),
                Map.entry("net.name-give-back", NameGiveBackAction.class));
    }
}
