package dev.ops.net.link;

import dev.ops.net.Cidr;

/**
 * An address assigned to a link, as {@code ip -json address show} reports it.
 *
 * @param link the interface name
 * @param cidr the address with its prefix length
 * @param scope {@code global}, {@code link} or {@code host}
 */
public record LinkAddress(String link, Cidr cidr, String scope) {}
