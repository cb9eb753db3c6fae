package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake answers at the HTTP level as pveproxy does: gzip over 1 KiB when the client accepts it (unless turned off), no keep-alive after errors. */
@Timeout(30)
class PveFakeHttpTest {

    private static PveFakeServer.Builder cluster() {
        PveFakeServer.Builder b = PveFakeServer.builder().node("pve-01").token("root@pam", "ops", "secret");
        for (int vmid = 100; vmid < 120; vmid++) {
            b.vm(vmid, "pve-01");
        }
        return b;
    }

    @Test
    void aLargeAnswerIsGzippedForAClientThatAcceptsGzip() throws IOException {
        try (PveFakeServer pve = cluster().start()) {
            PveHttp http = PveHttp.withToken(pve);
            HttpResponse<byte[]> plain = http.getBytes("/cluster/resources");
            HttpResponse<byte[]> gz = http.header("Accept-Encoding", "gzip, deflate").getBytes("/cluster/resources");

            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.body().length).isGreaterThan(1024);
            assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gz.headers().firstValue("Content-Length")).contains(Integer.toString(gz.body().length));
            assertThat(gz.body().length).isLessThan(plain.body().length);
            assertThat(gunzip(gz.body())).isEqualTo(plain.body());
        }
    }

    @Test
    void aSmallAnswerIsSentAsItIs() {
        try (PveFakeServer pve = cluster().start()) {
            HttpResponse<byte[]> version = PveHttp.withToken(pve).header("Accept-Encoding", "gzip").getBytes("/version");
            assertThat(version.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(version.body().length).isLessThanOrEqualTo(1024);
        }
    }

    @Test
    void compressionCanBeTurnedOffLikeCompression0InPveproxyDefaults() {
        try (PveFakeServer pve = cluster().compression(false).start()) {
            HttpResponse<byte[]> r = PveHttp.withToken(pve).header("Accept-Encoding", "gzip").getBytes("/cluster/resources");
            assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"data\":[");
        }
    }

    @Test
    void gzipRefusedWithQZeroIsNotUsed() {
        try (PveFakeServer pve = cluster().start()) {
            HttpResponse<byte[]> r = PveHttp.withToken(pve).header("Accept-Encoding", "gzip;q=0, identity").getBytes("/cluster/resources");
            assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        }
    }

    @Test
    void anErrorAnswerEndsTheConnectionAsPveproxyDoes() {
        try (PveFakeServer pve = cluster().start()) {
            HttpResponse<byte[]> r = PveHttp.withToken(pve).getBytes("/nodes/pve-99/status");
            assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
            assertThat(r.headers().firstValue("Connection")).contains("close");
            assertThat(PveHttp.withToken(pve).get("/version").status()).as("the next call connects again").isEqualTo(200);
        }
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
