package dev.ops.sys.metrics;

/**
 * Throughput of one network interface between two readings.
 *
 * @param rxBytesPerSecond bytes received per second
 * @param txBytesPerSecond bytes sent per second
 * @param rxPacketsPerSecond packets received per second
 * @param txPacketsPerSecond packets sent per second
 */
public record NetRate(double rxBytesPerSecond, double txBytesPerSecond, double rxPacketsPerSecond, double txPacketsPerSecond) {}
