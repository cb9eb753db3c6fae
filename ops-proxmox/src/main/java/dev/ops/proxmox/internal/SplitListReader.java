package dev.ops.proxmox.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Reads a large list answer, {@code {"data":[{...},{...},...]}}, in pieces that Jackson parses on more
 * than one thread while the rest still arrives, and gives exactly what the {@code sequential} reader
 * gives for the same bytes: the same list, or the same error.
 *
 * <p>Where the elements of the list are objects whose first member always has one name (a PBS snapshot
 * opens with {@code "backup-type"}), the bytes <code>},{"NAME":</code> mark where one element ends and the
 * next begins: outside a string, since the {@code "} after the brace ends no string (a name cannot follow
 * a string), so it opens the object's first name; and at the list's level, or the piece it ends would not
 * parse as a list on its own. The answer is cut there, about every {@code pieceBytes} (a search forward
 * from that point, never a scan of the whole), and each piece is parsed as
 * {@code {"data":[ piece ]}}: the same depth as in the whole, so every limit of the parser applies alike.
 * Jackson does all of the parsing; this class only finds where to cut.
 *
 * <p>Anything else than the expected shape (another opening, an element that is no object, a piece that
 * does not parse or ends elsewhere than at the list's end, a second {@code data} member, an error of the
 * network) hands the answer to the sequential reader: the bytes read so far, then the rest as it comes
 * (or the same error at the same place), so that it meets the very stream it would have met alone.
 *
 * @param <T> the element type
 */
public final class SplitListReader<T> implements Transport.BodyReader<List<T>> {
    /** Reads one element, the parser on its {@code START_OBJECT}, up to its {@code END_OBJECT}. */
    @FunctionalInterface
    public interface ElementReader<T> {
        /** The element at the parser's {@code START_OBJECT}. */
        T read(JsonParser p) throws IOException;
    }

    /** How many bytes, about, each piece holds. */
    public static final int PIECE_BYTES = 128 * 1024;
    private static final byte[] HEAD = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);
    private static final FutureTask<Object> END = new FutureTask<>(() -> null);
    /** How many threads parse pieces beside the caller: one per CPU beyond the caller's, at least one, at most three. */
    private static final int WORKER_COUNT = Math.clamp(Runtime.getRuntime().availableProcessors() - 1, 1, 3);
    /**
     * The threads that parse pieces beside the caller: platform threads (daemons), kept a minute when
     * idle. With a virtual thread instead, the carrier threads used about 3 ms more CPU per listing of
     * 10,000 snapshots (they wait for each piece, and spin for work before they park).
     */
    private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors.newCachedThreadPool(
            Thread.ofPlatform().name("ops-json-piece-", 0).daemon(true).factory());

    private final JsonFactory factory;
    private final Transport.BodyReader<List<T>> sequential;
    private final byte[] boundary;
    private final Supplier<ElementReader<T>> readers;
    private final int pieceBytes;
    /** False where the parser limits the whole document (its length, its tokens), which pieces would each pass. */
    private final boolean splits;

    /**
     * @param factory the factory of the sequential reader's parsers (the same limits and features)
     * @param sequential the reader whose result this one gives
     * @param firstName the name every element opens with
     * @param readers a reader of elements for each piece (it may remember the element before)
     * @param pieceBytes about how many bytes a piece holds (at least 1)
     */
    public SplitListReader(JsonFactory factory, Transport.BodyReader<List<T>> sequential, String firstName,
            Supplier<ElementReader<T>> readers, int pieceBytes) {
        if (firstName.isEmpty() || firstName.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20 || c > 0x7e) || pieceBytes < 1) {
            throw new IllegalArgumentException("a plain ASCII name and pieces of at least a byte");
        }
        this.factory = factory;
        this.sequential = sequential;
        this.boundary = ("},{\"" + firstName + "\":").getBytes(StandardCharsets.US_ASCII);
        this.readers = readers;
        this.pieceBytes = pieceBytes;
        this.splits = factory.streamReadConstraints().getMaxDocumentLength() < 0 && factory.streamReadConstraints().getMaxTokenCount() < 0;
    }

    @Override
    public List<T> read(InputStream body) throws IOException {
        try (body) {
            return new Reading(body).read();
        }
    }

    /** A piece cut off: {@code bytes[0, end)} is {@code {"data":[} and the piece's own bytes; {@code ]}} follows. */
    private record Piece<E>(byte[] bytes, int end, FutureTask<List<E>> parse) {}

    /** One answer being read. */
    private final class Reading {
        private final InputStream body;
        private final List<Piece<T>> pieces = new ArrayList<>();
        private final BlockingQueue<FutureTask<?>> queue = new LinkedBlockingQueue<>();
        /** The bytes since the last cut, after {@link #HEAD}: {@code buf[HEAD.length, len)}. */
        private byte[] buf;
        private int len;
        /** Where the search for the next cut goes on. */
        private int scan;

        Reading(InputStream body) {
            this.body = body;
            this.buf = new byte[Math.max(HEAD.length + pieceBytes + 16 * 1024, 8192)];
        }

        List<T> read() throws IOException {
            try {
                return split();
            } finally {
                for (Piece<T> p : pieces) {
                    p.parse().cancel(false);
                }
                for (int i = 0; i < WORKER_COUNT; i++) {
                    queue.add(END);
                }
            }
        }

        private List<T> split() throws IOException {
            while (len < HEAD.length) {
                int n;
                try {
                    n = readMore();
                } catch (IOException e) {
                    return sequential.read(new SequenceInputStream(new ByteArrayInputStream(buf, 0, len), failing(e)));
                }
                if (n < 0 || !splits) {
                    return sequential.read(new SequenceInputStream(new ByteArrayInputStream(buf, 0, len), body));
                }
            }
            if (!Arrays.equals(buf, 0, HEAD.length, HEAD, 0, HEAD.length)) {
                return sequential.read(new SequenceInputStream(new ByteArrayInputStream(buf, 0, len), body));
            }
            scan = HEAD.length + pieceBytes;
            cut();
            while (true) {
                int n;
                try {
                    n = readMore();
                } catch (IOException e) {
                    return sequential.read(replay(failing(e)));
                }
                if (n < 0) {
                    break;
                }
                cut();
            }
            List<T> last;
            try {
                last = parse(buf, len, true);
            } catch (IOException | RuntimeException departs) {
                return sequential.read(replay(InputStream.nullInputStream()));
            }
            List<List<T>> parts = new ArrayList<>(pieces.size());
            for (int i = pieces.size() - 1; i >= 0; i--) {
                pieces.get(i).parse().run(); // those the workers have not begun, from the end
            }
            int size = last.size();
            for (Piece<T> p : pieces) {
                try {
                    List<T> part = p.parse().get();
                    parts.add(part);
                    size += part.size();
                } catch (ExecutionException departs) {
                    return sequential.read(replay(InputStream.nullInputStream()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the answer");
                }
            }
            List<T> out = new ArrayList<>(size);
            parts.forEach(out::addAll);
            out.addAll(last);
            return out;
        }

        /** Reads what the body has into {@link #buf}; how many bytes, or -1 at its end. */
        private int readMore() throws IOException {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = body.read(buf, len, buf.length - len);
            if (n > 0) {
                len += n;
            }
            return n;
        }

        /** Cuts off every piece the bytes read hold: at the first boundary from {@link #scan} on. */
        private void cut() {
            int last = len - boundary.length;
            for (int i = scan; i <= last; i++) {
                if (buf[i] == '}' && Arrays.equals(buf, i, i + boundary.length, boundary, 0, boundary.length)) {
                    // The piece keeps this buffer ("]}" over the comma and the next brace); the rest moves to a new one.
                    byte[] next = new byte[buf.length];
                    System.arraycopy(HEAD, 0, next, 0, HEAD.length);
                    System.arraycopy(buf, i + 2, next, HEAD.length, len - (i + 2));
                    int nextLen = HEAD.length + len - (i + 2);
                    byte[] bytes = buf;
                    int end = i + 1;
                    bytes[end] = ']';
                    bytes[end + 1] = '}';
                    FutureTask<List<T>> parse = new FutureTask<>(() -> parse(bytes, end + 2, false));
                    pieces.add(new Piece<>(bytes, end, parse));
                    if (pieces.size() == 1) {
                        for (int w = 0; w < WORKER_COUNT; w++) {
                            WORKERS.execute(this::work);
                        }
                    }
                    queue.add(parse);
                    buf = next;
                    len = nextLen;
                    i = HEAD.length + pieceBytes - 1;
                    last = len - boundary.length;
                }
            }
            scan = Math.max(HEAD.length + pieceBytes, last + 1);
        }

        /** A worker: parses the pieces in their order until the answer is read. */
        private void work() {
            try {
                for (FutureTask<?> t; (t = queue.take()) != END; ) {
                    t.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The bytes read so far, as the answer had them, then {@code rest}. */
        private InputStream replay(InputStream rest) {
            List<InputStream> parts = new ArrayList<>(2 * pieces.size() + 3);
            parts.add(new ByteArrayInputStream(HEAD));
            for (Piece<T> p : pieces) {
                parts.add(new ByteArrayInputStream(p.bytes(), HEAD.length, p.end() - HEAD.length));
                parts.add(new ByteArrayInputStream(new byte[] {','}));
            }
            parts.add(new ByteArrayInputStream(buf, HEAD.length, len - HEAD.length));
            parts.add(rest);
            return new SequenceInputStream(Collections.enumeration(parts));
        }
    }

    /** A stream that fails as the body did. */
    private static InputStream failing(IOException e) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw e;
            }

            @Override
            public int read(byte[] b, int off, int n) throws IOException {
                throw e;
            }
        };
    }

    /**
     * The elements of one piece, {@code {"data":[...]}}: every one an object, and the list closing at the
     * piece's end; the last piece (the answer's end) may go on with other members, none named {@code data},
     * which are skipped as the sequential reader skips them. Anything else throws.
     */
    private List<T> parse(byte[] bytes, int length, boolean last) throws IOException {
        ElementReader<T> reader = readers.get();
        try (JsonParser p = factory.createParser(bytes, 0, length)) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            List<T> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                out.add(reader.read(p));
            }
            if (t != JsonToken.END_ARRAY) {
                throw new IOException("an element that is no object");
            }
            if (!last) {
                if (p.nextToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                    throw new IOException("the piece does not end with the list");
                }
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if ("data".equals(p.currentName())) {
                    throw new IOException("a second data member");
                }
                p.nextToken();
                p.skipChildren();
            }
            return out;
        }
    }
}
