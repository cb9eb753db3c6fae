package dev.ops.sys.pkg;

/**
 * One package that a transaction installs, upgrades, downgrades or removes, as {@code apt-get -s} lists it.
 *
 * @param kind what happens to the package
 * @param name the package name (with {@code :arch} for a foreign architecture)
 * @param version the version installed by the operation; for a removal, the version removed
 * @param previousVersion the version installed before (empty for a new install)
 * @param requested whether the caller named it, rather than apt pulling it in (a dependency or a reverse dependency)
 */
public record PackageOperation(Kind kind, String name, String version, String previousVersion, boolean requested) {

    /** What happens to a package. */
    public enum Kind {
        /** Newly installed. */
        INSTALL,
        /** Replaced by a newer or older version (apt lists both as {@code Inst} with the old version in brackets). */
        REPLACE,
        /** Removed (its configuration files stay, so reinstalling restores them). */
        REMOVE
    }

    @Override
    public String toString() {
        return switch (kind) {
            case INSTALL -> "install " + name + " " + version;
            case REPLACE -> "replace " + name + " " + previousVersion + " with " + version;
            case REMOVE -> "remove " + name + " " + version;
        } + (requested ? "" : " (" + (kind == Kind.REMOVE ? "depends on a removed package" : "dependency") + ")");
    }
}
