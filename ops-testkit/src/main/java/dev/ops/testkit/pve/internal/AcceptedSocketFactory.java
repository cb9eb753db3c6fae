package dev.ops.testkit.pve.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import javax.net.ServerSocketFactory;

/**
 * Server sockets for the fake whose accepted connections cost both sides little per request.
 * MockWebServer writes and flushes a response's head and its body apart: the socket holds what the
 * server writes until the server next reads (the next request) or closes, so that a response leaves
 * in one segment and wakes the client once, as pveproxy's do. TCP_NODELAY is set, so that nothing is
 * held back by Nagle's algorithm against the client's delayed ACK. Input is buffered. The local
 * address carries its own literal as its host name, because MockWebServer asks for that name on
 * every request and would otherwise get it by a reverse DNS lookup each time.
 */
public final class AcceptedSocketFactory extends ServerSocketFactory {

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new Listener();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket s = new Listener();
        s.bind(new InetSocketAddress(port));
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket s = new Listener();
        s.bind(new InetSocketAddress(port), backlog);
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket s = new Listener();
        s.bind(new InetSocketAddress(address, port), backlog);
        return s;
    }

    private static final class Listener extends ServerSocket {
        Listener() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket s = new AcceptedSocket();
            implAccept(s);
            s.setTcpNoDelay(true);
            return s;
        }
    }

    private static final class AcceptedSocket extends Socket {
        /** Held output beyond this is sent at once. */
        private static final int MAX_HELD = 64 * 1024;

        private InputStream in;
        private HeldOutput out;
        private InetAddress local;

        /** Buffered (TLS reads each record's 5-byte header and then its body); sends held output before it waits. */
        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                HeldOutput held = output();
                in = new BufferedInputStream(new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        held.send();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        held.send();
                        return super.read(b, off, len);
                    }
                }, 16 * 1024);
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            return output();
        }

        private synchronized HeldOutput output() throws IOException {
            if (out == null) {
                out = new HeldOutput(super.getOutputStream());
            }
            return out;
        }

        @Override
        public void shutdownOutput() throws IOException {
            sendHeld();
            super.shutdownOutput();
        }

        @Override
        public void close() throws IOException {
            try {
                sendHeld();
            } catch (IOException ignored) {
                // the peer is gone: nothing left to deliver to
            } finally {
                super.close();
            }
        }

        private void sendHeld() throws IOException {
            HeldOutput held;
            synchronized (this) {
                held = out;
            }
            if (held != null) {
                held.send();
            }
        }

        @Override
        public synchronized InetAddress getLocalAddress() {
            if (local == null) {
                InetAddress a = super.getLocalAddress();
                try {
                    local = InetAddress.getByAddress(a.getHostAddress(), a.getAddress());
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException("an address of the wrong length: " + a, e); // cannot happen
                }
            }
            return local;
        }
    }

    /** Output kept until {@link #send}: a flush only marks where a response may end. */
    private static final class HeldOutput extends OutputStream {
        private final OutputStream socket;
        private byte[] held = new byte[4096];
        private int count;

        HeldOutput(OutputStream socket) {
            this.socket = socket;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (count + len > held.length) {
                held = Arrays.copyOf(held, Math.max(held.length * 2, count + len));
            }
            System.arraycopy(b, off, held, count, len);
            count += len;
            if (count > AcceptedSocket.MAX_HELD) {
                send();
            }
        }

        synchronized void send() throws IOException {
            if (count > 0) {
                int n = count;
                count = 0;
                socket.write(held, 0, n);
                if (held.length > AcceptedSocket.MAX_HELD) {
                    held = new byte[4096];
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                send();
            } finally {
                socket.close();
            }
        }
    }
}
