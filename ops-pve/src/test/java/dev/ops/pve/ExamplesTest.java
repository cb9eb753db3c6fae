package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.pve.guest.CloudInit;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.proxmox.task.TaskOutcome;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examples of the javadoc of {@link PveClient}, {@link PveChanges} and {@link dev.ops.proxmox.task.ProxmoxTask}, run. */
@Timeout(30)
class ExamplesTest {
    private final PveFakeServer pve = Fakes.cluster().vm(101, "pve1", vm -> vm.name("web")).vm(9000, "pve1", vm -> vm.name("tmpl"))
            .token("ops@pve", "plan", "plan-secret", acl -> acl.grant("/", "PVEAuditor")).start();

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    @Test
    void readAConfigAndCloneATemplate() {
        PveClient client = Fakes.client(pve);
        GuestConfig cfg = client.node("pve1").qemu().vm(101).config();
        Applied<Guest> clone = client.guests(Ops.inMemory()).clone(client.node("pve1").qemu().vm(9000),
                c -> c.newId(150).name("web-1").full(true)).apply();
        assertThat(cfg.name()).contains("web");
        assertThat(clone.value().config().name()).contains("web-1");
    }

    @Test
    void cloneAsAChangeAndRollItBack() {
        PveClient client = Fakes.client(pve);
        Guest template = client.node("pve1").qemu().vm(9000);
        PveChanges changes = client.changes(Ops.inMemory());
        Applied<Guest> clone = changes.clone(template, c -> c.name("web-1").full(true)
                .cloudInit(CloudInit.builder().user("ops").addSshKeys("ssh-ed25519 AAAAC3Nza ops@lab").putIpConfigs(0, "ip=dhcp").build()))
                .apply();
        assertThat(clone.value().config().cloudInitUser()).contains("ops");
        clone.rollback();
        assertThat(clone.value().exists()).isFalse();
    }

    @Test
    void preflightAPlan() {
        // A token that may read but not power guests on, as a planning token often is.
        PveClient client = Fakes.clientBuilder(pve).apiToken("ops@pve", "plan", dev.ops.core.secret.Secret.of("plan-secret")).build();
        var change = client.changes(Ops.inMemory()).start(client.node("pve1").qemu().vm(101));
        var report = client.preflight().node("pve1").storage("pve1", "local-lvm", "images").plan(change.plan()).run();
        assertThat(report.problems()).extracting(p -> p.subject()).containsExactly("privilege VM.PowerMgmt on /vms/101");
    }
}
