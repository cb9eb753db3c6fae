package dev.ops.proxmox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuietConnectionPoolTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOkHttpThisModuleShipsWithHasTheInternalsTheQuietRunnerNeeds() {
        assertThat(QuietConnectionPool.available())
                .as("QuietConnectionPool fell back to OkHttp's default pool: the OkHttp on the class path changed the internals it"
                        + " uses (TaskRunner, TaskRunner.Backend, ConnectionPool(int, long, TimeUnit, TaskRunner, ConnectionListener));"
                        + " adapt it to them, or drop it and re-measure ops-bench's PveBenchmark")
                .isTrue();
        assertThat(QuietConnectionPool.create().connectionCount()).isZero();
    }

    @Test
    void handsTheSameConnectionToCallAfterCall() throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().connectionPool(QuietConnectionPool.create()).build();

        get(client);
        get(client);
        get(client);

        assertThat(server.takeRequest().getExchangeIndex()).isZero();
        assertThat(server.takeRequest().getExchangeIndex()).isEqualTo(1);
        assertThat(server.takeRequest().getExchangeIndex()).isEqualTo(2);
        assertThat(client.connectionPool().connectionCount()).isEqualTo(1);
    }

    @Test
    void closesAnIdleConnectionSoonAfterItsKeepAliveRunsOutThoughNoCallWokeTheCleanUp() throws Exception {
        OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(QuietConnectionPool.create(5, Duration.ofMillis(300))).build();
        get(client);
        get(client);
        assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.connectionPool().connectionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(client.connectionPool().connectionCount()).as("connections left after keep-alive plus a second").isZero();
    }

    private void get(OkHttpClient client) throws IOException {
        server.enqueue(new MockResponse.Builder().body("ok").build());
        try (Response r = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            assertThat(r.body().string()).isEqualTo("ok");
        }
    }
}
