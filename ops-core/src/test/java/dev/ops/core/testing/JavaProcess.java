package dev.ops.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a child JVM with this test's class path, for tests that need a second process. */
public final class JavaProcess {
    private JavaProcess() {}

    /** Starts {@code main} of {@code mainClass} with {@code args}; its output goes to this process's stderr. */
    public static Process start(Class<?> mainClass, String... args) throws IOException {
        return startUnder(List.of(), mainClass, args);
    }

    /** As {@link #start}, the JVM started by {@code launcher} (e.g. {@code unshare --mount}) when that is not empty. */
    public static Process startUnder(List<String> launcher, Class<?> mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Waits up to two minutes and returns the exit code (or fails). */
    public static int await(Process p) throws InterruptedException {
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 2 minutes");
        }
        return p.exitValue();
    }
}
