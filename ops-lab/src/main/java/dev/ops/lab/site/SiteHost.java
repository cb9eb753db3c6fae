package dev.ops.lab.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A host the site converges (layer L3): its name, how to reach it over SSH (address, port, login
 * user, private key, known_hosts), the site guest it is when it is one, and what it must have:
 * packages, kernel parameters, users with their keys and sudo.
 *
 * @param name the host's name
 * @param address where to reach it over SSH
 * @param port the SSH port (22 unless the site says)
 * @param user the login user
 * @param key the private key file to log in with, resolved against the site directory; empty: the ssh-agent
 * @param knownHosts the known_hosts file its host key must be in (strict checking), resolved against the
 *     site directory; empty: {@code ~/.ssh/known_hosts}
 * @param guest the role ({@code guest:web/1}) of the site guest this host is; empty when the site names none
 * @param packages the packages it must have
 * @param sysctl the kernel parameters it must have, persisted ({@code vm.swappiness: 10})
 * @param users the users it must have
 */
public record SiteHost(String name, String address, int port, String user, String key, String knownHosts,
        String guest, List<String> packages, Map<String, String> sysctl, List<SiteUser> users) {
    public SiteHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(guest, "guest");
        packages = List.copyOf(packages);
        sysctl = Map.copyOf(sysctl);
        users = List.copyOf(users);
    }

    /** The private key file to log in with; empty: the ssh-agent. */
    public Optional<Path> keyFile() {
        return key.isEmpty() ? Optional.empty() : Optional.of(Path.of(key));
    }

    /** The known_hosts file the host's key is checked against; empty: {@code ~/.ssh/known_hosts}. */
    public Optional<Path> knownHostsFile() {
        return knownHosts.isEmpty() ? Optional.empty() : Optional.of(Path.of(knownHosts));
    }

    /** The role ({@code guest:web/1}) of the site guest this host is, when the site names one. */
    public Optional<String> guestRole() {
        return guest.isEmpty() ? Optional.empty() : Optional.of(guest);
    }

    /** Whether layer L3 has anything to converge on this host (packages, kernel parameters or users). */
    public boolean converges() {
        return !packages.isEmpty() || !sysctl.isEmpty() || !users.isEmpty();
    }
}
