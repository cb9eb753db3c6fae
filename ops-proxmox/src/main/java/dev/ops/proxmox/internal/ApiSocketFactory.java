package dev.ops.proxmox.internal;

import java.io.IOException;
import java.time.Duration;

/**
 * Plain sockets with TCP_NODELAY set (small requests and answers: Nagle's algorithm meeting
 * delayed ACKs would cost 40 ms a call) and the read timeout as SO_TIMEOUT, which OkHttp,
 * configured without timeouts of its own, would otherwise reset to "none".
 */
final class ApiSocketFactory extends javax.net.SocketFactory {
    private final int readTimeoutMillis;

    ApiSocketFactory(Duration readTimeout) {
        // Zero stays "no timeout"; anything else is at least 1 ms.
        this.readTimeoutMillis = readTimeout.isZero() ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, readTimeout.toMillis()));
    }

    @Override
    public java.net.Socket createSocket() throws IOException {
        java.net.Socket s = new ReadTimeoutSocket(readTimeoutMillis);
        s.setTcpNoDelay(true);
        return s;
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws IOException {
        return connected(new java.net.InetSocketAddress(host, port));
    }

    @Override
    public java.net.Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort) throws IOException {
        java.net.Socket s = createSocket();
        s.bind(new java.net.InetSocketAddress(localHost, localPort));
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
        return connected(new java.net.InetSocketAddress(host, port));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress, int localPort)
            throws IOException {
        java.net.Socket s = createSocket();
        s.bind(new java.net.InetSocketAddress(localAddress, localPort));
        s.connect(new java.net.InetSocketAddress(address, port));
        return s;
    }

    private java.net.Socket connected(java.net.SocketAddress to) throws IOException {
        java.net.Socket s = createSocket();
        s.connect(to);
        return s;
    }
}
