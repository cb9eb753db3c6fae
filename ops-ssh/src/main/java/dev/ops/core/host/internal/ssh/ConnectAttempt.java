package dev.ops.core.host.internal.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * The socket of one connection attempt, and how far the attempt got, so that a stalled attempt can
 * be cut off (its socket closed from outside, which ends every read blocked on it) and reported by
 * phase. sshj asks a socket factory for its socket; this one creates exactly that socket.
 *
 * <p>Sockets get {@code TCP_NODELAY}: SSH sends many small packets that each wait for an answer
 * (channel open, exec request, EOF, close); with Nagle's algorithm on, a small write that follows
 * another unacknowledged one waits for the peer's delayed ACK, some 40 ms on Linux, per command.
 */
final class ConnectAttempt extends SocketFactory {
    /** Where an attempt can stall. */
    enum Phase {
        TCP("TCP connect"),
        BANNER("waiting for the server's SSH identification banner"),
        KEY_EXCHANGE("key exchange and host key check"),
        AUTHENTICATION("authentication");

        private final String text;

        Phase(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private volatile Socket socket;
    private volatile long connectedAt;
    private volatile boolean authenticating;
    private volatile boolean aborted;

    /** The phase the attempt is in, given whether the server's banner has arrived. */
    Phase phase(boolean bannerReceived) {
        if (connectedAt == 0) {
            return Phase.TCP;
        }
        if (authenticating) {
            return Phase.AUTHENTICATION;
        }
        return bannerReceived ? Phase.KEY_EXCHANGE : Phase.BANNER;
    }

    /** When TCP connected ({@link System#nanoTime()}), or 0 before. */
    long connectedAt() {
        return connectedAt;
    }

    void authenticating() {
        authenticating = true;
    }

    /** Closes the socket (now, or as soon as it is created): every read and write on it fails at once. */
    void abort() {
        aborted = true;
        closeSocket();
    }

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing is all that is wanted; a failure leaves nothing to do
            }
        }
    }

    private Socket track(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        socket = s;
        if (aborted) {
            closeSocket();
        }
        return s;
    }

    private void connected() throws IOException {
        connectedAt = Math.max(1, System.nanoTime());
        if (aborted) {
            closeSocket();
            throw new IOException("connection attempt abandoned");
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        return track(new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                super.connect(endpoint, timeout);
                connected();
            }
        });
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = track(new Socket(host, port));
        connected();
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = track(new Socket(host, port, localHost, localPort));
        connected();
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = track(new Socket(host, port));
        connected();
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket s = track(new Socket(address, port, localAddress, localPort));
        connected();
        return s;
    }
}
