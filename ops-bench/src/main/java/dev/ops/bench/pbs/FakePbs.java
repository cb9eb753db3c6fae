package dev.ops.bench.pbs;

import dev.ops.bench.support.ChildJvm;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The seeded fake PBS the benchmark drives: in this JVM, or in a JVM of its own ({@link FakePbsProcess})
 * so that the clients share no process, heap, GC or JIT with it.
 */
interface FakePbs extends AutoCloseable {
    String baseUrl();

    String fingerprint();

    String certificatePem();

    String tokenSecret();

    /** The number of requests the schema refused, and the first of them. */
    String violations();

    @Override
    void close() throws IOException;

    /** The fake in this JVM. */
    static FakePbs inProcess() {
        PbsFakeServer s = PbsFakeServer.start();
        PbsBenchmark.seed(s);
        return new FakePbs() {
            @Override
            public String baseUrl() {
                return s.baseUrl();
            }

            @Override
            public String fingerprint() {
                return s.fingerprint();
            }

            @Override
            public String certificatePem() {
                return s.certificatePem();
            }

            @Override
            public String tokenSecret() {
                return s.tokenSecret();
            }

            @Override
            public String violations() {
                return s.violations().size() + (s.violations().isEmpty() ? "" : " " + s.violations().get(0));
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    /** The fake in a child JVM ({@link FakePbsProcess}), with this JVM's class path. */
    static FakePbs childProcess() throws IOException {
        ChildJvm child = ChildJvm.start(FakePbsProcess.class);
        String[] hello = child.hello().split(" ");
        return new FakePbs() {
            @Override
            public String baseUrl() {
                return hello[0];
            }

            @Override
            public String fingerprint() {
                return hello[1];
            }

            @Override
            public String certificatePem() {
                return new String(Base64.getDecoder().decode(hello[2]), StandardCharsets.UTF_8);
            }

            @Override
            public String tokenSecret() {
                return hello[3];
            }

            @Override
            public String violations() {
                return child.ask("violations");
            }

            @Override
            public void close() {
                child.close();
            }
        };
    }
}
