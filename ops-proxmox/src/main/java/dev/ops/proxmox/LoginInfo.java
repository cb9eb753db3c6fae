package dev.ops.proxmox;

import java.util.Map;
import java.util.Set;

/**
 * What a login ({@code POST /access/ticket}) told of the session: who is logged in, the cluster's
 * name, and the capabilities ({@code cap}): per area ({@code vms}, {@code storage}, {@code nodes},
 * {@code dc}, {@code access}, {@code sdn}, {@code mapping}) the privileges the user holds somewhere in
 * it, as the GUI uses them to show or hide its panels.
 *
 * @param username the user as Proxmox names it ({@code root@pam})
 * @param clusterName the cluster's name; empty for a single node that is no cluster
 * @param capabilities the privileges by area
 */
public record LoginInfo(String username, String clusterName, Map<String, Set<String>> capabilities) {

    public LoginInfo {
        Map<String, Set<String>> copy = new java.util.TreeMap<>();
        capabilities.forEach((area, privs) -> copy.put(area, Set.copyOf(privs)));
        capabilities = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether the user holds {@code privilege} somewhere in {@code area} (not a check of one path: see the preflight for that). */
    public boolean has(String area, String privilege) {
        return capabilities.getOrDefault(area, Set.of()).contains(privilege);
    }
}
