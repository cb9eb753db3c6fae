package dev.ops.proxmox.internal;

import java.io.IOException;

/**
 * A socket whose SO_TIMEOUT of "none" means the client's read timeout, and whose input is
 * buffered: TLS reads each record's 5-byte header and then its body, two system calls a record
 * without a buffer.
 */
final class ReadTimeoutSocket extends java.net.Socket {
    private final int readTimeoutMillis;
    private java.io.InputStream in;

    ReadTimeoutSocket(int readTimeoutMillis) {
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public synchronized java.io.InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new java.io.BufferedInputStream(super.getInputStream(), 64 * 1024);
        }
        return in;
    }

    @Override
    public void setSoTimeout(int timeout) throws java.net.SocketException {
        super.setSoTimeout(timeout == 0 ? readTimeoutMillis : timeout);
    }
}
