package dev.ops.net;

/** An IP address family. */
public enum IpFamily {
    /** IPv4: 32-bit addresses. */
    IPV4(32),
    /** IPv6: 128-bit addresses. */
    IPV6(128);

    private final int bits;

    IpFamily(int bits) {
        this.bits = bits;
    }

    /** The address width in bits. */
    public int bits() {
        return bits;
    }
}
