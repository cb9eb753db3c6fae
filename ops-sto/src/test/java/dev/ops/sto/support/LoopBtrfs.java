package dev.ops.sto.support;

import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;
import java.nio.file.Path;

/**
 * A real Btrfs for a test: a file in the test's temporary directory, formatted with mkfs.btrfs and
 * mounted through a loop device inside a {@link SandboxHost}'s private mount namespace, so the
 * machine never sees the mount. Closing unmounts, ends the namespace and makes sure the loop device
 * is detached (the mount sets autoclear, and any left is detached by file), also after a failure.
 */
public final class LoopBtrfs implements AutoCloseable {
    private final SandboxHost host;
    private final Path image;
    private final String mountPoint;
    private final java.util.List<String> extraMounts = new java.util.ArrayList<>();
    private final java.util.List<Path> extraImages = new java.util.ArrayList<>();

    private LoopBtrfs(SandboxHost host, Path image, String mountPoint) {
        this.host = host;
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** Skips (or fails under OPS_REQUIRE_REAL=1) without root, namespaces or btrfs-progs. */
    public static void assumeAvailable() {
        RealComponents.root();
        RealComponents.assume(SandboxHost.isSupported(), "unshare and nsenter (private namespaces)");
        RealComponents.program("mkfs.btrfs");
        RealComponents.program("btrfs");
        RealComponents.program("losetup");
    }

    /** A fresh file system of {@code megabytes} in {@code dir}, mounted at {@code /tmp/btrfs-<name>} inside a new sandbox. */
    public static LoopBtrfs create(Path dir, String name, int megabytes) {
        return create(dir, name, megabytes, true);
    }

    /**
     * As {@link #create(Path, String, int)}, in a sandbox with a network namespace of its own
     * (loopback only) when {@code privateNetwork}, or sharing this machine's otherwise (to reach a
     * test's sshd on this machine's loopback).
     */
    public static LoopBtrfs create(Path dir, String name, int megabytes, boolean privateNetwork) {
        assumeAvailable();
        LocalHost local = LocalHost.create();
        Path image = dir.resolve(name + ".img");
        // the sandbox's /tmp is a tmpfs of its own: the mount point lives there, the image outside
        String mnt = "/tmp/btrfs-" + name;
        local.check(Command.of("truncate", "-s", megabytes + "M", image.toString()));
        local.check(Command.of("mkfs.btrfs", "-q", image.toString()));
        SandboxHost sandbox = SandboxHost.builder().name("btrfs-" + name).privateNetwork(privateNetwork).build();
        LoopBtrfs fs = new LoopBtrfs(sandbox, image, mnt);
        try {
            // the loop device is made outside (the sandbox's namespaces cannot set one up), mounted
            // inside, then detached at once: the kernel frees it when the mount goes with the namespace
            String dev = local.check(Command.of("losetup", "--find", "--show", image.toString())).stdoutText().strip();
            try {
                sandbox.check(Command.of("mkdir", "-p", mnt));
                sandbox.check(Command.of("mount", dev, mnt));
            } finally {
                local.run("losetup", "-d", dev);
            }
        } catch (RuntimeException e) {
            fs.close();
            throw e;
        }
        return fs;
    }

    /** A second file system of {@code megabytes} in the same sandbox, mounted at {@code /tmp/btrfs-<name>}; returns its mount point. */
    public String another(String name, int megabytes) {
        LocalHost local = LocalHost.create();
        Path img = image.resolveSibling(name + ".img");
        String mnt = "/tmp/btrfs-" + name;
        local.check(Command.of("truncate", "-s", megabytes + "M", img.toString()));
        local.check(Command.of("mkfs.btrfs", "-q", img.toString()));
        extraImages.add(img);
        String dev = local.check(Command.of("losetup", "--find", "--show", img.toString())).stdoutText().strip();
        try {
            host.check(Command.of("mkdir", "-p", mnt));
            host.check(Command.of("mount", dev, mnt));
            extraMounts.add(mnt);
        } finally {
            local.run("losetup", "-d", dev);
        }
        return mnt;
    }

    /**
     * What sends are tested with: subvolume {@code vol} holding a file {@code a} of {@code first}
     * random bytes, its read-only snapshot {@code s1}, then a file {@code b} of {@code second} random
     * bytes and snapshot {@code s2}; made through ops.
     */
    public void volumeWithTwoSnapshots(dev.ops.core.Ops ops, int first, int second) {
        dev.ops.sto.btrfs.Btrfs btrfs = dev.ops.sto.btrfs.Btrfs.on(host, ops);
        String vol = path("vol");
        btrfs.subvolume(vol).present().apply();
        host.check(Command.of("sh", "-c", "head -c " + first + " /dev/urandom > \"$1\"/a", "sh", vol));
        btrfs.snapshot(path("s1")).of(vol).present().apply();
        host.check(Command.of("sh", "-c", "head -c " + second + " /dev/urandom > \"$1\"/b", "sh", vol));
        btrfs.snapshot(path("s2")).of(vol).present().apply();
    }

    /** The host whose commands see the mount (root in the sandbox). */
    public SandboxHost host() {
        return host;
    }

    /** Where the file system is mounted, inside the sandbox. */
    public String mountPoint() {
        return mountPoint;
    }

    /** {@code mountPoint/relative}. */
    public String path(String relative) {
        return mountPoint + "/" + relative;
    }

    @Override
    public void close() {
        try {
            extraMounts.forEach(m -> host.run(Command.of("umount", m)));
            host.run(Command.of("umount", mountPoint));
        } finally {
            host.close();
            LocalHost local = LocalHost.create();
            java.util.List<Path> images = new java.util.ArrayList<>(extraImages);
            images.add(image);
            for (Path img : images) {
                String left = local.run("losetup", "-n", "-O", "NAME", "-j", img.toString()).stdoutText().strip();
                for (String dev : left.split("\n")) {
                    if (!dev.isBlank()) {
                        local.run("losetup", "-d", dev.strip());
                    }
                }
            }
        }
    }

    /** Whether a loop device is still attached to the image (for tests of cleanup). */
    public boolean loopAttached() {
        java.util.List<Path> images = new java.util.ArrayList<>(extraImages);
        images.add(image);
        return images.stream().anyMatch(img -> !LocalHost.create().run("losetup", "-n", "-O", "NAME", "-j", img.toString()).stdoutText().isBlank());
    }
}
