package dev.ops.proxmox.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import okio.Buffer;
import okio.BufferedSource;
import okio.Source;
import okio.Timeout;

/**
 * A deflated answer, inflated as it is read. The first {@value #INLINE} inflated bytes are inflated on
 * the reader's thread; a larger answer (a listing of thousands of snapshots is megabytes) is then read
 * from the network and inflated on a thread of its own, at most {@value #AHEAD} bytes ahead of the
 * reader, so that parsing one part overlaps inflating the next on a machine with a CPU to spare. Errors
 * of the network or of the stream reach the reader as they are. Closed before its end (a reader stops at
 * the closing brace, before the stream's checksum), the answer is closed as OkHttp closes any answer:
 * what is left is read off the connection for a short while, so that the connection can be used again;
 * an inflating thread that does not stop within {@value #STOP_MILLIS} ms has its call cancelled.
 */
final class InflatingSource implements Source {
    /** Inflated bytes read on the reader's thread before the rest is inflated on a thread of its own. */
    static final int INLINE = 128 * 1024;
    private static final int CHUNK = 64 * 1024;
    /** Inflated bytes the inflating thread may hold ready for the reader. */
    static final int AHEAD = 16 * CHUNK;
    /** How long a close waits for the inflating thread to stop (OkHttp reads what is left for up to 100 ms). */
    static final int STOP_MILLIS = 250;
    private static final Object END = new Object();

    private final BufferedSource compressed;
    private final Inflater inflater;
    private final okhttp3.Call call;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(AHEAD / CHUNK);
    private byte[] inlineBytes = new byte[8192];
    private long inline;
    /** The chunk being read, once the inflating thread runs; null before. */
    private Buffer current;
    private boolean ended;
    private volatile boolean closed;
    private volatile Thread worker;

    InflatingSource(BufferedSource compressed, Inflater inflater, okhttp3.Call call) {
        this.compressed = compressed;
        this.inflater = inflater;
        this.call = call;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (byteCount == 0) {
            return 0;
        }
        if (current == null) {
            int n = inflate(inlineBytes, 0, (int) Math.min(byteCount, inlineBytes.length));
            if (n > 0) {
                sink.write(inlineBytes, 0, n);
                if ((inline += n) >= INLINE) {
                    current = new Buffer();
                    inlineBytes = null;
                    worker = Thread.ofVirtual().name("ops-inflate").start(this::inflateAhead);
                }
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
     * Inflates up to {@code len} bytes into {@code out}, reading compressed bytes as the inflater needs
     * them: how many (at least one), or -1 at the end of the stream.
     */
    private int inflate(byte[] out, int off, int len) throws IOException {
        try {
            while (true) {
                int n = inflater.inflate(out, off, len);
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw new IOException("the answer's deflate stream asks for a preset dictionary, which HTTP's deflate has none of");
                }
                if (!compressed.request(1)) {
                    throw new EOFException("the deflated answer ended before its deflate stream did");
                }
                inflater.setInput(compressed.getBuffer().readByteArray());
            }
        } catch (DataFormatException e) {
            throw new IOException("the answer's deflate stream is damaged: " + e.getMessage(), e);
        }
    }

    /** The inflating thread: the rest of the answer, in chunks, then {@link #END} or the failure. */
    private void inflateAhead() {
        Object last = END;
        try {
            byte[] out = new byte[CHUNK];
            int n = 0;
            while (!closed && n != -1) {
                int filled = 0;
                while (filled < CHUNK && (n = inflate(out, filled, CHUNK - filled)) != -1) {
                    filled += n;
                }
                if (filled > 0) {
                    ready.put(new Buffer().write(out, 0, filled));
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            last = new Failure(e);
        } catch (InterruptedException e) {
            last = new Failure(new InterruptedIOException("interrupted while inflating the answer"));
        } finally {
            closeAnswer();
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
            inflater.end();
            compressed.close();
            return;
        }
        ready.clear(); // room for a chunk the inflating thread waits to hand over; it then stops
        try {
            if (!w.join(Duration.ofMillis(STOP_MILLIS))) {
                call.cancel(); // it waits on the network
                w.join();
            }
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
        }
        ready.clear();
    }

    /** Closes the answer from the inflating thread, which alone reads it. */
    private void closeAnswer() {
        inflater.end();
        try {
            compressed.close();
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
