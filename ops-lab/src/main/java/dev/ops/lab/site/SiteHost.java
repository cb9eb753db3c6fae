package dev.ops.lab.site;

import java.util.List;
import java.util.Objects;

/**
 * A host the site converges (layer L3): its name, address, login user and the services it runs.
 *
 * @param name the host's name
 * @param address where to reach it over SSH
 * @param user the login user
 * @param packages the packages it must have
 */
public record SiteHost(String name, String address, String user, List<String> packages) {
    public SiteHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        packages = List.copyOf(packages);
    }
}
