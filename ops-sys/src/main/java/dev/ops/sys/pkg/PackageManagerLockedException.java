package dev.ops.sys.pkg;

import dev.ops.core.error.ConflictException;
import java.util.OptionalLong;

/**
 * Another process holds the package manager's lock (apt, dpkg, unattended-upgrades). Retryable:
 * nothing was changed, and the same call may succeed once the other process is done.
 */
public class PackageManagerLockedException extends ConflictException {
    private final String host;
    private final long holderPid;

    public PackageManagerLockedException(String host, String lockFile, long holderPid, String detail) {
        super("package manager lock " + lockFile + " on " + host, "held by " + (holderPid > 0 ? "process " + holderPid : "another process")
                + (detail.isEmpty() ? "" : " (" + detail + ")"), true);
        this.host = host;
        this.holderPid = holderPid;
    }

    /** The host whose lock is held. */
    public String host() {
        return host;
    }

    /** The pid of the holder, when apt named it. */
    public OptionalLong holderPid() {
        return holderPid > 0 ? OptionalLong.of(holderPid) : OptionalLong.empty();
    }
}
