package dev.ops.pve.change;

import dev.ops.proxmox.change.ApiCallAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Action;
import dev.ops.core.json.internal.Json;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.internal.GuestDestroyAction;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PveCallActionTest {
    private final PveFakeServer pve = Fakes.cluster().vm(9000, "pve1", vm -> vm.name("tmpl")).start();

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void roundTripsThroughTheJournalsJson() {
        PveClient client = Fakes.client(pve);
        Action a = ApiCallAction.of(client, "POST", "/nodes/{node}/qemu/{vmid}/status/start", Map.of("node", "pve1", "vmid", 101), true, false);
        Action back = Json.read(Json.write(a), Action.class);
        assertThat(back).isEqualTo(a);
        Action d = new GuestDestroyAction("lab", "pve1", GuestType.LXC, 200);
        assertThat(Json.read(Json.write(d), Action.class)).isEqualTo(d);
    }

    @Test
    void keepsSecretsOutOfTheJournal() {
        PveClient client = Fakes.client(pve);
        String pw = "journal-secret-4711";
        Action a = ApiCallAction.of(client, "PUT", "/nodes/{node}/qemu/{vmid}/config",
                Map.of("node", "pve1", "vmid", 101, "cipassword", Secret.of(pw)), false, false);
        assertThat(new String(Json.write(a))).doesNotContain(pw);
        assertThat(a.render()).contains("cipassword=***").doesNotContain(pw);
    }

    @Test
    void aFreshProcessCanRollBackThroughANewClientOfTheSameName() {
        Ops ops = Ops.inMemory();
        var applied = Fakes.client(pve).changes(ops).clone(Fakes.client(pve).node("pve1").qemu().vm(9000), c -> c.newId(150).name("web-1")).apply();
        assertThat(pve.hasGuest(150)).isTrue();
        // A "fresh JVM": only the store and a newly built client named like the first.
        PveClient fresh = Fakes.clientBuilder(pve).apiToken("root@pam", "ops", Secret.of(Fakes.TOKEN_SECRET)).build();
        ops.rollback(applied.id().orElseThrow(), fresh.targets()).run();
        assertThat(pve.hasGuest(150)).isFalse();
    }
}
