package dev.ops.pve.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.testing.Answers;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes of /nodes are typed, share the usage fields, and keep fields ops does not know. */
class NodeSummaryTest {

    @Test
    void readsTypedFieldsAndUsage() throws IOException {
        NodeSummary n = Answers.one(NodeSummary.class, """
                {"data":[{"node":"pve1","status":"online","cpu":0.03,"maxcpu":16,"mem":4294967296,"maxmem":68719476736,
                "disk":2147483648,"maxdisk":107374182400,"uptime":86400,"level":"c","ssl_fingerprint":"AB:CD","id":"node/pve1","type":"node"}]}""");
        assertThat(n.node()).isEqualTo("pve1");
        assertThat(n.status()).isEqualTo("online");
        assertThat(n.online()).isTrue();
        assertThat(n.maxcpu()).hasValue(16);
        assertThat(n.level()).contains("c");
        assertThat(n.sslFingerprint()).contains("AB:CD");
        assertThat(n.usage().cpu()).hasValue(0.03);
        assertThat(n.usage().maxmem()).hasValue(68719476736L);
        assertThat(n.usage().disk()).hasValue(2147483648L);
        assertThat(n.usage().uptime()).hasValue(86400);
        assertThat(n.unknownFields()).containsOnlyKeys("id", "type");
        assertThat(n.field("ssl_fingerprint")).as("known fields read by wire name too").contains("AB:CD");
    }

    @Test
    void anOfflineNodeWithFewFieldsReadsWithDefaults() throws IOException {
        List<NodeSummary> ns = Answers.list(NodeSummary.class, """
                {"data":[{"node":"pve2","status":"offline"},{"node":"pve3"}]}""");
        assertThat(ns).noneMatch(NodeSummary::online);
        assertThat(ns.get(1).status()).isEqualTo("unknown");
        assertThat(ns.get(1).maxcpu()).isEmpty();
        assertThat(ns.get(1).usage().mem()).isEmpty();
    }

    @Test
    void acceptsNumbersAsStrings() throws IOException {
        NodeSummary n = Answers.one(NodeSummary.class, "{\"data\":[{\"node\":\"pve1\",\"maxcpu\":\"8\",\"mem\":\"1024\",\"cpu\":\"0.5\"}]}");
        assertThat(n.maxcpu()).hasValue(8);
        assertThat(n.usage().mem()).hasValue(1024);
        assertThat(n.usage().cpu()).hasValue(0.5);
    }

    @Test
    void readsEveryUsageFieldAndLeavesTheUnreadableOnesEmpty() throws IOException {
        NodeSummary n = Answers.one(NodeSummary.class, """
                {"data":[{"node":"pve1","cpu":1,"mem":1,"maxmem":2,"disk":3,"maxdisk":4,"uptime":5,"netin":null,
                "netout":"lots","diskread":1e3,"diskwrite":123456789012345678901234567890}]}""");
        var u = n.usage();
        assertThat(u.cpu()).hasValue(1.0);
        assertThat(List.of(u.mem(), u.maxmem(), u.disk(), u.maxdisk(), u.uptime(), u.diskread()))
                .extracting(java.util.OptionalLong::getAsLong).containsExactly(1L, 2L, 3L, 4L, 5L, 1000L);
        assertThat(u.netin()).as("null").isEmpty();
        assertThat(u.netout()).as("not a number").isEmpty();
        assertThat(u.diskwrite()).as("beyond a long").isEmpty();
        assertThat(n.fields()).containsEntry("cpu", 1.0).containsEntry("mem", 1L).doesNotContainKeys("netin", "netout", "diskwrite");
        assertThat(u).hasToString("Usage{cpu=1.0, mem=1, maxmem=2, disk=3, maxdisk=4, uptime=5, diskread=1000}");
    }
}
