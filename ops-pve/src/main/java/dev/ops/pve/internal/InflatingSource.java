package dev.ops.pve.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Inflater;
import okio.Buffer;
import okio.BufferedSource;
import okio.InflaterSource;
import okio.Source;
import okio.Timeout;

/**
 * A deflated answer, inflated as it is read. The first {@value #INLINE} inflated bytes are inflated on
 * the reader's thread; a larger answer (a listing of thousands of snapshots is megabytes) is then read
 * from the network and inflated on a thread of its own, at most {@value #AHEAD} bytes ahead of the
 * reader, so that parsing one part overlaps inflating the next on a machine with a CPU to spare. Errors
 * of the network or of the stream reach the reader as they are. Closing before the end reads the rest of
 * the answer off the network uninflated for up to {@value #DISCARD_MILLIS} ms, as OkHttp does for an
 * answer closed early, so that the connection can be used again (a reader stops at the closing brace,
 * before the stream's checksum); a longer rest cancels the call.
 */
final class InflatingSource implements Source {
    /** Inflated bytes read on the reader's thread before the rest is inflated on a thread of its own. */
    static final int INLINE = 128 * 1024;
    private static final int CHUNK = 64 * 1024;
    /** Inflated bytes the inflating thread may hold ready for the reader. */
    static final int AHEAD = 16 * CHUNK;
    private static final Object END = new Object();
    static final int DISCARD_MILLIS = 100;

    private final BufferedSource compressed;
    private final InflaterSource inflating;
    private final okhttp3.Call call;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(AHEAD / CHUNK);
    private long inline;
    /** The chunk being read, once the inflating thread runs; null before. */
    private Buffer current;
    private boolean ended;
    private volatile boolean closed;
    private volatile Thread worker;

    InflatingSource(BufferedSource compressed, Inflater inflater, okhttp3.Call call) {
        this.compressed = compressed;
        this.inflating = new InflaterSource(compressed, inflater);
        this.call = call;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (current == null) {
            long n = inflating.read(sink, byteCount);
            if (n > 0 && (inline += n) >= INLINE) {
                current = new Buffer();
                worker = Thread.ofVirtual().name("ops-inflate").start(this::inflateAhead);
            }
            return n;
        }
        while (current.size() == 0) {
            if (ended) {
                return -1;
            }
            Object next;
            try {
                next = ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the answer");
            }
            if (next == END) {
                ended = true;
            } else if (next instanceof Failure f) {
                ended = true;
                throw f.rethrown();
            } else {
                current = (Buffer) next;
            }
        }
        return current.read(sink, Math.min(byteCount, current.size()));
    }

    /**
     * The inflating thread: the rest of the answer, in chunks, then {@link #END} or the failure; once the
     * reader closed, the rest of the compressed answer read and dropped.
     */
    private void inflateAhead() {
        Object last = END;
        try {
            long n = 0;
            while (!closed && n != -1) {
                Buffer chunk = new Buffer();
                while (chunk.size() < CHUNK && (n = inflating.read(chunk, CHUNK - chunk.size())) != -1) {
                    // fills the chunk
                }
                if (chunk.size() > 0) {
                    ready.put(chunk);
                }
            }
            Buffer dropped = new Buffer();
            while (n != -1 && (n = compressed.read(dropped, CHUNK)) != -1) {
                dropped.clear();
            }
        } catch (IOException | RuntimeException | Error e) {
            last = new Failure(e);
        } catch (InterruptedException e) {
            last = new Failure(new InterruptedIOException("interrupted while inflating the answer"));
        } finally {
            closeQuietly();
        }
        if (!closed) {
            try {
                ready.put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Timeout timeout() {
        return compressed.timeout();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Thread w = worker;
        if (w == null) {
            inflating.close(); // ends the inflater, closes the answer
            return;
        }
        ready.clear(); // room for a chunk the inflating thread waits to hand over; it then stops inflating
        try {
            if (!w.join(java.time.Duration.ofMillis(DISCARD_MILLIS))) {
                call.cancel();
                w.join();
            }
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
        }
        ready.clear();
    }

    private void closeQuietly() {
        try {
            inflating.close(); // ends the inflater, closes the answer
        } catch (IOException ignored) {
            // the answer was read, or its failure is reported
        }
    }

    /** What stopped the inflating thread, for the reader to throw. */
    private record Failure(Throwable error) {
        IOException rethrown() {
            if (error instanceof IOException io) {
                return io;
            }
            if (error instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) error;
        }
    }
}
