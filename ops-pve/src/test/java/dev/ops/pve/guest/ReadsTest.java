package dev.ops.pve.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.PveClient;
import dev.ops.pve.cluster.ResourceType;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ReadsTest {
    private final PveFakeServer pve = Fakes.cluster().volume("pve1", "local:iso/debian-12.iso", 700 << 20).start();
    private final PveClient client = Fakes.client(pve);

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    @Test
    void typedModelsKeepFieldsTheyDoNotKnow() {
        pve.seed(b -> b.vm(101, "pve1", vm -> vm.name("web").running()));
        var status = client.node("pve1").qemu().vm(101).status();
        assertThat(status.running()).isTrue();
        assertThat(status.fields()).containsKey("uptime");
        // A field a later Proxmox may add, which no model names.
        pve.answerNext("GET", "/cluster/resources", PveAnswer.data(List.of(Map.of("id", "qemu/101", "type", "qemu", "vmid", 101,
                "node", "pve1", "status", "running", "newfield", "x"))));
        var res = client.cluster().resources(ResourceType.VM);
        assertThat(res).singleElement().satisfies(r -> {
            assertThat(r.vmid()).hasValue(101);
            assertThat(r.guestType()).contains(GuestType.QEMU);
            assertThat(r.field("newfield")).contains("x");
        });
    }

    @Test
    void configKeepsEveryKeyAndTheDigest() {
        pve.seed(b -> b.vm(101, "pve1", vm -> vm.name("web").set("vmgenid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")));
        GuestConfig cfg = client.node("pve1").qemu().vm(101).config();
        var raw = client.api().get("/nodes/{node}/qemu/{vmid}/config", Map.of("node", "pve1", "vmid", 101));
        assertThat(cfg.digest()).isNotEmpty().isEqualTo(raw.path("digest").asText());
        assertThat(cfg.get("vmgenid")).contains("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        assertThat(cfg.name()).contains("web");
        assertThat(cfg.memoryMb()).hasValue(2048);
    }

    @Test
    void snapshotListLeavesOutTheCurrentPseudoEntry() {
        pve.seed(b -> b.vm(101, "pve1", vm -> vm.name("web")));
        client.api().post("/nodes/{node}/qemu/{vmid}/snapshot", Map.of("node", "pve1", "vmid", 101, "snapname", "s1", "description", "one"));
        assertThat(client.node("pve1").qemu().vm(101).snapshots().list()).extracting(Snapshot::name).containsExactly("s1");
    }

    @Test
    void findsAGuestOnWhicheverNodeItIs() {
        pve.seed(b -> b.container(200, "pve2", ct -> ct.name("ct")));
        assertThat(client.findGuest(200)).hasValueSatisfying(g -> {
            assertThat(g.node()).isEqualTo("pve2");
            assertThat(g.type()).isEqualTo(GuestType.LXC);
        });
        assertThat(client.findGuest(999)).isEmpty();
    }

    @Test
    void theEscapeHatchTakesPathParametersFromTheMap() {
        pve.seed(b -> b.vm(101, "pve1", vm -> vm.name("web")));
        var data = client.api().get("/nodes/{node}/qemu/{vmid}/config", Map.of("node", "pve1", "vmid", 101));
        assertThat(data.path("name").asText()).isEqualTo("web");
    }

    @Test
    void nodeNetworkAndStorageReads() {
        assertThat(client.node("pve1").network()).extracting(n -> n.iface()).contains("vmbr0");
        assertThat(client.node("pve1").storages()).anySatisfy(s -> assertThat(s.content()).contains("images"));
        assertThat(client.node("pve1").storage("local").list("iso")).extracting(i -> i.volid()).contains("local:iso/debian-12.iso");
    }

    @Test
    void sshKeysRoundTripThroughProxmoxsEncoding() {
        String keys = "ssh-ed25519 AAAA+/= a@b\nssh-rsa BBBB c@d\n";
        String enc = UriComponent.encode(keys);
        assertThat(enc).matches("[-%a-zA-Z0-9_.!~*'()]*");
        assertThat(UriComponent.decode(enc)).isEqualTo(keys);
    }
}
