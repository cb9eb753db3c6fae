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

    /** A host that answers the probe as root would, or as a user without sudo once {@code refuse} is set, counting the probes. */
    private static final class CountingHost implements Host {
        final java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean refuse;

        @Override
        public String name() {
            return "db-1";
        }

        @Override
        public CommandResult run(Command command) {
            probes.incrementAndGet();
            String out = refuse ? "uid=1000\nsudo=no sudo: a password is required\nCapEff:\t0000000000000000\n" : "uid=0\nCapEff:\t000001ffffffffff\n";
            return new CommandResult("db-1", command.render(), 0, out.getBytes(), new byte[0], Duration.ZERO, false);
        }
    }

    @Test
    void aProbeThatFoundEverythingGrantedIsTrustedForTheSameHostForAMinute() {
        CountingHost host = new CountingHost();

        assertThat(PrivilegeCheck.missing(host, List.of(Privilege.root()))).isEmpty();
        assertThat(PrivilegeCheck.missing(host, List.of(Privilege.root(), Privilege.capability("net_admin")))).isEmpty();

        assertThat(host.probes).as("probed once").hasValue(1);
        assertThat(PrivilegeCheck.TRUSTED_FOR).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aProgramNotYetFoundIsProbedFor() {
        CountingHost host = new CountingHost();
        PrivilegeCheck.missing(host, List.of(Privilege.root()));

        PrivilegeCheck.missing(host, List.of(Privilege.root(), Privilege.program("btrfs")));
        PrivilegeCheck.missing(host, List.of(Privilege.program("btrfs")));

        assertThat(host.probes).as("once, then once for the program").hasValue(2);
    }

    @Test
    void aProbeThatFoundSomethingMissingIsNeverKept() {
        CountingHost host = new CountingHost();
        host.refuse = true;
        assertThat(PrivilegeCheck.missing(host, List.of(Privilege.root()))).hasSize(1);

        host.refuse = false;
        assertThat(PrivilegeCheck.missing(host, List.of(Privilege.root()))).as("asked again, now granted").isEmpty();
        assertThat(host.probes).hasValue(2);
    }

    @Test
    void anotherHostObjectIsProbedOnItsOwn() {
        CountingHost one = new CountingHost();
        CountingHost other = new CountingHost();
        other.refuse = true;
        PrivilegeCheck.missing(one, List.of(Privilege.root()));

        assertThat(PrivilegeCheck.missing(other, List.of(Privilege.root()))).hasSize(1);
    }
}
