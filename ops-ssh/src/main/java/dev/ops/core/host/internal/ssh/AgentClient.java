package dev.ops.core.host.internal.ssh;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A minimal ssh-agent client (draft-miller-ssh-agent): lists identities and asks for signatures
 * over the agent's Unix socket, so that private keys never enter this JVM.
 */
public final class AgentClient {
    private static final byte SSH_AGENT_FAILURE = 5;
    private static final byte SSH2_AGENTC_REQUEST_IDENTITIES = 11;
    private static final byte SSH2_AGENT_IDENTITIES_ANSWER = 12;
    private static final byte SSH2_AGENTC_SIGN_REQUEST = 13;
    private static final byte SSH2_AGENT_SIGN_RESPONSE = 14;
    /** Ask for an rsa-sha2-512 signature instead of the SHA-1 ssh-rsa one. */
    public static final int SSH_AGENT_RSA_SHA2_512 = 4;

    private final Path socket;
    private final Duration timeout;

    /** An identity the agent holds: the public key blob and its comment. */
    public record Identity(byte[] blob, String comment) {
        /** The key type named in the blob, e.g. {@code ssh-ed25519}. */
        public String keyType() {
            ByteBuffer b = ByteBuffer.wrap(blob);
            byte[] name = new byte[b.getInt()];
            b.get(name);
            return new String(name, StandardCharsets.US_ASCII);
        }
    }

    /** A client of the agent on {@code socket}; each request waits at most {@code timeout} for its answer. */
    public AgentClient(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    public Path socket() {
        return socket;
    }

    /** The identities the agent offers. */
    public List<Identity> identities() throws IOException {
        ByteBuffer reply = call(new byte[] {SSH2_AGENTC_REQUEST_IDENTITIES});
        byte type = reply.get();
        if (type != SSH2_AGENT_IDENTITIES_ANSWER) {
            throw new IOException("ssh-agent at " + socket + " refused to list identities (reply " + type + ")");
        }
        int n = reply.getInt();
        List<Identity> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] blob = string(reply);
            String comment = new String(string(reply), StandardCharsets.UTF_8);
            ids.add(new Identity(blob, comment));
        }
        return ids;
    }

    /** The agent's signature (an SSH signature blob: algorithm name and signature) over {@code data}. */
    public byte[] sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
        ByteBuffer req = ByteBuffer.allocate(1 + 4 + keyBlob.length + 4 + data.length + 4);
        req.put(SSH2_AGENTC_SIGN_REQUEST).putInt(keyBlob.length).put(keyBlob).putInt(data.length).put(data).putInt(flags);
        ByteBuffer reply = call(req.array());
        byte type = reply.get();
        if (type == SSH_AGENT_FAILURE) {
            throw new IOException("ssh-agent at " + socket + " refused to sign (key locked or confirmation denied)");
        }
        if (type != SSH2_AGENT_SIGN_RESPONSE) {
            throw new IOException("ssh-agent at " + socket + " gave an unexpected reply " + type);
        }
        return string(reply);
    }

    /**
     * One request and its answer. A blocking channel has no read timeout of its own, so a watchdog
     * closes it when the agent has not answered in time (an agent that hangs, or one waiting for a
     * confirmation nobody gives), which fails the blocked read at once.
     */
    private ByteBuffer call(byte[] message) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            AtomicBoolean expired = new AtomicBoolean();
            Thread watchdog = Thread.ofVirtual().name("ssh-agent-watchdog").start(() -> {
                try {
                    Thread.sleep(timeout);
                    expired.set(true);
                    ch.close();
                } catch (InterruptedException | IOException e) {
                    // answered in time (interrupted), or closed already
                }
            });
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                ByteBuffer out = ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).flip();
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                ByteBuffer len = readFully(ch, 4);
                int n = len.getInt();
                if (n <= 0 || n > 256 * 1024) {
                    throw new IOException("ssh-agent at " + socket + " sent a bad message length " + n);
                }
                return readFully(ch, n);
            } catch (IOException e) {
                if (expired.get()) {
                    throw new IOException("ssh-agent at " + socket + " did not answer within " + timeout, e);
                }
                throw e;
            } finally {
                watchdog.interrupt();
            }
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("ssh-agent closed the connection");
            }
        }
        return b.flip();
    }

    private static byte[] string(ByteBuffer b) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        return s;
    }
}
