package dev.ops.pve.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.proxmox.internal.ProxmoxJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A guest's current status is typed, with its usage, and keeps the nested objects ops does not model. */
class GuestStatusTest {

    private static GuestStatus read(String body) throws IOException {
        return ProxmoxJson.<GuestStatus>data(ProxmoxJson.type(GuestStatus.class))
                .read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).ofVmid(101);
    }

    @Test
    void aPausedVmIsRunningButSuspended() throws IOException {
        GuestStatus s = read("""
                {"data":{"vmid":101,"status":"running","qmpstatus":"paused","name":"web","pid":"4242","cpus":2,
                "uptime":120,"mem":1048576,"maxmem":2097152,"ha":{"managed":0},"lock":"suspending"}}""");
        assertThat(s.vmid()).isEqualTo(101);
        assertThat(s.running()).isTrue();
        assertThat(s.suspended()).isTrue();
        assertThat(s.pid()).hasValue(4242);
        assertThat(s.uptime()).hasValue(120);
        assertThat(s.usage().maxmem()).hasValue(2097152);
        assertThat(s.lock()).contains("suspending");
        assertThat(s.unknownFields()).containsEntry("ha", Map.of("managed", 0));
    }

    @Test
    void aStatusWithoutFieldsReadsAsUnknownAndStopped() throws IOException {
        GuestStatus s = read("{\"data\":{}}");
        assertThat(s.status()).isEqualTo("unknown");
        assertThat(s.running()).isFalse();
        assertThat(s.suspended()).isFalse();
        assertThat(s.uptime()).isEmpty();
    }
}
