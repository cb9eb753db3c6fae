package dev.ops.srv.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.audit.AuditRecord;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.junit.EnablePveFake;
import dev.ops.testkit.pve.junit.PveSeed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A healer restarting a Proxmox guest through ops-pve, against the PVE fake: a stopped guest is started, a running one rebooted. */
@EnablePveFake(nodes = "pve-01")
@Timeout(30)
class PveGuestHealingTest {
    private final Ops ops = Ops.inMemory();

    @PveSeed
    static void seed(PveFakeServer.Builder b) {
        b.vm(101, "pve-01", vm -> vm.name("web").running()).taskDuration(Duration.ZERO);
    }

    private static HealthEvent unhealthy() {
        return new HealthEvent("web", HealthStatus.HEALTHY, HealthStatus.UNHEALTHY, new ProbeResult(false, "connection refused", Duration.ZERO),
                3, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private Healer healer(PveClient client) {
        PveChanges guests = client.guests(ops);
        Guest guest = client.node("pve-01").qemu().vm(101);
        return Healer.builder(ops).action("web", HealAction.change("restart guest 101",
                () -> guest.status().running() ? guests.reboot(guest) : guests.start(guest))).build();
    }

    @Test
    void aGuestThatDiedIsStartedAgainAndTheHealIsAudited(PveClient client, PveFakeServer server) {
        client.guests(ops).stop(client.node("pve-01").qemu().vm(101)).apply();

        healer(client).onEvent(unhealthy());

        assertThat(server.guestStatus(101)).contains("running");
        assertThat(server.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/qemu/101/status/start"));
        assertThat(ops.audit().records()).anySatisfy(r -> {
            assertThat(r.change()).isEqualTo("heal web");
            assertThat(r.step()).isEqualTo("restart guest 101");
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.APPLIED);
        });
    }

    @Test
    void aGuestThatHangsRunningIsRebooted(PveClient client, PveFakeServer server) {
        healer(client).onEvent(unhealthy());

        assertThat(server.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/qemu/101/status/reboot"));
        assertThat(server.guestStatus(101)).contains("running");
    }
}
