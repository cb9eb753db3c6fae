package dev.ops.pve.node;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's network configuration as Proxmox reports it: the interfaces, and the pending changes
 * (a diff of {@code /etc/network/interfaces} against the staged {@code interfaces.new}) that are not
 * live yet.
 */
public final class NetworkConfig {
    private final List<NetworkInterface> interfaces;
    private final String pendingChanges;

    NetworkConfig(List<NetworkInterface> interfaces, String pendingChanges) {
        this.interfaces = List.copyOf(interfaces);
        this.pendingChanges = pendingChanges;
    }

    /** The interfaces, bridges, bonds and VLANs. */
    public List<NetworkInterface> interfaces() {
        return interfaces;
    }

    /** The diff of staged changes not applied yet, if any. */
    public Optional<String> pendingChanges() {
        return Optional.ofNullable(pendingChanges);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkConfig n && interfaces.equals(n.interfaces) && Objects.equals(pendingChanges, n.pendingChanges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(interfaces, pendingChanges);
    }

    @Override
    public String toString() {
        return "NetworkConfig[" + interfaces.size() + " interfaces" + (pendingChanges == null ? "" : ", pending changes") + "]";
    }
}
