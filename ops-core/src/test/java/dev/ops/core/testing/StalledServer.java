package dev.ops.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on loopback that accepts connections and then stalls: it writes nothing, or only a
 * given greeting (an SSH banner), and reads whatever the client sends until the client closes the
 * connection, which it records. For tests of clients that must give up on a silent server and
 * release their socket.
 */
public final class StalledServer implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] greeting;
    private final CountDownLatch accepted = new CountDownLatch(1);
    private final CountDownLatch closedByClient = new CountDownLatch(1);
    private final Thread acceptor;

    private StalledServer(byte[] greeting) throws IOException {
        this.greeting = greeting;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("stalled-server-" + server.getLocalPort()).start(this::serve);
    }

    /** A server that accepts and never writes a byte. */
    public static StalledServer silent() {
        return greeting("");
    }

    /** A server that writes {@code greeting} on each connection and then nothing more. */
    public static StalledServer greeting(String greeting) {
        try {
            return new StalledServer(greeting.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loopback port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** The loopback address it listens on. */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** Whether a connection was accepted within {@code limit}. */
    public boolean awaitAccepted(Duration limit) throws InterruptedException {
        return accepted.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the client closed the first connection (the server read its end) within {@code limit}. */
    public boolean awaitClosedByClient(Duration limit) throws InterruptedException {
        return closedByClient.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void serve() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            boolean first = accepted.getCount() > 0;
            accepted.countDown();
            Thread.ofPlatform().daemon().name("stalled-server-conn").start(() -> hold(s, first));
        }
    }

    private void hold(Socket s, boolean first) {
        try (s; InputStream in = s.getInputStream()) {
            s.getOutputStream().write(greeting);
            s.getOutputStream().flush();
            byte[] buf = new byte[4096];
            while (in.read(buf) >= 0) {
                // swallow what the client sends; answer nothing
            }
            if (first) {
                closedByClient.countDown();
            }
        } catch (IOException e) {
            if (first) {
                closedByClient.countDown(); // reset by the client: closed all the same
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing left to release
        }
        acceptor.interrupt();
    }
}
