package dev.ops.core.host;

import dev.ops.core.error.CommandFailedException;
import dev.ops.core.host.internal.FileScripts;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A machine that runs commands: the local one, one reached over SSH, or a fake from ops-testkit.
 * Every host module (net, sys, usr, sto, srv, gpu) works through this interface only.
 *
 * <p>{@link #run} returns whatever exit code the command had; {@link #check} and {@link #output}
 * turn a non-zero exit into a {@link CommandFailedException}. Transport problems and timeouts are
 * thrown as {@link dev.ops.core.error.ConnectionException} and
 * {@link dev.ops.core.error.OpsTimeoutException}.
 */
public interface Host extends AutoCloseable {

    /** A short name for logs, plans and audit records (e.g. {@code pve-01} or {@code local}). */
    String name();

    /** Runs a command and returns its result, whatever its exit code. */
    CommandResult run(Command command);

    /** Whether commands run on this machine rather than a remote one. */
    default boolean isLocal() {
        return false;
    }

    /** Runs an argv and returns its result, whatever its exit code. */
    default CommandResult run(String... argv) {
        return run(Command.of(argv));
    }

    /** Runs a command and throws {@link CommandFailedException} on a non-zero exit. */
    default CommandResult check(Command command) {
        return run(command).orThrow();
    }

    /** Runs an argv, throws on a non-zero exit, and returns standard output as text. */
    default String output(String... argv) {
        return check(Command.of(argv)).stdoutText();
    }

    /** The contents of a file, or empty when it does not exist. Reads as root when {@code sudo}. */
    default Optional<byte[]> readFile(String path, boolean sudo) {
        CommandResult r = run(Command.builder()
                .addArgv("sh", "-c", "if [ -e \"$1\" ]; then exec cat -- \"$1\"; else exit 3; fi", "sh", FileScripts.checkPath(path))
                .sudo(sudo).build());
        if (r.exitCode() == 3) {
            return Optional.empty();
        }
        r.orThrow();
        return Optional.of(r.stdout());
    }

    /** The contents of a file as UTF-8 text, or empty when it does not exist. */
    default Optional<String> readText(String path) {
        return readFile(path, false).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * Replaces a file atomically: writes a temporary file beside it, gives it the owner, group,
     * mode, ACLs and extended attributes of the file it replaces, sets {@code mode} when it is not
     * empty, syncs, and renames it over the target, so that a reader never sees half a file and
     * the file keeps everything but its content (and the mode asked for). A new file gets
     * {@code mode}, or 0644 when it is empty, and the writer's owner.
     *
     * <p>A symbolic link at {@code path} is refused ({@link CommandFailedException}, exit code
     * {@value #EXIT_SYMLINK}): replacing it would turn the link into a regular file.
     */
    default void writeFile(String path, byte[] content, String mode, boolean sudo) {
        writeFile(path, content, mode, "", sudo);
    }

    /**
     * {@link #writeFile(String, byte[], String, boolean)}, also giving the file {@code owner}
     * ({@code uid:gid}, numeric) when that is not empty: how a file that was removed is restored.
     */
    default void writeFile(String path, byte[] content, String mode, String owner, boolean sudo) {
        check(Command.builder().addArgv("sh", "-c", FileScripts.WRITE, "sh", FileScripts.checkPath(path), mode, owner).stdin(content).sudo(sudo).build());
    }

    /** The exit code of {@link #writeFile} when the path is a symbolic link. */
    int EXIT_SYMLINK = 5;

    /** The exit code of {@link #writeFile} when the owner or mode of the replaced file could not be kept. */
    int EXIT_ATTRIBUTES = 6;


    /** Removes a file if it exists. */
    default void deleteFile(String path, boolean sudo) {
        check(Command.builder().addArgv("rm", "-f", "--", FileScripts.checkPath(path)).sudo(sudo).build());
    }

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {}
}
