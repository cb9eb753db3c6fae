package dev.ops.sys.sysctl;

import dev.ops.core.error.NotFoundException;

/** A sysctl key that the host's kernel does not have (no file under /proc/sys). Not retryable. */
public class UnknownSysctlKeyException extends NotFoundException {
    private final String key;
    private final String host;

    public UnknownSysctlKeyException(String host, String key) {
        super("sysctl " + key, "no such key on " + host + " (no /proc/sys/" + SysctlKeys.path(key) + ")");
        this.key = key;
        this.host = host;
    }

    /** The key asked for. */
    public String key() {
        return key;
    }

    /** The host that lacks it. */
    public String host() {
        return host;
    }
}
