package dev.ops.pve.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.testing.Answers;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entries of /cluster/status are typed, lenient about Proxmox's spellings, and keep fields ops does not know. */
class ClusterStatusEntryTest {

    @Test
    void readsTheClusterAndANode() throws IOException {
        List<ClusterStatusEntry> es = Answers.list(ClusterStatusEntry.class, """
                {"data":[{"id":"cluster","type":"cluster","name":"lab","nodes":3,"quorate":1,"version":7},
                {"id":"node/pve1","type":"node","name":"pve1","nodeid":1,"ip":"192.168.1.10","online":1,"local":1,"level":""}]}""");
        ClusterStatusEntry cluster = es.get(0);
        assertThat(cluster.type()).isEqualTo("cluster");
        assertThat(cluster.name()).isEqualTo("lab");
        assertThat(cluster.id()).contains("cluster");
        assertThat(cluster.nodes()).hasValue(3);
        assertThat(cluster.quorate()).isTrue();
        assertThat(cluster.version()).hasValue(7);
        ClusterStatusEntry node = es.get(1);
        assertThat(node.nodeid()).hasValue(1);
        assertThat(node.ip()).contains("192.168.1.10");
        assertThat(node.online()).isTrue();
        assertThat(node.local()).isTrue();
        assertThat(node.level()).as("\"level\": \"\" is no subscription: absent").isEmpty();
        assertThat(node.quorate()).isFalse();
        assertThat(es).allSatisfy(e -> assertThat(e.unknownFields()).isEmpty());
    }

    @Test
    void acceptsBooleansAndNumbersAsStringsAndKeepsUnknownFields() throws IOException {
        ClusterStatusEntry e = Answers.one(ClusterStatusEntry.class, """
                {"data":[{"type":"node","name":"pve2","online":"0","local":true,"nodeid":"2","linkstate":{"0":"up"}}]}""");
        assertThat(e.online()).isFalse();
        assertThat(e.local()).isTrue();
        assertThat(e.nodeid()).hasValue(2);
        assertThat(e.id()).isEmpty();
        assertThat(e.unknownFields()).containsOnlyKeys("linkstate");
    }
}
