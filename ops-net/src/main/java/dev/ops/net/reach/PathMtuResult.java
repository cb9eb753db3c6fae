package dev.ops.net.reach;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The largest packet that reaches a target unfragmented.
 *
 * @param target the address probed
 * @param mtu the path MTU in bytes (IP header included), when found
 * @param probes how many pings the search sent
 * @param failure why no MTU was found (the target did not answer even small packets), when none was
 */
public record PathMtuResult(String target, OptionalInt mtu, int probes, Optional<String> failure) {}
