package dev.ops.core.privilege;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.PrivilegeException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegeCheckTest {

    /** A host that answers the privilege probe as an unprivileged user without sudo would. */
    private static final Host UNPRIVILEGED = new Host() {
        @Override
        public String name() {
            return "web-1";
        }

        @Override
        public CommandResult run(Command command) {
            String out = "uid=1000\nsudo=no sudo: a password is required\nCapEff:\t0000000000000000\nmissing=ifreload\n";
            return new CommandResult("web-1", command.render(), 0, out.getBytes(), new byte[0], Duration.ZERO, false);
        }
    };

    @Test
    void saysExactlyWhatIsMissing() {
        List<String> missing = PrivilegeCheck.missing(UNPRIVILEGED,
                List.of(Privilege.root(), Privilege.capability("net_admin"), Privilege.program("ifreload")));

        assertThat(missing).containsExactly(
                "root: effective uid is 1000 and passwordless sudo is not available (sudo: a password is required)",
                "CAP_NET_ADMIN: not in the effective capability set of uid 1000",
                "program ifreload: not found on the PATH");
    }

    @Test
    void requireThrowsATypedErrorNamingTheHost() {
        assertThatThrownBy(() -> PrivilegeCheck.require(UNPRIVILEGED, List.of(Privilege.root())))
                .isInstanceOfSatisfying(PrivilegeException.class, e -> {
                    assertThat(e.host()).isEqualTo("web-1");
                    assertThat(e.missing()).hasSize(1);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void readsTheLocalEffectiveUidThroughPosix() {
        HostPrivileges local = PrivilegeCheck.read(LocalHost.create());

        assertThat(local.uid()).isEqualTo(LocalHost.create().effectiveUid());
        assertThat(Integer.toString(local.uid())).isEqualTo(LocalHost.create().output("id", "-u").strip());
    }
}
