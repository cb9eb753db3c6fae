package dev.ops.core.privilege;

/**
 * What a host's login grants, read in one round trip: effective uid, whether {@code sudo -n}
 * works (and what it said when it did not), and the effective capability mask.
 */
public record HostPrivileges(String host, int uid, boolean passwordlessSudo, String sudoMessage, long effectiveCapabilities) {

    /** Whether the login can act as root, directly or through sudo. */
    public boolean canBeRoot() {
        return uid == 0 || passwordlessSudo;
    }

    /** Whether the capability is in the effective set (or obtainable through sudo). */
    public boolean has(Privilege.Capability cap) {
        int bit = Capabilities.bit(cap.name());
        return bit >= 0 && ((effectiveCapabilities >>> bit) & 1) == 1 || (uid != 0 && passwordlessSudo);
    }
}
