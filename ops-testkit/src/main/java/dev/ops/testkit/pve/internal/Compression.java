package dev.ops.testkit.pve.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
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
        if (!Answers.plain(response) || response.getHeaders().get("Content-Encoding") != null) {
            return response;
        }
        MockResponseBody body = response.getBody();
        if (body == null || body.getContentLength() <= MIN_LENGTH) {
            return response;
        }
        Buffer bytes = new Buffer();
        try {
            body.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.newBuilder().setHeader("Content-Encoding", "gzip").body(new Buffer().write(gzip(bytes.readByteArray()))).build();
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
