package dev.ops.pve.ha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.testing.Answers;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** HA resources are typed, lenient about Proxmox's spellings, and keep fields ops does not know. */
class HaResourceTest {

    @Test
    void readsTheListedConfiguration() throws IOException {
        HaResource r = Answers.one(HaResource.class, """
                {"data":[{"sid":"vm:101","type":"vm","state":"started","group":"prefer-pve1","comment":"web",
                "max_restart":2,"max_relocate":"3","failback":0,"digest":"0a1b2c","node-affinity":"x"}]}""");
        assertThat(r.sid()).isEqualTo("vm:101");
        assertThat(r.type()).contains("vm");
        assertThat(r.state()).isEqualTo("started");
        assertThat(r.group()).contains("prefer-pve1");
        assertThat(r.comment()).contains("web");
        assertThat(r.maxRestart()).hasValue(2);
        assertThat(r.maxRelocate()).hasValue(3);
        assertThat(r.failback()).isFalse();
        assertThat(r.digest()).contains("0a1b2c");
        assertThat(r.unknownFields()).containsOnlyKeys("node-affinity");
    }

    @Test
    void aResourceWithOnlyItsSidReadsWithDefaults() throws IOException {
        HaResource r = Answers.one(HaResource.class, "{\"data\":[{\"sid\":\"ct:200\"}]}");
        assertThat(r.state()).isEmpty();
        assertThat(r.group()).isEmpty();
        assertThat(r.maxRestart()).isEmpty();
        assertThat(r.failback()).as("Proxmox's default").isTrue();
        assertThat(r.fields()).containsOnlyKeys("sid");
    }
}
