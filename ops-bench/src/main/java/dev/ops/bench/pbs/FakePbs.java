package dev.ops.bench.pbs;

import dev.ops.testkit.pbs.PbsFakeServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /** The fake in a child JVM, with this JVM's class path. */
    static FakePbs childProcess() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), FakePbsProcess.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(p.getOutputStream(), true, StandardCharsets.UTF_8);
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the fake PBS process ended before it started");
        }
        String[] hello = line.split(" ");
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
                out.println("violations");
                try {
                    return in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                out.close();
                try {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
            }
        };
    }
}
