package dev.ops.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aPveClientLeavesTheEncodingToOkHttpWhichAsksForGzip() throws Exception {
        RecordedRequest r = list(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(BODY).build(), Dialect.PVE, 201);

        assertThat(r.getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    }
}
