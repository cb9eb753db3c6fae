package dev.ops.net.naming;

/**
 * The parts of a name made by a {@link NamingConvention}.
 *
 * @param node the node part
 * @param type the resource type part ({@code vm}, {@code ct}...)
 * @param sequence the sequence number
 */
public record ResourceName(String node, String type, int sequence) {}
