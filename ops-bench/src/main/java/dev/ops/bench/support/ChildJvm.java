package dev.ops.bench.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own with this JVM's class path (a benchmark's fake server, so that
 * the client under test shares no heap, GC or JIT with it), spoken to a line at a time: its first
 * line of output, then a command and its one-line answer at a time. It stops when its input closes.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader in;
    private final PrintStream out;
    private final String hello;

    private ChildJvm(Class<?> main) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        this.process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), main.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.out = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.hello = in.readLine();
        if (hello == null) {
            close();
            throw new IOException(main.getName() + " ended before it said it had started");
        }
    }

    /** Starts {@code main} and waits for its first line. */
    public static ChildJvm start(Class<?> main) throws IOException {
        return new ChildJvm(main);
    }

    /** The first line the child printed. */
    public String hello() {
        return hello;
    }

    /** Sends {@code command} and returns the child's one-line answer. */
    public String ask(String command) {
        out.println(command);
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the child's input and waits for it to end (30 s, then it is killed). */
    @Override
    public void close() {
        out.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
