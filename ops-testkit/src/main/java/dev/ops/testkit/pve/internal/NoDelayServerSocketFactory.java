package dev.ops.testkit.pve.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have TCP_NODELAY set, so that a response written in
 * several pieces is not held back by Nagle's algorithm against the client's delayed ACK (a ~40 ms
 * stall per request otherwise).
 */
public final class NoDelayServerSocketFactory extends ServerSocketFactory {

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket s = new NoDelayServerSocket();
        s.bind(new java.net.InetSocketAddress(port));
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket s = new NoDelayServerSocket();
        s.bind(new java.net.InetSocketAddress(port), backlog);
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket s = new NoDelayServerSocket();
        s.bind(new java.net.InetSocketAddress(address, port), backlog);
        return s;
    }

    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket s = new BufferedInputSocket();
            implAccept(s);
            s.setTcpNoDelay(true);
            return s;
        }
    }

    /** A socket whose input is buffered: TLS reads each record's 5-byte header and then its body. */
    private static final class BufferedInputSocket extends Socket {
        private java.io.InputStream in;

        @Override
        public synchronized java.io.InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new java.io.BufferedInputStream(super.getInputStream(), 16 * 1024);
            }
            return in;
        }
    }
}
