package dev.ops.sto.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real smbd from Debian, started by the test in the foreground on port 4450 of the loopback of a
 * private network namespace, with every directory it writes in the sandbox's /tmp: a share is added
 * and seen with {@code smbclient -L}, then rolled back; smbd is stopped after, also on failure.
 */
@Timeout(120)
class SmbSharesRealTest {
    private static final String CONF = "/tmp/smb/smb.conf";
    private SandboxHost host;
    private SmbShares smb;

    @BeforeEach
    void startSmbd() {
        RealComponents.root();
        RealComponents.assume(SandboxHost.isSupported(), "unshare and nsenter (private namespaces)");
        RealComponents.program("smbd");
        RealComponents.program("smbclient");
        RealComponents.program("testparm");
        RealComponents.program("smbcontrol");
        RealComponents.program("ip");
        host = SandboxHost.start();
        host.check(Command.of("ip", "link", "set", "lo", "up"));
        host.check(Command.of("mkdir", "-p", "/tmp/smb/lock", "/tmp/smb/state", "/tmp/smb/cache", "/tmp/smb/pid", "/tmp/smb/private",
                "/tmp/smb/ncalrpc", "/tmp/share"));
        String global = "[global]\n   workgroup = OPSTEST\n   server role = standalone server\n   smb ports = 4450\n   interfaces = lo\n"
                + "   bind interfaces only = yes\n   lock directory = /tmp/smb/lock\n   state directory = /tmp/smb/state\n"
                + "   cache directory = /tmp/smb/cache\n   pid directory = /tmp/smb/pid\n   private dir = /tmp/smb/private\n"
                + "   ncalrpc dir = /tmp/smb/ncalrpc\n   log file = /tmp/smb/log\n   disable netbios = yes\n   map to guest = Bad User\n"
                + "   load printers = no\n   printcap name = /dev/null\n";
        host.writeFile(CONF, global.getBytes(), "0644", false);
        host.check(Command.of("sh", "-c", "smbd --foreground --no-process-group --configfile=" + CONF + " </dev/null >/tmp/smb/out 2>&1 & echo $! > /tmp/smb/test.pid"));
        host.check(Command.of("sh", "-c", "i=0; until smbclient -L 127.0.0.1 -p 4450 -N -s " + CONF + " >/dev/null 2>&1; do i=$((i+1)); "
                + "[ $i -gt 100 ] && { cat /tmp/smb/out; exit 1; }; sleep 0.1; done"));
        smb = SmbShares.on(host, Ops.inMemory()).configFile(CONF);
    }

    @AfterEach
    void stopSmbd() {
        if (host != null) {
            try {
                host.run(Command.of("sh", "-c", "p=$(cat /tmp/smb/test.pid 2>/dev/null) || exit 0; kill $p; i=0; "
                        + "while kill -0 $p 2>/dev/null; do i=$((i+1)); [ $i -gt 50 ] && kill -9 $p; sleep 0.1; done; "
                        + "pkill -P $p 2>/dev/null; exit 0"));
            } finally {
                host.close();
            }
        }
    }

    private String listed() {
        return host.run(Command.of("smbclient", "-L", "127.0.0.1", "-p", "4450", "-N", "-s", CONF)).stdoutText();
    }

    @Test
    void aShareIsAddedSeenBySmbclientAndRolledBack() {
        var done = smb.share("opsdata").present(s -> s.path("/tmp/share").comment("ops test").guestOk(true)).apply();
        assertThat(done.value()).hasValueSatisfying(p -> assertThat(p).containsEntry("path", "/tmp/share"));
        assertThat(listed()).contains("opsdata").contains("ops test");
        assertThat(smb.share("opsdata").present(s -> s.path("/tmp/share").comment("ops test").guestOk(true)).plan().isEmpty()).isTrue();
        done.rollback();
        assertThat(smb.get("opsdata")).isEmpty();
        assertThat(listed()).doesNotContain("opsdata");
    }

    @Test
    void whatTestparmRejectsOrWarnsAboutIsNotInstalled() {
        assertThatThrownBy(() -> smb.share("bad").present(s -> s.path("/tmp/share").putParameters("read only", "maybe")).plan())
                .isInstanceOfSatisfying(SmbConfigException.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("boolean")));
        assertThatThrownBy(() -> smb.share("bad").present(s -> s.path("/tmp/share").putParameters("no such thing", "1")).plan())
                .isInstanceOfSatisfying(SmbConfigException.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).containsIgnoringCase("unknown parameter")));
        assertThat(smb.get("bad")).isEmpty();
    }
}
