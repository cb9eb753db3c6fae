package dev.ops.sys.support;

import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;

/** Starts sandboxes for the real-tool tests, skipping (or failing under OPS_REQUIRE_REAL=1) where they cannot run. */
public final class Sandboxes {
    private Sandboxes() {}

    /** A fresh sandbox with its own network namespace. */
    public static SandboxHost start(String name) {
        RealComponents.assume(SandboxHost.isSupported(), "root with unshare and nsenter");
        return SandboxHost.builder().name(name).build();
    }
}
