package dev.ops.pve;

import dev.ops.proxmox.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.ops.core.error.ApiException;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.NotFoundException;
import dev.ops.proxmox.error.ProxmoxAlreadyExistsException;
import dev.ops.proxmox.error.ProxmoxInvalidParameterException;
import dev.ops.proxmox.error.ProxmoxLockedException;
import dev.ops.proxmox.error.ProxmoxNotFoundException;
import dev.ops.proxmox.error.ProxmoxPermissionException;
import dev.ops.proxmox.error.ProxmoxRootTicketRequiredException;
import dev.ops.proxmox.error.ProxmoxServerException;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ErrorClassificationTest {
    private final PveFakeServer pve = Fakes.cluster().strict(false).vm(101, "pve1").start();
    private final PveClient client = Fakes.clientBuilder(pve).retryPolicy(RetryPolicy.none()).build();

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void lockContentionIsARetryableConflict() {
        pve.answerNext("POST", "/nodes/pve1/qemu/101/status/start",
                PveAnswer.error(500, "can't lock file '/var/lock/qemu-server/lock-101.conf' - got timeout"));
        assertThatThrownBy(() -> RawCalls.start(client, "pve1", 101)).isInstanceOf(ProxmoxLockedException.class)
                .isInstanceOf(ConflictException.class).hasMessageContaining("can't lock file")
                .satisfies(e -> assertThat(((ProxmoxLockedException) e).retryable()).isTrue());
    }

    @Test
    void vmIsLockedIsALockError() {
        pve.answerNext("PUT", "/nodes/pve1/qemu/101/config", PveAnswer.error(500, "VM is locked (backup)"));
        assertThatThrownBy(() -> client.api().put("/nodes/{node}/qemu/{vmid}/config", java.util.Map.of("node", "pve1", "vmid", 101, "cores", 2))).isInstanceOf(ProxmoxLockedException.class)
                .hasMessageContaining("VM is locked (backup)");
    }

    @Test
    void alreadyExistsIsAPermanentConflict() {
        assertThatThrownBy(() -> client.api().post("/nodes/{node}/qemu", java.util.Map.of("node", "pve1", "vmid", 101))).isInstanceOf(ProxmoxAlreadyExistsException.class)
                .hasMessageContaining("already exists").satisfies(e -> assertThat(((ConflictException) e).retryable()).isFalse());
    }

    @Test
    void aMissingGuestIsNotFound() {
        assertThatThrownBy(() -> client.node("pve1").qemu().vm(999).config()).isInstanceOf(ProxmoxNotFoundException.class)
                .isInstanceOf(NotFoundException.class).hasMessageContaining("999.conf' does not exist");
    }

    @Test
    void anUnknownNodeIsNotFoundNamingIt() {
        // What a cluster answers for a node it has but cannot reach; pveproxy answers a name it cannot resolve
        // with 500 "hostname lookup 'nope' failed", which the fake does by default.
        pve.answerNext("GET", "/nodes/nope/status", PveAnswer.error(595, "no such cluster node 'nope'"));
        assertThatThrownBy(() -> client.node("nope").status()).isInstanceOf(ProxmoxNotFoundException.class).hasMessageContaining("'nope'");
    }

    @Test
    void permissionDeniedNamesThePrivilegeAndPath() {
        pve.answerNext("POST", "/nodes/pve1/qemu/101/status/start", PveAnswer.error(403, "Permission check failed (/vms/101, VM.PowerMgmt)"));
        assertThatThrownBy(() -> RawCalls.start(client, "pve1", 101)).isInstanceOf(ProxmoxPermissionException.class).satisfies(e -> {
            ProxmoxPermissionException p = (ProxmoxPermissionException) e;
            assertThat(p.privilege()).contains("VM.PowerMgmt");
            assertThat(p.aclPath()).contains("/vms/101");
            assertThat(p.status()).isEqualTo(403);
        });
    }

    @Test
    void aRootOnlyCallRefusingTokensSaysATicketIsNeeded() {
        pve.answerNext("GET", "/version", PveAnswer.error(403, "Permission check failed (user != root@pam)"));
        assertThatThrownBy(client::version).isInstanceOf(ProxmoxRootTicketRequiredException.class).hasMessageContaining("root@pam login ticket");
    }

    @Test
    void invalidParametersCarryTheFieldErrors() {
        pve.answerNext("GET", "/version", PveAnswer.invalid(Map.of("memory", "value must have a minimum value of 16")));
        assertThatThrownBy(client::version).isInstanceOf(ProxmoxInvalidParameterException.class).satisfies(e -> {
            assertThat(((ApiException) e).fieldErrors()).containsEntry("memory", "value must have a minimum value of 16");
            assertThat(((ApiException) e).retryable()).isFalse();
        });
    }

    @Test
    void anHtmlErrorPageIsAServerErrorQuotingIt() {
        pve.answerNext("GET", "/version", PveAnswer.html(500, "<html><body><h1>Proxy Error</h1></body></html>"));
        assertThatThrownBy(client::version).isInstanceOf(ProxmoxServerException.class).hasMessageContaining("text/html")
                .hasMessageContaining("Proxy Error");
    }

    @Test
    void aSuccessfulAnswerThatIsNotJsonIsAServerError() {
        pve.answerNext("GET", "/version", PveAnswer.html(200, "<html>login</html>"));
        assertThatThrownBy(client::version).isInstanceOf(ProxmoxServerException.class).hasMessageContaining("not a Proxmox API object");
    }

    @Test
    void aServerThatHangsHitsTheReadTimeout() {
        PveClient impatient = Fakes.clientBuilder(pve).retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(200)).build();
        pve.answerNext("GET", "/version", PveAnswer.hang());
        assertThatThrownBy(impatient::version).isInstanceOf(dev.ops.proxmox.error.ProxmoxCallTimeoutException.class).hasMessageContaining("read timeout");
    }

    @Test
    void aConnectionClosedMidResponseIsAConnectionError() {
        pve.answerNext("GET", "/version", PveAnswer.disconnect());
        assertThatThrownBy(client::version).isInstanceOf(ConnectionException.class).hasMessageContaining("GET /version");
    }

    @Test
    void aRefusedConnectionIsARetryableConnectionError() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PveClient c = Fakes.clientBuilder(pve).baseUrl("https://127.0.0.1:" + port).retryPolicy(RetryPolicy.none()).build();
        assertThatThrownBy(c::version).isInstanceOf(ConnectionException.class).hasMessageContaining("cannot connect")
                .satisfies(e -> assertThat(((ConnectionException) e).retryable()).isTrue());
    }

    @Test
    void anUnknownApiPathIsNotFound() {
        assertThatThrownBy(() -> client.api().get("/nodes/{node}/nonsense", Map.of("node", "pve1")))
                .isInstanceOf(ProxmoxNotFoundException.class).hasMessageContaining("not implemented");
    }

    @Test
    void vmidsOutOfRangeAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> client.node("pve1").qemu().vm(99)).isInstanceOf(dev.ops.core.error.ValidationException.class)
                .hasMessageContaining("99 is out of range");
        assertThatThrownBy(() -> client.node("pve1").qemu().vm(1_000_000_000)).isInstanceOf(dev.ops.core.error.ValidationException.class);
        assertThat(pve.requests()).isEmpty();
    }

    @Test
    void guestNamesProxmoxWouldRefuseAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> dev.ops.pve.guest.CloneRequest.builder().newId(150).name("web_1").build())
                .isInstanceOf(dev.ops.core.error.ValidationException.class).hasMessageContaining("web_1").hasMessageContaining("DNS name");
    }

    @Test
    void badNodeNamesAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> client.node("pve 1")).isInstanceOf(dev.ops.core.error.ValidationException.class)
                .hasMessageContaining("'pve 1'");
    }
}
