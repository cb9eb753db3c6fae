package dev.ops.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.secret.Secret;
import dev.ops.proxmox.internal.Dialect;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proxmox Backup Server deflates its answers for a client that accepts deflate and knows no gzip;
 * pveproxy gzips. A client in the PBS dialect asks for deflate and reads either deflate format.
 */
@Timeout(20)
class DeflatedAnswersTest {
    private static final Secret TOKEN = Secret.of("5d2e-deflate-test-token");
    private static final String BODY = "{\"data\":[" + "{\"backup-type\":\"vm\",\"backup-id\":\"100\"},".repeat(200) + "{}]}";

    private static byte[] deflate(String text, boolean zlib) {
        Deflater d = new Deflater(3, !zlib);
        d.setInput(text.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static RecordedRequest list(MockResponse answer, Dialect dialect, int expected) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(answer);
            try (TestClient c = TestClient.builder(dialect).baseUrl("http://127.0.0.1:" + server.getPort()).allowPlainHttpToLoopback()
                    .apiToken("root@pam", "ops", TOKEN).build()) {
                assertThat(c.api().get("/admin/datastore/store1/snapshots").elements()).hasSize(expected);
            }
            return server.takeRequest();
        }
    }

    @Test
    void aPbsClientAsksForDeflateAndInflatesTheZlibFormatPbsSendsChunked() throws Exception {
        MockResponse answer = new MockResponse.Builder().setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "deflate")
                .chunkedBody(new Buffer().write(deflate(BODY, true)), 8192).build();

        RecordedRequest r = list(answer, Dialect.PBS, 201);

        assertThat(r.getHeaders().get("Accept-Encoding")).isEqualTo("deflate");
    }

    @Test
    void aBareDeflateStreamIsReadToo() throws Exception {
        MockResponse answer = new MockResponse.Builder().setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "deflate")
                .body(new Buffer().write(deflate(BODY, false))).build();

        list(answer, Dialect.PBS, 201);
    }

    @Test
    void anUncompressedAnswerIsReadAsItIs() throws Exception {
        list(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(BODY).build(), Dialect.PBS, 201);
    }

    /** A listing of {@code n} entries, each with its own id: megabytes when inflated, as a large PBS listing is. */
    private static String large(int n) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"backup-type\":\"vm\",\"backup-id\":\"").append(i).append("\",\"backup-time\":1767225600}");
        }
        return sb.append("]}").toString();
    }

    private static MockResponse deflated(byte[] body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "deflate")
                .chunkedBody(new Buffer().write(body), 8192).build();
    }

    @Test
    void aLargeAnswerIsReadWholeAndInOrderWhileItIsInflatedOnAThreadOfItsOwn() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            byte[] body = deflate(large(40_000), true); // 2.5 MB inflated, far past what is inflated on the caller's thread
            server.enqueue(deflated(body));
            server.enqueue(deflated(body));
            try (TestClient c = TestClient.builder(Dialect.PBS).baseUrl("http://127.0.0.1:" + server.getPort()).allowPlainHttpToLoopback()
                    .apiToken("root@pam", "ops", TOKEN).build()) {
                for (int call = 0; call < 2; call++) {
                    java.util.List<JsonValue> listed = c.api().get("/admin/datastore/store1/snapshots").elements();

                    assertThat(listed).hasSize(40_000);
                    for (int i = 0; i < listed.size(); i += 997) {
                        assertThat(listed.get(i).path("backup-id").asText()).isEqualTo(Integer.toString(i));
                    }
                    assertThat(listed.get(39_999).path("backup-id").asText()).isEqualTo("39999");
                }
            }
            // The reader stops at the closing brace, before the stream's checksum: the rest is read off the
            // connection, which the second listing uses again.
            assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(server.takeRequest().getConnectionIndex());
        }
    }

    @Test
    void aLargeAnswerWhoseStreamBreaksOffFailsTheCallInsteadOfListingLess() throws Exception {
        byte[] body = deflate(large(40_000), true);
        byte[] cut = java.util.Arrays.copyOf(body, body.length / 2);
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(deflated(cut));
            try (TestClient c = TestClient.builder(Dialect.PBS).baseUrl("http://127.0.0.1:" + server.getPort()).allowPlainHttpToLoopback()
                    .apiToken("root@pam", "ops", TOKEN).retryPolicy(RetryPolicy.none()).build()) {
                assertThatThrownBy(() -> c.api().get("/admin/datastore/store1/snapshots")).isInstanceOf(dev.ops.core.error.OpsException.class);
            }
        }
    }

    @Test
    void theAnswerLimitCountsInflatedBytesOfALargeAnswerAndStopsItsInflating() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(deflated(deflate(large(40_000), true)));
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(BODY).build());
            try (TestClient c = TestClient.builder(Dialect.PBS).baseUrl("http://127.0.0.1:" + server.getPort()).allowPlainHttpToLoopback()
                    .apiToken("root@pam", "ops", TOKEN).retryPolicy(RetryPolicy.none()).maxAnswerBytes(1_000_000).build()) {
                assertThatThrownBy(() -> c.api().get("/admin/datastore/store1/snapshots")).isInstanceOf(dev.ops.proxmox.error.ProxmoxServerException.class)
                        .hasMessageContaining("maxAnswerBytes");

                assertThat(c.api().get("/admin/datastore/store1/snapshots").elements()).hasSize(201);
            }
        }
    }

    @Test
    void aPveClientLeavesTheEncodingToOkHttpWhichAsksForGzip() throws Exception {
        RecordedRequest r = list(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(BODY).build(), Dialect.PVE, 201);

        assertThat(r.getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    }
}
