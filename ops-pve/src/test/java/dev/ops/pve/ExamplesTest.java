package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.pve.guest.CloudInit;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.task.PveTask;
import dev.ops.pve.task.TaskOutcome;
import dev.ops.pve.testing.MiniPve;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examples of the javadoc of {@link PveClient}, {@link PveChanges} and {@link dev.ops.pve.task.PveTask}, run. */
@Timeout(30)
class ExamplesTest {
    private final MiniPve pve = MiniPve.start();

    @AfterEach
    void stop() {
        assertThat(pve.schemaProblems()).isEmpty();
        pve.close();
    }

    @Test
    void readAConfigAndCloneATemplate() {
        pve.addGuest("pve1", "qemu", 101, "web");
        pve.addGuest("pve1", "qemu", 9000, "tmpl");
        PveClient client = pve.client();
        GuestConfig cfg = client.node("pve1").qemu().vm(101).config();
        Applied<Guest> clone = client.guests(Ops.inMemory()).clone(client.node("pve1").qemu().vm(9000),
                c -> c.newId(150).name("web-1").full(true)).apply();
        assertThat(cfg.name()).contains("web");
        assertThat(clone.value().config().name()).contains("web-1");
    }

    @Test
    void cloneAsAChangeAndRollItBack() {
        pve.addGuest("pve1", "qemu", 9000, "tmpl");
        PveClient client = pve.client();
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
        pve.addGuest("pve1", "qemu", 101, "web");
        PveClient client = pve.client();
        var change = client.changes(Ops.inMemory()).start(client.node("pve1").qemu().vm(101));
        var report = client.preflight().node("pve1").storage("pve1", "local-lvm", "images").plan(change.plan()).run();
        assertThat(report.problems()).extracting(p -> p.subject()).containsExactly("privilege VM.PowerMgmt on /vms/101");
    }
}
