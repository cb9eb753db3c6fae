package dev.ops.testkit.pve.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/**
 * pveproxy's response compression: an answer of more than 1,024 bytes is gzipped (zlib's default
 * level, as Perl's {@code memGzip}) when the client accepts gzip and the server has compression on.
 */
final class Compression {
    /** pveproxy compresses only bodies longer than this. */
    static final int MIN_LENGTH = 1024;

    private Compression() {}

    /** The response gzipped, if it is a plain answer long enough; faults are left as they are. */
    static MockResponse gzipped(MockResponse response) {
        SocketPolicy policy = response.getSocketPolicy();
        boolean plainAnswer = policy == SocketPolicy.KEEP_OPEN || policy == SocketPolicy.DISCONNECT_AT_END;
        if (!plainAnswer || response.getHeaders().get("Content-Encoding") != null) {
            return response;
        }
        Buffer body = response.getBody();
        if (body == null || body.size() <= MIN_LENGTH) {
            return response;
        }
        return response.setHeader("Content-Encoding", "gzip").setBody(new Buffer().write(gzip(body.readByteArray())));
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
