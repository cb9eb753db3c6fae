package dev.ops.core.secret.source.internal;

import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.secret.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a secret-producing command with a given environment, its executable found on that
 * environment's PATH (the JVM's own PATH is not used), and returns its standard output. Failures
 * carry the exit status and the redacted tail of stderr, never stdout.
 */
final class SecretProcess {
    private SecretProcess() {}

    static String run(List<String> commandLine, Map<String, String> environment, Duration timeout) {
        List<String> argv = new ArrayList<>(commandLine);
        argv.set(0, resolve(argv.get(0), environment));
        String shown = String.join(" ", commandLine);
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.environment().putAll(environment);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new OpsTimeoutException("secret command " + shown, timeout, "still running");
            }
            String stdout = new String(out.join(), StandardCharsets.UTF_8);
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new CommandFailedException("localhost", shown, p.exitValue(), Redactor.global().redact(tail(stderr)));
            }
            return stdout;
        } catch (IOException e) {
            throw new CommandFailedException("localhost", shown, -1, "cannot start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsTimeoutException("secret command " + shown, timeout, "interrupted");
        }
    }

    private static String resolve(String executable, Map<String, String> environment) {
        if (executable.contains("/")) {
            return executable;
        }
        for (String dir : environment.getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return Path.of(dir, executable).toString();
            }
        }
        throw new NotFoundException("executable " + executable, "not on the PATH given to the secret source");
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s.strip() : s.substring(s.length() - 2000).strip();
    }
}
