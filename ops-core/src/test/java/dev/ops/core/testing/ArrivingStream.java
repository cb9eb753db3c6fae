package dev.ops.core.testing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes as a network hands them over: at most {@code step} per read, and, where {@code failAt} is not
 * negative, failing with an IOException ("connection reset at byte N") once that many have been read.
 */
public final class ArrivingStream extends InputStream {
    private final byte[] bytes;
    private final int step;
    private final int failAt;
    private int at;

    public ArrivingStream(byte[] bytes, int step, int failAt) {
        this.bytes = bytes;
        this.step = step;
        this.failAt = failAt;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failAt >= 0 && at >= failAt) {
            throw new IOException("connection reset at byte " + failAt);
        }
        if (at == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, step), bytes.length - at);
        n = failAt >= 0 ? Math.min(n, failAt - at) : n;
        System.arraycopy(bytes, at, b, off, n);
        at += n;
        return n;
    }
}
