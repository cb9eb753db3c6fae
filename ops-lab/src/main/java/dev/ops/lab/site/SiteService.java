package dev.ops.lab.site;

import java.util.Objects;

/**
 * A service the site runs (layer L4): a systemd unit on a host, with the health check that gates it.
 *
 * @param name the service's name
 * @param host the host it runs on (a name under {@code hosts})
 * @param unit the systemd unit
 * @param health the health check's URL or command; empty when the unit being active is enough
 */
public record SiteService(String name, String host, String unit, String health) {
    public SiteService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(health, "health");
    }
}
