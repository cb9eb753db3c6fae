package dev.ops.usr.testing;

import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;

/** Starts a throw-away sandbox for a real-tool test, skipping (or failing under OPS_REQUIRE_REAL=1) where it cannot run. */
public final class Sandboxes {
    private Sandboxes() {}

    /** A fresh sandbox with the given programs required. */
    public static SandboxHost start(String... programs) {
        RealComponents.assume(SandboxHost.isSupported(), "root with unshare and nsenter");
        for (String p : programs) {
            RealComponents.program(p);
        }
        return SandboxHost.builder().name("sbx").build();
    }
}
