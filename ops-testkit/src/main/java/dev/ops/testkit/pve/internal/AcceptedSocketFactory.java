package dev.ops.testkit.pve.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets for the fake whose accepted connections cost the server little per request:
 * TCP_NODELAY is set, so that a response written in several pieces is not held back by Nagle's
 * algorithm against the client's delayed ACK (a ~40 ms stall per request otherwise); input is
 * buffered; and the local address carries its own literal as its host name, because MockWebServer
 * asks for that name on every request and would otherwise get it by a reverse DNS lookup each time.
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
        private InputStream in;
        private InetAddress local;

        /** Buffered: TLS reads each record's 5-byte header and then its body. */
        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), 16 * 1024);
            }
            return in;
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
}
