package dev.ops.lab.site;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A host the site converges (layer L3): its name, address, login user, and what it must have:
 * packages, kernel parameters, users with their keys and sudo.
 *
 * @param name the host's name
 * @param address where to reach it over SSH
 * @param user the login user
 * @param packages the packages it must have
 * @param sysctl the kernel parameters it must have, persisted ({@code vm.swappiness: 10})
 * @param users the users it must have
 */
public record SiteHost(String name, String address, String user, List<String> packages, Map<String, String> sysctl, List<SiteUser> users) {
    public SiteHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        packages = List.copyOf(packages);
        sysctl = Map.copyOf(sysctl);
        users = List.copyOf(users);
    }
}
