package dev.ops.usr.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.usr.account.internal.RestoreUserAction;
import dev.ops.usr.file.internal.RestoreAclAction;
import dev.ops.usr.pve.internal.CallSequenceAction;
import dev.ops.usr.pve.internal.CreateTokenAction;
import dev.ops.usr.ssh.internal.OwnedFileWriteAction;
import dev.ops.usr.sudo.internal.InstallSudoersAction;
import java.util.Map;

/** The journal names of ops-usr's actions; a name, once written, is never given to another action. */
public final class UsrActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("usr.restore-acl", RestoreAclAction.class,
                "usr.owned-file-write", OwnedFileWriteAction.class,
                "usr.install-sudoers", InstallSudoersAction.class,
                "usr.pve-calls", CallSequenceAction.class,
                "usr.pve-create-token", CreateTokenAction.class,
                "usr.restore-user", RestoreUserAction.class);
    }
}
