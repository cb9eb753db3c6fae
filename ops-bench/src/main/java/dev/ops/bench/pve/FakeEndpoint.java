package dev.ops.bench.pve;

import dev.ops.bench.support.ChildJvm;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.pve.PveApiToken;
import dev.ops.testkit.pve.PveFakeServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;

/**
 * The fake Proxmox VE server the benchmark drives: in this JVM, or in a JVM of its own so that the
 * ops client shares no process, heap or JIT with it.
 */
interface FakeEndpoint extends AutoCloseable {
    String host();

    int port();

    String fingerprint();

    /** The server certificate, DER. */
    byte[] certificate();

    PveApiToken token();

    void taskDuration(Duration d);

    /** Schema violations so far. */
    int violations();

    @Override
    void close() throws IOException;

    /** The fake in this JVM. */
    static FakeEndpoint inProcess() throws IOException {
        PveFakeServer s = BenchCluster.builder().start();
        return new FakeEndpoint() {
            @Override
            public String host() {
                return s.host();
            }

            @Override
            public int port() {
                return s.port();
            }

            @Override
            public String fingerprint() {
                return s.fingerprint();
            }

            @Override
            public byte[] certificate() {
                try {
                    return s.certificate().getEncoded();
                } catch (java.security.cert.CertificateEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public PveApiToken token() {
                return s.token();
            }

            @Override
            public void taskDuration(Duration d) {
                s.taskDuration(d);
            }

            @Override
            public int violations() {
                return s.violations().size();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    /** The fake in a child JVM ({@link FakePveProcess}), with this JVM's class path. */
    static FakeEndpoint childProcess() throws IOException {
        ChildJvm child = ChildJvm.start(FakePveProcess.class);
        String[] hello = child.hello().split(" ");
        return new FakeEndpoint() {
            @Override
            public String host() {
                return hello[0];
            }

            @Override
            public int port() {
                return AsciiNumbers.parseInt(hello[1]);
            }

            @Override
            public String fingerprint() {
                return hello[2];
            }

            @Override
            public byte[] certificate() {
                return Base64.getDecoder().decode(hello[3]);
            }

            @Override
            public PveApiToken token() {
                return new PveApiToken(hello[4], hello[5], hello[6]);
            }

            @Override
            public void taskDuration(Duration d) {
                child.ask("taskDuration " + d.toMillis());
            }

            @Override
            public int violations() {
                return AsciiNumbers.parseInt(child.ask("violations"));
            }

            @Override
            public void close() {
                child.close();
            }
        };
    }
}
