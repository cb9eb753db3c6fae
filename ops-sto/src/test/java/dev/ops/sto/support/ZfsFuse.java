package dev.ops.sto.support;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;

/**
 * A real ZFS for a test: a zfs-fuse daemon started inside a {@link SandboxHost} (private mount
 * namespace, its own /run and /tmp), with pools on file vdevs in the sandbox's /tmp. Closing
 * destroys the pools, stops the daemon (by its pid file, then by signal 9 if it lingers) and ends
 * the namespace, also after a failure.
 */
public final class ZfsFuse implements AutoCloseable {
    private static final String PIDFILE = "/run/ops-zfs-fuse.pid";
    private final SandboxHost host;

    private ZfsFuse(SandboxHost host) {
        this.host = host;
    }

    /** Skips (or fails under OPS_REQUIRE_REAL=1) without root, namespaces, zfs-fuse or /dev/fuse. */
    public static void assumeAvailable() {
        RealComponents.root();
        RealComponents.assume(SandboxHost.isSupported(), "unshare and nsenter (private namespaces)");
        RealComponents.program("zfs-fuse");
        RealComponents.program("zfs");
        RealComponents.program("zpool");
        RealComponents.assume(java.nio.file.Files.exists(java.nio.file.Path.of("/dev/fuse")), "/dev/fuse");
    }

    /** A sandbox running zfs-fuse, with pools {@code pools} of 128 MiB each made on file vdevs. */
    public static ZfsFuse start(String... pools) {
        assumeAvailable();
        SandboxHost sandbox = SandboxHost.builder().name("zfs-fuse").build();
        ZfsFuse z = new ZfsFuse(sandbox);
        try {
            // zfs-fuse keeps its socket under /run and a lock under /run/lock: a private /run keeps it off the machine's
            sandbox.check(Command.of("sh", "-c", "mount -t tmpfs -o mode=0755 ops-zfs-run /run && mkdir -p /run/lock /run/zfs-fuse"));
            sandbox.check(Command.of("zfs-fuse", "--pidfile", PIDFILE, "--no-kstat-mount"));
            sandbox.check(Command.of("sh", "-c", "i=0; until zpool list >/dev/null 2>&1; do i=$((i+1)); [ $i -gt 50 ] && exit 1; sleep 0.1; done"));
            for (String pool : pools) {
                sandbox.check(Command.of("truncate", "-s", "128M", "/tmp/" + pool + ".vdev"));
                sandbox.check(Command.of("zpool", "create", "-m", "/tmp/" + pool, pool, "/tmp/" + pool + ".vdev"));
            }
        } catch (RuntimeException e) {
            z.close();
            throw e;
        }
        return z;
    }

    /** The host whose commands reach the daemon. */
    public SandboxHost host() {
        return host;
    }

    @Override
    public void close() {
        try {
            host.run(Command.of("sh", "-c", "for p in $(zpool list -H -o name 2>/dev/null); do zpool destroy -f \"$p\"; done; exit 0"));
            CommandResult pid = host.run(Command.of("cat", PIDFILE));
            if (pid.ok() && !pid.stdoutText().isBlank()) {
                String p = pid.stdoutText().strip();
                host.run(Command.of("sh", "-c", "kill " + p + "; i=0; while kill -0 " + p + " 2>/dev/null; do i=$((i+1)); "
                        + "[ $i -gt 50 ] && kill -9 " + p + "; sleep 0.1; done; exit 0"));
            }
        } finally {
            host.close();
        }
    }
}
