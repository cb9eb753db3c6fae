package dev.ops.net.reach;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of a TCP connect or ICMP ping.
 *
 * @param probe {@code tcp} or {@code icmp}
 * @param target what was probed ({@code host:port} or an address)
 * @param reachable whether it answered
 * @param latency the connect time or the average round trip, when it answered
 * @param failure why it did not answer (refused, timed out, unreachable...), when it did not
 */
public record ProbeResult(String probe, String target, boolean reachable, Optional<Duration> latency, Optional<String> failure) {

    static ProbeResult ok(String probe, String target, Duration latency) {
        return new ProbeResult(probe, target, true, Optional.of(latency), Optional.empty());
    }

    static ProbeResult failed(String probe, String target, String why) {
        return new ProbeResult(probe, target, false, Optional.empty(), Optional.of(why));
    }
}
