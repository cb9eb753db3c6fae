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
}
