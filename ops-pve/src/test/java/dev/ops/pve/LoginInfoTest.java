package dev.ops.pve;

import dev.ops.proxmox.LoginInfo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.secret.Secret;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A login's answer is kept: who is logged in, the cluster's name, and the capabilities by area. */
@Timeout(20)
class LoginInfoTest {
    private final PveFakeServer pve = Fakes.cluster()
            .user("auditor@pve", "Auditor-Pass-1", acl -> acl.grant("/vms", "PVEAuditor")).start();

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void aPasswordLoginKeepsTheUserTheClusterAndTheCapabilities() {
        PveClient root = Fakes.clientBuilder(pve).login(Fakes.TOKEN_USER, Secret.of(Fakes.PASSWORD)).build();
        PveClient auditor = Fakes.clientBuilder(pve).login("auditor@pve", Secret.of("Auditor-Pass-1")).build();

        LoginInfo r = root.login().orElseThrow();
        LoginInfo a = auditor.login().orElseThrow();

        assertThat(r.username()).isEqualTo("root@pam");
        assertThat(r.clusterName()).isNotEmpty();
        assertThat(r.has("vms", "VM.Allocate")).isTrue();
        assertThat(r.has("nodes", "Sys.Modify")).isTrue();
        assertThat(a.has("vms", "VM.Audit")).isTrue();
        assertThat(a.has("vms", "VM.Allocate")).isFalse();
        assertThat(a.has("nodes", "Sys.Modify")).isFalse();
    }

    @Test
    void aTokenClientHasNoLogin() {
        assertThat(Fakes.client(pve).login()).isEmpty();
    }
}
