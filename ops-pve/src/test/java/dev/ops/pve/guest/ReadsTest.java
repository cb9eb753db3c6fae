package dev.ops.pve.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.PveClient;
import dev.ops.pve.cluster.ResourceType;
import dev.ops.pve.testing.MiniPve;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ReadsTest {
    private final MiniPve pve = MiniPve.start();
    private final PveClient client = pve.client();

    @AfterEach
    void stop() {
        assertThat(pve.schemaProblems()).isEmpty();
        pve.close();
    }

    @Test
    void typedModelsKeepFieldsTheyDoNotKnow() {
        pve.addGuest("pve1", "qemu", 101, "web").running = true;
        var status = client.node("pve1").qemu().vm(101).status();
        assertThat(status.running()).isTrue();
        assertThat(status.fields()).containsKey("ballooninfo");
        var res = client.cluster().resources(ResourceType.VM);
        assertThat(res).singleElement().satisfies(r -> {
            assertThat(r.vmid()).hasValue(101);
            assertThat(r.guestType()).contains(GuestType.QEMU);
            assertThat(r.field("newfield")).contains("x");
        });
    }

    @Test
    void configKeepsEveryKeyAndTheDigest() {
        var g = pve.addGuest("pve1", "qemu", 101, "web");
        g.config.put("vmgenid", "abc");
        GuestConfig cfg = client.node("pve1").qemu().vm(101).config();
        assertThat(cfg.digest()).isEqualTo(g.digest());
        assertThat(cfg.get("vmgenid")).contains("abc");
        assertThat(cfg.name()).contains("web");
        assertThat(cfg.memoryMb()).hasValue(2048);
    }

    @Test
    void snapshotListLeavesOutTheCurrentPseudoEntry() {
        pve.addGuest("pve1", "qemu", 101, "web").snapshots.put("s1", "one");
        assertThat(client.node("pve1").qemu().vm(101).snapshots().list()).extracting(Snapshot::name).containsExactly("s1");
    }

    @Test
    void findsAGuestOnWhicheverNodeItIs() {
        pve.addGuest("pve2", "lxc", 200, "ct");
        assertThat(client.findGuest(200)).hasValueSatisfying(g -> {
            assertThat(g.node()).isEqualTo("pve2");
            assertThat(g.type()).isEqualTo(GuestType.LXC);
        });
        assertThat(client.findGuest(999)).isEmpty();
    }

    @Test
    void theEscapeHatchTakesPathParametersFromTheMap() {
        pve.addGuest("pve1", "qemu", 101, "web");
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
