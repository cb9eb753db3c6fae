package dev.ops.pve.agent;

import java.util.List;

/**
 * A network interface inside the guest as its agent reports it ({@code network-get-interfaces}).
 *
 * @param name the interface name inside the guest ({@code eth0}, {@code ens18})
 * @param mac the hardware address, empty when the agent sent none
 * @param addresses the addresses with their prefix, e.g. {@code 192.0.2.10/24}
 */
public record AgentInterface(String name, String mac, List<String> addresses) {

    public AgentInterface {
        addresses = List.copyOf(addresses);
    }
}
