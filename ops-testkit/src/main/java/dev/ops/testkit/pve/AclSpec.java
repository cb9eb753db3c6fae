package dev.ops.testkit.pve;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Privileges granted to a user or token on ACL paths, e.g. {@code grant("/vms/101", "VM.Audit", "VM.Clone")}.
 * Grants propagate to sub-paths as PVE's default ({@code propagate=1}). The role names
 * {@code Administrator} (every privilege) and {@code PVEAuditor} (every {@code *.Audit}) are understood.
 */
public final class AclSpec {

    /** One grant. */
    record Grant(String path, Set<String> privileges, boolean propagate) {}

    private final List<Grant> grants = new ArrayList<>();

    AclSpec() {}

    /** Grants privileges (or role names) on a path and everything below it. */
    public AclSpec grant(String path, String... privileges) {
        grants.add(new Grant(normalize(path), Set.of(privileges), true));
        return this;
    }

    /** Grants privileges on exactly this path, not below it ({@code propagate=0}). */
    public AclSpec grantExact(String path, String... privileges) {
        grants.add(new Grant(normalize(path), Set.of(privileges), false));
        return this;
    }

    private static String normalize(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("ACL path must start with '/': " + path);
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    List<Grant> grants() {
        return List.copyOf(grants);
    }
}
