package dev.ops.core.host.internal;

import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * The one place that touches jnr-posix. Loaded on first use only: on JDK 24+ jffi prints
 * {@code sun.misc.Unsafe} warnings when it loads, which a dry-run or a JShell session must not see.
 */
public final class NativePosix {
    private NativePosix() {}

    private static final class Holder {
        static final POSIX POSIX = POSIXFactory.getNativePOSIX();
    }

    /** The effective uid of this process. */
    public static int geteuid() {
        return Holder.POSIX.geteuid();
    }

    /** The effective gid of this process. */
    public static int getegid() {
        return Holder.POSIX.getegid();
    }
}
