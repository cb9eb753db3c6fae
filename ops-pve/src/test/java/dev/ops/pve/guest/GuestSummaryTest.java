package dev.ops.pve.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.proxmox.internal.ProxmoxJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node's guest list is read into typed summaries that keep the fields ops does not know. */
class GuestSummaryTest {

    private static List<GuestSummary> read(String body, GuestType type) throws IOException {
        List<GuestSummary> list = ProxmoxJson.<List<GuestSummary>>data(ProxmoxJson.listOf(GuestSummary.class))
                .read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        return list.stream().map(g -> g.ofType(type)).toList();
    }

    @Test
    void readsARunningVm() throws IOException {
        GuestSummary g = read("""
                {"data":[{"vmid":101,"name":"web","status":"running","qmpstatus":"running","pid":4242,"cpus":4,
                "cpu":0.5,"mem":536870912,"maxmem":2147483648,"uptime":60,"tags":"prod","running-qemu":"10.1.2"}]}""",
                GuestType.QEMU).get(0);
        assertThat(g.type()).isEqualTo(GuestType.QEMU);
        assertThat(g.vmid()).isEqualTo(101);
        assertThat(g.name()).isEqualTo("web");
        assertThat(g.status()).isEqualTo("running");
        assertThat(g.qmpStatus()).contains("running");
        assertThat(g.pid()).hasValue(4242);
        assertThat(g.cpus()).hasValue(4.0);
        assertThat(g.usage().maxmem()).hasValue(2147483648L);
        assertThat(g.tags()).contains("prod");
        assertThat(g.field("running-qemu")).contains("10.1.2");
        assertThat(g.template()).isFalse();
    }

    @Test
    void aContainerTemplateWithMissingFieldsReadsWithDefaults() throws IOException {
        GuestSummary g = read("{\"data\":[{\"vmid\":\"9000\",\"type\":\"lxc\",\"template\":\"1\"}]}", GuestType.LXC).get(0);
        assertThat(g.vmid()).isEqualTo(9000);
        assertThat(g.template()).isTrue();
        assertThat(g.name()).isEmpty();
        assertThat(g.status()).isEqualTo("unknown");
        assertThat(g.field("type")).contains("lxc");
        assertThat(g.unknownFields()).isEmpty();
    }

    @Test
    void aVmAndAContainerWithTheSameFieldsDiffer() throws IOException {
        String body = "{\"data\":[{\"vmid\":100,\"status\":\"stopped\"}]}";
        assertThat(read(body, GuestType.QEMU).get(0)).isNotEqualTo(read(body, GuestType.LXC).get(0))
                .isEqualTo(read(body, GuestType.QEMU).get(0));
    }
}
