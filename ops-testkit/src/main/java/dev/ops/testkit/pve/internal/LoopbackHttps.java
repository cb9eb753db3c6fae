package dev.ops.testkit.pve.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The HTTPS listener the PVE and PBS fakes share: a self-signed certificate for the loopback address,
 * HTTP/1.1 only (as pveproxy and proxmox-backup-proxy speak), sockets from {@link AcceptedSocketFactory}
 * (TCP_NODELAY, one write per answer), and no copy of each request kept: MockWebServer queues every
 * request for {@code takeRequest()}, which the fakes never call, so a long benchmark would otherwise grow
 * the heap by every request it sent. The fakes keep their own bounded record.
 */
public final class LoopbackHttps {
    private final HeldCertificate certificate;
    private final MockWebServer server = new MockWebServer();

    private LoopbackHttps(HeldCertificate certificate) {
        this.certificate = certificate;
    }

    /** A listener, not yet started, whose certificate names {@code commonName}, 127.0.0.1 and localhost. */
    public static LoopbackHttps certified(String commonName) {
        return new LoopbackHttps(new HeldCertificate.Builder().commonName(commonName)
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost")
                .duration(2 * 365, TimeUnit.DAYS)
                .build());
    }

    /** Starts listening on 127.0.0.1 ({@code port} 0: any free one), answering through {@code dispatcher}. */
    public LoopbackHttps start(int port, Dispatcher dispatcher) throws IOException {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        server.setDispatcher(new Draining(dispatcher, server));
        server.setServerSocketFactory(new AcceptedSocketFactory());
        server.setProtocols(List.of(Protocol.HTTP_1_1));
        server.start(InetAddress.getByName("127.0.0.1"), port);
        return this;
    }

    public MockWebServer server() {
        return server;
    }

    public int port() {
        return server.getPort();
    }

    public X509Certificate certificate() {
        return certificate.certificate();
    }

    public String certificatePem() {
        return certificate.certificatePem();
    }

    /** The certificate's SHA-256 fingerprint as Proxmox shows it: upper-case hex pairs joined by colons. */
    public String fingerprint() {
        return fingerprintOf(certificate.certificate());
    }

    /** The SHA-256 fingerprint of {@code cert} as Proxmox shows it. */
    public static String fingerprintOf(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void close() {
        server.close();
    }

    /** Answers through the fake's dispatcher, then drops MockWebServer's queued copy of the request. */
    private static final class Draining extends Dispatcher {
        private final Dispatcher inner;
        private final MockWebServer server;

        Draining(Dispatcher inner, MockWebServer server) {
            this.inner = inner;
            this.server = server;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            try {
                return inner.dispatch(request);
            } finally {
                while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                    // dropped: the fake keeps its own bounded record
                }
            }
        }

        @Override
        public MockResponse peek() {
            return inner.peek();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
