package dev.ops.proxmox.internal;

import java.io.IOException;
import java.util.zip.Inflater;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/**
 * Asks for deflated answers and inflates them while they are read, as OkHttp does by itself for
 * gzip only. Proxmox Backup Server deflates every API answer for a client that accepts it (and knows
 * no gzip): a snapshot listing of 2.5 MB travels as about a tenth of that. The answer's size limit
 * counts the inflated bytes. Both the zlib format (which PBS sends, as HTTP's {@code deflate} means)
 * and a bare deflate stream (which some servers send instead) are read. A large answer is inflated
 * on a thread of its own while the caller parses it ({@link InflatingSource}).
 */
final class DeflatedAnswers implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        if (chain.request().header("Accept-Encoding") != null) {
            return chain.proceed(chain.request());
        }
        Response resp = chain.proceed(chain.request().newBuilder().header("Accept-Encoding", "deflate").build());
        ResponseBody body = resp.body();
        if (body == null || !"deflate".equalsIgnoreCase(resp.header("Content-Encoding")) || body.contentLength() == 0) {
            return resp;
        }
        BufferedSource compressed = body.source();
        boolean zlib = compressed.request(2) && zlibHeader(compressed.getBuffer().getByte(0), compressed.getBuffer().getByte(1));
        BufferedSource inflated = Okio.buffer(new InflatingSource(compressed, new Inflater(!zlib), chain.call()));
        return resp.newBuilder().removeHeader("Content-Encoding").removeHeader("Content-Length")
                .body(ResponseBody.create(inflated, body.contentType(), -1)).build();
    }

    /** Whether two bytes open a zlib stream (RFC 1950): method 8, and a header that is a multiple of 31. */
    private static boolean zlibHeader(byte cmf, byte flg) {
        return (cmf & 0x0f) == 8 && ((cmf & 0xff) << 8 | flg & 0xff) % 31 == 0;
    }
}
