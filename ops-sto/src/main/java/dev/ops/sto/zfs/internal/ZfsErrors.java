package dev.ops.sto.zfs.internal;

import dev.ops.core.host.CommandResult;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.zfs.ZfsBusyException;
import dev.ops.sto.zfs.ZfsExistsException;
import dev.ops.sto.zfs.ZfsHasChildrenException;
import dev.ops.sto.zfs.ZfsPoolSuspendedException;
import java.util.Locale;

/** Turns the error texts of zfs and zpool into typed exceptions; anything else stays a command failure. */
public final class ZfsErrors {
    private ZfsErrors() {}

    /** Throws the typed exception for a failed {@code result} about {@code name} (named by {@code field}); returns the result when it succeeded. */
    public static CommandResult check(CommandResult result, String field, String name) {
        if (result.ok()) {
            return result;
        }
        String err = result.stderrText();
        String lower = err.toLowerCase(Locale.ROOT);
        String first = err.strip().lines().findFirst().orElse("");
        if (lower.contains("dataset is busy") || lower.contains("pool or dataset is busy") || lower.contains("device busy")) {
            throw new ZfsBusyException(name, first);
        }
        if (lower.contains("has children") || lower.contains("filesystem has dependent clones") || lower.contains("use '-r' to destroy the following")) {
            throw new ZfsHasChildrenException(name, first);
        }
        if (lower.contains("already exists")) {
            throw new ZfsExistsException(name, first);
        }
        if (lower.contains("pool i/o is currently suspended") || lower.contains("is suspended")) {
            throw new ZfsPoolSuspendedException(name, first);
        }
        if (lower.contains("does not exist") || lower.contains("no such pool") || lower.contains("dataset does not exist")) {
            throw new VolumeNotFoundException(result.host(), field, name);
        }
        return result.orThrow();
    }
}
