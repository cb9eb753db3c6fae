package dev.ops.net.ipam;

import dev.ops.core.error.ConflictException;
import dev.ops.net.IpAddress;

/** An explicit assignment asked for an address that another owner (or the gateway) holds. */
public class AddressTakenException extends ConflictException {
    private final IpAddress address;
    private final String holder;

    public AddressTakenException(String node, IpAddress address, String holder) {
        super("ip/" + node + "/" + address, "already held by " + holder, false);
        this.address = address;
        this.holder = holder;
    }

    /** The contended address. */
    public IpAddress address() {
        return address;
    }

    /** Who holds it. */
    public String holder() {
        return holder;
    }
}
