package dev.ops.sto.support;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.sandbox.SandboxHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real ZFS for a test: a zfs-fuse daemon, with pools on file vdevs, started either inside a
 * {@link SandboxHost} of its own ({@link #start}: private mount namespace, its own /run and /tmp,
 * vdevs and mount points in the sandbox's /tmp) or through any {@link #on host} whose commands all
 * reach one private mount namespace with a /run of its own, such as an {@code SshHost} logged in to
 * the test sshd ({@code dev.ops.core.testing.Sshd}), with vdevs and mount points in a directory of
 * the test's.
 *
 * <p>zfs-fuse 0.7 has its paths built in: its socket in /var/run/zfs, its lock in /var/lock/zfs
 * (both under /run on Debian) and its pool cache in /var/lib/zfs. The namespace's own /run keeps
 * the first two off the machine, and a tmpfs over the package's /var/lib/zfs, mounted in that
 * namespace only, keeps the cache off the machine (and the machine's cache, if any, out of the
 * daemon). Closing destroys the pools (again while zfs-fuse still calls one busy: its unmount ends
 * after the command returns), stops the daemon (by its pid file, then by signal 9 if it lingers,
 * and by its pid from this JVM if the host can no longer reach it), removes the vdev files, and
 * ends the sandbox, also after a failure.
 */
public final class ZfsFuse implements AutoCloseable {
    private static final String PIDFILE = "/run/ops-zfs-fuse.pid";
    private static final String CACHE = "/var/lib/zfs";
    private final Host host;
    private final SandboxHost sandbox;
    private final String dir;
    private final List<String> pools = new ArrayList<>();
    private long pid = -1;

    private ZfsFuse(Host host, SandboxHost sandbox, String dir) {
        this.host = host;
        this.sandbox = sandbox;
        this.dir = dir;
    }

    /** Skips (or fails under OPS_REQUIRE_REAL=1) without root, namespaces, zfs-fuse or /dev/fuse. */
    public static void assumeAvailable() {
        RealComponents.root();
        RealComponents.assume(SandboxHost.isSupported(), "unshare and nsenter (private namespaces)");
        RealComponents.program("zfs-fuse");
        RealComponents.program("zfs");
        RealComponents.program("zpool");
        RealComponents.assume(java.nio.file.Files.exists(java.nio.file.Path.of("/dev/fuse")), "/dev/fuse");
        RealComponents.assume(java.nio.file.Files.isDirectory(Path.of(CACHE)), "zfs-fuse's " + CACHE + " (the package makes it)");
    }

    /** A sandbox (network namespace of its own) running zfs-fuse, with pools {@code pools} of 128 MiB each made on file vdevs. */
    public static ZfsFuse start(String... pools) {
        return start(true, pools);
    }

    /**
     * As {@link #start(String...)}, in a sandbox with a network namespace of its own (loopback only)
     * when {@code privateNetwork}, or sharing this machine's otherwise (to reach a test's sshd on
     * this machine's loopback). Pool {@code p} is mounted at {@code /tmp/p} in the sandbox.
     */
    public static ZfsFuse start(boolean privateNetwork, String... pools) {
        assumeAvailable();
        SandboxHost sandbox = SandboxHost.builder().name("zfs-fuse").privateNetwork(privateNetwork).build();
        ZfsFuse z = new ZfsFuse(sandbox, sandbox, "/tmp");
        try {
            // zfs-fuse keeps its socket under /run and a lock under /run/lock: a private /run keeps it off the machine's
            sandbox.check(Command.of("mount", "-t", "tmpfs", "-o", "mode=0755", "ops-zfs-run", "/run"));
            z.startDaemon(pools);
        } catch (RuntimeException | Error e) {
            z.close();
            throw e;
        }
        return z;
    }

    /**
     * zfs-fuse started through {@code host}, whose commands must all reach one mount namespace other
     * than this JVM's, with a /run that only it sees (the test sshd's namespace has one); pool
     * {@code p} gets its vdev {@code dir/p.vdev} and is mounted at {@code dir/p} in that namespace.
     * Refuses a host in this JVM's mount namespace, or one where a zfs-fuse already listens.
     */
    public static ZfsFuse on(Host host, Path dir, String... pools) {
        assumeAvailable();
        String here = LocalHost.create().check(Command.of("readlink", "/proc/self/ns/mnt")).stdoutText().strip();
        String there = host.check(Command.of("readlink", "/proc/self/ns/mnt")).stdoutText().strip();
        if (there.equals(here)) {
            throw new IllegalStateException(host.name() + " runs in this machine's mount namespace (" + here
                    + "): zfs-fuse would use the machine's /run and " + CACHE);
        }
        if (host.run(Command.of("test", "-e", "/run/zfs/zfs_socket")).ok()) {
            throw new IllegalStateException("a zfs-fuse already listens on " + host.name() + " (/run/zfs/zfs_socket)");
        }
        ZfsFuse z = new ZfsFuse(host, null, dir.toAbsolutePath().toString());
        try {
            z.startDaemon(pools);
        } catch (RuntimeException | Error e) {
            z.close();
            throw e;
        }
        return z;
    }

    private void startDaemon(String... names) {
        host.check(Command.of("sh", "-c", "mkdir -p /run/lock /run/zfs && mount -t tmpfs -o mode=0755 ops-zfs-cache " + CACHE));
        host.check(Command.of("zfs-fuse", "--pidfile", PIDFILE, "--no-kstat-mount"));
        host.check(Command.of("sh", "-c", "i=0; until zpool list >/dev/null 2>&1; do i=$((i+1)); [ $i -gt 50 ] && exit 1; sleep 0.1; done"));
        pid = AsciiNumbers.parseLong(host.check(Command.of("cat", PIDFILE)).stdoutText().strip());
        for (String pool : names) {
            pools.add(pool);
            host.check(Command.of("truncate", "-s", "128M", vdev(pool)));
            host.check(Command.of("zpool", "create", "-m", mountPoint(pool), pool, vdev(pool)));
        }
    }

    /** The host whose commands reach the daemon. */
    public Host host() {
        return host;
    }

    /** Where pool {@code pool}'s root dataset is mounted, in the daemon's namespace. */
    public String mountPoint(String pool) {
        return dir + "/" + pool;
    }

    private String vdev(String pool) {
        return dir + "/" + pool + ".vdev";
    }

    @Override
    public void close() {
        try {
            // zfs-fuse may still call a pool busy just after it unmounted a dataset: ask again a while
            host.run(Command.of("sh", "-c", "for p in $(zpool list -H -o name 2>/dev/null); do i=0; "
                    + "until zpool destroy -f \"$p\"; do i=$((i+1)); [ $i -gt 50 ] && break; sleep 0.2; done; done; exit 0"));
            CommandResult read = host.run(Command.of("cat", PIDFILE));
            String p = read.ok() && !read.stdoutText().isBlank() ? read.stdoutText().strip() : pid >= 0 ? Long.toString(pid) : "";
            if (!p.isEmpty()) {
                host.run(Command.of("sh", "-c", "kill " + p + "; i=0; while kill -0 " + p + " 2>/dev/null; do i=$((i+1)); "
                        + "[ $i -gt 50 ] && kill -9 " + p + "; sleep 0.1; done; exit 0"));
            }
            List<String> files = new ArrayList<>(List.of("rm", "-f"));
            pools.forEach(pool -> files.add(vdev(pool)));
            host.run(Command.of(files));
            host.run(Command.of("sh", "-c", "umount " + CACHE + " 2>/dev/null; exit 0"));
        } catch (RuntimeException e) {
            // the host is gone (a dead sandbox, a closed connection): the daemon goes below
        } finally {
            try {
                killLingering();
            } finally {
                if (sandbox != null) {
                    sandbox.close();
                }
            }
        }
    }

    /** Kills the daemon from this JVM when it still runs (the sandbox and the test sshd share this machine's pids). */
    private void killLingering() {
        if (pid < 0) {
            return;
        }
        ProcessHandle.of(pid).filter(h -> h.info().command().map(c -> c.endsWith("/zfs-fuse")).orElse(false)).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> h).join();
        });
    }
}
