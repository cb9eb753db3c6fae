package dev.ops.core.secret.source;

import dev.ops.core.secret.source.internal.CommandSource;
import dev.ops.core.secret.source.internal.EnvironmentSource;
import dev.ops.core.secret.source.internal.FileSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The secret sources ops ships. The environment is always passed in (the process's own is
 * {@link #processEnvironment()}), so that tests and embedding programs choose what a source sees.
 *
 * <pre>{@code
 * SecretChain chain = SecretChain.of(SecretSources.environment(SecretSources.processEnvironment()),
 *         SecretSources.files(Path.of("/etc/lab/secrets")),
 *         Doppler.builder().project("lab").config("site1").environment(SecretSources.processEnvironment()).build());
 * Secret token = chain.require("PM_TOKEN_SECRET");
 * }</pre>
 */
public final class SecretSources {
    private SecretSources() {}

    /** This process's environment: the one place ops reads it. */
    public static Map<String, String> processEnvironment() {
        return System.getenv();
    }

    /** Variables of {@code environment}: {@code PM_TOKEN_SECRET=...}. */
    public static SecretSource environment(Map<String, String> environment) {
        return new EnvironmentSource(environment);
    }

    /**
     * One file per secret in {@code directory}, named after it, its content the value (one trailing
     * newline dropped). A file that its group or others may read is refused with an
     * {@link dev.ops.core.error.UnsafePermissionsException}.
     */
    public static SecretSource files(Path directory) {
        return new FileSource(directory);
    }

    /**
     * A command whose standard output is the secret ({@code pass show lab/{name}}): {@code {name}} in
     * any argument is replaced by the secret's name; it runs with {@code environment}, its executable
     * looked up on that environment's {@code PATH}. Exit status 0 with output is the value; any other
     * status is a {@link dev.ops.core.error.CommandFailedException}.
     */
    public static SecretSource command(List<String> commandLine, Map<String, String> environment) {
        return new CommandSource(commandLine, environment);
    }
}
