package dev.ops.lab.replicate.internal;

import dev.ops.net.MacAddress;
import dev.ops.net.ipam.Allocation;

/**
 * The identity a new guest took at apply from the shared allocators.
 *
 * @param node its node
 * @param vmid its VMID
 * @param name its name under the site's convention
 * @param address its address allocation
 * @param mac its MAC
 */
public record Identity(String node, int vmid, String name, Allocation address, MacAddress mac) {

    /** The address with its prefix length, {@code 10.10.2.100/24}. */
    public String ip() {
        return address.cidr().toString();
    }

    /** The gateway; empty when the subnet has none. */
    public String gateway() {
        return address.gateway().map(Object::toString).orElse("");
    }

    /** Cloud-init's {@code ipconfig0} value, {@code ip=A/P,gw=G}. */
    public String ipConfig() {
        return "ip=" + ip() + (gateway().isEmpty() ? "" : ",gw=" + gateway());
    }
}
