package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.pve.error.PveServerException;
import dev.ops.pve.testing.MiniPve;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The untyped API binds answers to the caller's own types, leniently, straight from the answer. */
@Timeout(20)
class TypedApiTest {
    private final MiniPve pve = MiniPve.start();
    private final PveClient client = pve.client();

    /** A caller's view of a node: only what it needs. */
    public record NodeRow(String node, String status, int maxcpu) {}

    /** A caller's view of the version, with a number Proxmox may send as text. */
    public record Release(String version, double release) {}

    @AfterEach
    void stop() {
        assertThat(pve.schemaProblems()).isEmpty();
        pve.close();
    }

    @Test
    void aListBindsToTheCallersRecordIgnoringFieldsItDoesNotName() {
        List<NodeRow> nodes = client.api().list("/nodes", Map.of(), NodeRow.class);
        assertThat(nodes).contains(new NodeRow("pve1", "online", 8));
    }

    @Test
    void numbersSentAsTextBindToNumbers() {
        pve.script("GET", "/version", MiniPve.ok(Map.of("version", "9.1.1", "release", "9.1", "repoid", "abc")));
        assertThat(client.api().get("/version", Map.of(), Release.class)).isEqualTo(new Release("9.1.1", 9.1));
    }

    @Test
    void noDataIsNullForOneAndEmptyForAList() {
        pve.script("GET", "/nodes", MiniPve.ok(null));
        assertThat(client.api().list("/nodes", Map.of(), NodeRow.class)).isEmpty();
    }

    @Test
    void aBadAnswerToAReadIsRetried() {
        pve.script("GET", "/nodes", new MockResponse().setHeader("Content-Type", "text/html").setBody("<html>maintenance</html>"));
        assertThat(client.api().list("/nodes", Map.of(), NodeRow.class)).hasSize(2);
    }

    @Test
    void anAnswerThatIsNotProxmoxJsonIsAServerErrorNamingWhatCame() {
        pve.script("GET", "/nodes", new MockResponse().setHeader("Content-Type", "text/html").setBody("<html>maintenance</html>"));
        // Reads are retried on a bad answer; without retries the first one is what the caller sees.
        assertThatThrownBy(() -> client.api().withRetry(RetryPolicy.none()).list("/nodes", Map.of(), NodeRow.class))
                .isInstanceOf(PveServerException.class)
                .hasMessageContaining("text/html").hasMessageContaining("<html>maintenance</html>");
    }
}
