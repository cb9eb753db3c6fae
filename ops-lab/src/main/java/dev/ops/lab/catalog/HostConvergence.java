package dev.ops.lab.catalog;

import java.util.Objects;

/**
 * What layer L3 recorded when it converged a host: the gate that layer L4 checks (L4 runs only on
 * hosts L3 has converged). Rolling back the layer takes the record away again.
 *
 * @param host the site's name of the host
 * @param address the address it was reached at
 * @param recorded when it was recorded (ISO-8601)
 */
public record HostConvergence(String host, String address, String recorded) {
    public HostConvergence {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(recorded, "recorded");
    }
}
