package dev.ops.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Gates tests that need a real component (sshd, iproute2, root, unshare): they skip where it is
 * missing, and fail instead when {@code OPS_REQUIRE_REAL=1} (CI sets it).
 */
public final class RealComponents {
    private RealComponents() {}

    /** Whether missing components must fail tests rather than skip them. */
    public static boolean required() {
        return "1".equals(System.getenv("OPS_REQUIRE_REAL"));
    }

    /** Skips (or fails, under OPS_REQUIRE_REAL=1) unless {@code available}. */
    public static void assume(boolean available, String what) {
        if (!available) {
            if (required()) {
                fail("OPS_REQUIRE_REAL=1 but " + what + " is not available");
            }
            Assumptions.abort(what + " is not available");
        }
    }

    /**
     * Skips unless the running kernel has a feature (a VLAN, bonding or bridge-filtering driver).
     * Unlike a missing tool, a kernel feature cannot be installed by CI, so this skips even under
     * {@code OPS_REQUIRE_REAL=1}; the skip message says what was missing.
     */
    public static void kernelFeature(boolean available, String what) {
        if (!available) {
            Assumptions.abort("the running kernel lacks " + what + " (a kernel feature, not installable by CI)");
        }
    }

    /** Requires an executable program, looked up on the PATH and in /usr/sbin and /sbin. */
    public static Path program(String name) {
        Path found = find(name);
        assume(found != null, "program " + name);
        return found;
    }

    /** Requires that this JVM runs as root. */
    public static void root() {
        assume("root".equals(System.getProperty("user.name")), "root");
    }

    /** Finds a program on the PATH or in the sbin directories, or null. */
    public static Path find(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
