package dev.ops.testkit.pbs.internal;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * proxmox-backup-proxy's answer compression (proxmox-rest-server's {@code handle_api_request}): every
 * API answer is deflated, in the zlib format at level 3 ({@code DeflateEncoder}'s default), when the
 * first encoding of {@code Accept-Encoding} that it knows is {@code deflate}; it knows no other
 * (gzip and brotli are commented out there). The deflated answer is streamed, so it goes out chunked
 * in pieces of at most {@value #CHUNK} bytes, the encoder's buffer.
 */
final class PbsCompression {
    /** The encoder's output buffer, and so the largest chunk. */
    static final int CHUNK = 8192;
    private static final int LEVEL = 3;

    private PbsCompression() {}

    /**
     * Whether PBS would deflate for this {@code Accept-Encoding}: its entries are split at commas and
     * spaces, and the first that reads as {@code deflate} or {@code deflate;q=...} wins (even
     * {@code q=0}, as PBS does not weigh them).
     */
    static boolean accepts(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String e : acceptEncoding.split("[, ]")) {
            if (e.equals("deflate") || e.startsWith("deflate;q=")) {
                return true;
            }
        }
        return false;
    }

    /** {@code body} deflated as PBS does it. */
    static byte[] deflate(byte[] body) {
        Deflater d = new Deflater(LEVEL);
        try {
            d.setInput(body);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 8 + 64);
            byte[] buf = new byte[CHUNK];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}
