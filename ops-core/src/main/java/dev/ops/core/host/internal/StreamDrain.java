package dev.ops.core.host.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream to its end, keeping at most a limit of bytes and discarding the rest, so that a
 * process printing many MB never blocks on a full pipe.
 */
public final class StreamDrain {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long limit;
    private boolean truncated;

    public StreamDrain(long limit) {
        this.limit = limit;
    }

    /** Reads {@code in} until end of stream. */
    public void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            synchronized (this) {
                long room = limit - kept.size();
                if (room >= n) {
                    kept.write(buffer, 0, n);
                } else {
                    if (room > 0) {
                        kept.write(buffer, 0, (int) room);
                    }
                    truncated = true;
                }
            }
        }
    }

    public synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    public synchronized boolean truncated() {
        return truncated;
    }
}
