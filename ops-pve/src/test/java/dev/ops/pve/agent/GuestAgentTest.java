package dev.ops.pve.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.error.ProxmoxServerException;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A VM's guest agent, read and driven through Proxmox; a file written through it is a change with rollback. */
@Timeout(30)
class GuestAgentTest {
    private final PveFakeServer pve = Fakes.cluster()
            .vm(101, "pve1", vm -> vm.name("web-01").set("agent", "1").set("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0").running())
            .vm(102, "pve1", vm -> vm.name("no-agent").running())
            .container(200, "pve1", ct -> ct.name("ct"))
            .start();
    private final PveClient client = Fakes.client(pve);
    private final PveChanges changes = client.changes(Ops.inMemory());

    @AfterEach
    void stop() {
        pve.close();
    }

    private Guest vm(int vmid) {
        return client.node("pve1").qemu().vm(vmid);
    }

    @Test
    void readsTheGuestsOsHostNameAndInterfaces() {
        GuestAgent agent = GuestAgent.of(client, vm(101));

        agent.ping();
        assertThat(agent.osInfo().id()).isEqualTo("debian");
        assertThat(agent.osInfo().prettyName()).contains("Debian");
        assertThat(agent.hostName()).isEqualTo("web-01");
        assertThat(agent.networkInterfaces()).extracting(AgentInterface::name).containsExactly("lo", "eth0");
        assertThat(agent.networkInterfaces().get(1).mac()).isEqualTo("bc:24:11:00:00:01");
        assertThat(agent.networkInterfaces().get(1).addresses()).singleElement().asString().endsWith("/24");
    }

    @Test
    void runsACommandAndWaitsForItsExit() {
        GuestAgent agent = GuestAgent.of(client, vm(101));

        ExecResult echo = agent.exec(List.of("echo", "hello", "lab"), Duration.ofSeconds(5));
        ExecResult missing = agent.exec(List.of("no-such-tool"), Duration.ofSeconds(5));

        assertThat(echo.ok()).isTrue();
        assertThat(echo.stdout()).isEqualTo("hello lab\n");
        assertThat(missing.exitCode()).isEqualTo(127);
        assertThat(missing.stderr()).contains("not found");
    }

    @Test
    void anAgentThatIsNotConfiguredFailsOnceWithProxmoxsText() {
        assertThatThrownBy(() -> GuestAgent.of(client, vm(102)).hostName()).isInstanceOf(ProxmoxServerException.class)
                .hasMessageContaining("No QEMU guest agent configured");
        assertThat(Fakes.calls(pve, "GET", "/agent/get-host-name")).hasSize(1);
        assertThatThrownBy(() -> GuestAgent.of(client, client.node("pve1").lxc().container(200)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("container");
    }

    @Test
    void aFileWrittenThroughTheAgentIsRemovedByTheRollbackWhenItWasNew() {
        GuestAgent agent = GuestAgent.of(client, vm(101));

        Plan plan = changes.agentFileWrite(vm(101), "/etc/motd", "lab\n").plan();
        assertThat(Fakes.calls(pve, "POST", "/agent/file-write")).isEmpty();
        assertThat(plan.render()).contains("create /etc/motd");

        Applied<String> done = changes.agentFileWrite(vm(101), "/etc/motd", "lab\n").apply();
        assertThat(agent.readFile("/etc/motd")).contains("lab\n");
        assertThat(changes.agentFileWrite(vm(101), "/etc/motd", "lab\n").plan().isEmpty()).isTrue();

        done.rollback();
        assertThat(agent.readFile("/etc/motd")).isEmpty();
    }

    @Test
    void aRewrittenFileGetsItsOldContentBackOnRollback() {
        changes.agentFileWrite(vm(101), "/etc/motd", "old\n").apply();

        Applied<String> done = changes.agentFileWrite(vm(101), "/etc/motd", "new\n").apply();
        assertThat(GuestAgent.of(client, vm(101)).readFile("/etc/motd")).contains("new\n");
        done.rollback();

        assertThat(GuestAgent.of(client, vm(101)).readFile("/etc/motd")).contains("old\n");
    }

    @Test
    void badInputIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> changes.agentFileWrite(vm(101), "etc/motd", "x".repeat(70_000)).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("file").hasMessageContaining("content");
        assertThatThrownBy(() -> GuestAgent.of(client, vm(101)).exec(List.of(), Duration.ofSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("command");
        assertThat(pve.violations()).isEmpty();
    }
}
