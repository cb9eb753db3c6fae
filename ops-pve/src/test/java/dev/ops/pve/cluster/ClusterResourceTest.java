package dev.ops.pve.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.pve.guest.GuestType;
import dev.ops.proxmox.internal.ProxmoxJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entries of /cluster/resources are typed, lenient about Proxmox's spellings, and keep fields ops does not know. */
class ClusterResourceTest {

    private static List<ClusterResource> read(String body) throws IOException {
        return ProxmoxJson.<List<ClusterResource>>data(ProxmoxJson.listOf(ClusterResource.class))
                .read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTypedFieldsOfAGuest() throws IOException {
        ClusterResource r = read("""
                {"data":[{"id":"qemu/101","type":"qemu","node":"pve1","vmid":101,"name":"web","status":"running",
                "template":0,"cpu":0.125,"maxcpu":4,"mem":1073741824,"maxmem":4294967296,"uptime":3600,
                "tags":"prod;web","lock":"backup","hastate":"started","pool":"lab","netin":10,"netout":20}]}""").get(0);
        assertThat(r.id()).isEqualTo("qemu/101");
        assertThat(r.guestType()).contains(GuestType.QEMU);
        assertThat(r.node()).contains("pve1");
        assertThat(r.vmid()).hasValue(101);
        assertThat(r.name()).contains("web");
        assertThat(r.status()).contains("running");
        assertThat(r.template()).isFalse();
        assertThat(r.usage().cpu()).hasValue(0.125);
        assertThat(r.maxcpu()).hasValue(4.0);
        assertThat(r.usage().maxmem()).hasValue(4294967296L);
        assertThat(r.usage().uptime()).hasValue(3600);
        assertThat(r.tags()).contains("prod;web");
        assertThat(r.lock()).contains("backup");
        assertThat(r.haState()).contains("started");
        assertThat(r.pool()).contains("lab");
        assertThat(r.usage().netout()).hasValue(20);
        assertThat(r.unknownFields()).isEmpty();
    }

    @Test
    void keepsFieldsThisVersionDoesNotKnow() throws IOException {
        ClusterResource r = read("""
                {"data":[{"id":"storage/pve1/local","type":"storage","storage":"local","shared":0,
                "plugintype":"dir","content":"iso,vztmpl","future-field":{"a":[1,2]}}]}""").get(0);
        assertThat(r.storage()).contains("local");
        assertThat(r.vmid()).isEmpty();
        assertThat(r.field("plugintype")).contains("dir");
        assertThat(r.field("shared")).contains("0");
        assertThat(r.field("storage")).as("known fields read the same way").contains("local");
        assertThat(r.unknownFields()).containsEntry("future-field", Map.of("a", List.of(1, 2)));
        assertThat(r.fields()).containsKeys("id", "type", "storage", "plugintype", "content", "future-field");
    }

    @Test
    void acceptsNumbersAsStringsAndBooleansAsAnySpelling() throws IOException {
        List<ClusterResource> rs = read("""
                {"data":[{"vmid":"9000","template":1,"maxmem":"2048"},{"vmid":101,"template":"1"},{"template":true}]}""");
        assertThat(rs.get(0).vmid()).hasValue(9000);
        assertThat(rs.get(0).usage().maxmem()).hasValue(2048);
        assertThat(rs).allSatisfy(r -> assertThat(r.template()).isTrue());
    }

    @Test
    void aValueOfAnUnexpectedShapeLeavesOnlyThatFieldUnset() throws IOException {
        ClusterResource r = read("""
                {"data":[{"id":"qemu/5","vmid":{"oops":1},"maxmem":"lots","name":["x"],"status":"stopped"}]}""").get(0);
        assertThat(r.vmid()).isEmpty();
        assertThat(r.usage().maxmem()).isEmpty();
        assertThat(r.name()).isEmpty();
        assertThat(r.status()).contains("stopped");
        assertThat(r.id()).isEqualTo("qemu/5");
    }

    @Test
    void missingOrNullDataIsNoList() throws IOException {
        assertThat(read("{\"data\":null}")).isNull();
        assertThat(read("{\"total\":0}")).isNull();
    }

    @Test
    void aBodyThatIsNotAnObjectIsUnreadable() {
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("<html>")).isInstanceOf(IOException.class);
    }

    @Test
    void entriesWithTheSameFieldsAreEqual() throws IOException {
        String body = "{\"data\":[{\"id\":\"node/pve1\",\"type\":\"node\",\"x\":1},{\"id\":\"node/pve1\",\"type\":\"node\",\"x\":1}]}";
        List<ClusterResource> rs = read(body);
        assertThat(rs.get(0)).isEqualTo(rs.get(1)).hasSameHashCodeAs(rs.get(1));
        assertThat(rs.get(0).toString()).isEqualTo("ClusterResource{id=node/pve1, type=node, x=1}");
    }
}
