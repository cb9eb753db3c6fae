package dev.ops.pve;

import dev.ops.proxmox.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.proxmox.error.ProxmoxServerException;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The untyped API binds answers to the caller's own types, leniently, straight from the answer. */
@Timeout(20)
class TypedApiTest {
    private final PveFakeServer pve = Fakes.cluster().start();
    private final PveClient client = Fakes.client(pve);

    /** A caller's view of a node: only what it needs. */
    public record NodeRow(String node, String status, int maxcpu) {}

    /** A caller's view of the version, with a number Proxmox may send as text. */
    public record Release(String version, double release) {}

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void aListBindsToTheCallersRecordIgnoringFieldsItDoesNotName() {
        List<NodeRow> nodes = client.api().list("/nodes", Map.of(), NodeRow.class);
        assertThat(nodes).extracting(NodeRow::node, NodeRow::status).contains(org.assertj.core.groups.Tuple.tuple("pve1", "online"));
        assertThat(nodes).allSatisfy(n -> assertThat(n.maxcpu()).isPositive());
    }

    @Test
    void numbersSentAsTextBindToNumbers() {
        pve.answerNext("GET", "/version", PveAnswer.data(Map.of("version", "9.1.1", "release", "9.1", "repoid", "abc")));
        assertThat(client.api().get("/version", Map.of(), Release.class)).isEqualTo(new Release("9.1.1", 9.1));
    }

    @Test
    void noDataIsNullForOneAndEmptyForAList() {
        pve.answerNext("GET", "/nodes", PveAnswer.data(null));
        assertThat(client.api().list("/nodes", Map.of(), NodeRow.class)).isEmpty();
    }

    @Test
    void aBadAnswerToAReadIsRetried() {
        pve.answerNext("GET", "/nodes", PveAnswer.html(200, "<html>maintenance</html>"));
        assertThat(client.api().list("/nodes", Map.of(), NodeRow.class)).hasSize(2);
    }

    @Test
    void anAnswerThatIsNotProxmoxJsonIsAServerErrorNamingWhatCame() {
        pve.answerNext("GET", "/nodes", PveAnswer.html(200, "<html>maintenance</html>"));
        // Reads are retried on a bad answer; without retries the first one is what the caller sees.
        assertThatThrownBy(() -> client.api().withRetry(RetryPolicy.none()).list("/nodes", Map.of(), NodeRow.class))
                .isInstanceOf(ProxmoxServerException.class)
                .hasMessageContaining("text/html").hasMessageContaining("<html>maintenance</html>");
    }
}
