package dev.ops.usr.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.store.FileStateStore;
import dev.ops.testkit.sandbox.SandboxHost;
import dev.ops.usr.account.Users;
import dev.ops.usr.file.FilePermissions;
import dev.ops.usr.ssh.AuthorizedKeys;
import dev.ops.usr.sudo.Sudoers;
import dev.ops.usr.testing.Sandboxes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every undo action of this module survives the journal: applied in one runtime, rolled back from
 * another that only shares the file store, as a fresh JVM after a crash would.
 */
@Timeout(60)
class RollbackFromAFreshRuntimeTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFSt5BX3DYBnXierFgBgSzJHwf/FGoPmyZo6BW/6t2Rw alice@laptop";

    @TempDir
    Path state;

    @Test
    void userKeysSudoersAndAclChangesRollBackFromAFreshRuntime() {
        try (SandboxHost sandbox = Sandboxes.start("useradd", "visudo", "setfacl")) {
            sandbox.check(Command.shell("useradd -m -u 1050 -c Alice alice && useradd -M -u 1234 -s /bin/bash bob && mkdir /srv/data"));
            String snapshot = "getent passwd alice bob; getent group bob; ls -a /etc/sudoers.d; getfacl -p /srv/data;"
                    + " cat /home/alice/.ssh/authorized_keys 2>&1; true";
            String before = sandbox.output("sh", "-c", snapshot);

            Ops first = Ops.builder().store(FileStateStore.open(state)).build();
            List<String> ids = new ArrayList<>();
            ids.add(Users.on(sandbox, first).user("bob").absent().apply().id().orElseThrow());
            ids.add(AuthorizedKeys.on(sandbox, first).user("alice").key(KEY).present().apply().id().orElseThrow());
            ids.add(Sudoers.on(sandbox, first).dropIn("ops-alice").rule(r -> r.users("alice").commands("ALL")).present().apply().id().orElseThrow());
            ids.add(FilePermissions.on(sandbox, first).path("/srv/data").owner("alice").acl("u:alice:rwx").present().apply().id().orElseThrow());
            assertThat(sandbox.output("sh", "-c", snapshot)).isNotEqualTo(before);

            Ops fresh = Ops.builder().store(FileStateStore.open(state)).build();
            for (String id : ids.reversed()) {
                fresh.rollback(id, Targets.of(sandbox)).run();
            }

            assertThat(sandbox.output("sh", "-c", snapshot)).isEqualTo(before);
        }
    }
}
