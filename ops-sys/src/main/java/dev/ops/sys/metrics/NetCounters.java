package dev.ops.sys.metrics;

/**
 * One interface of /proc/net/dev.
 *
 * @param iface the interface name
 * @param rxBytes bytes received
 * @param rxPackets packets received
 * @param txBytes bytes sent
 * @param txPackets packets sent
 */
public record NetCounters(String iface, long rxBytes, long rxPackets, long txBytes, long txPackets) {}
