package dev.ops.lab.catalog;

import java.util.Objects;

/**
 * What the catalog knows of one guest: where and from what it was made, whether it is a replica, its
 * network identity and whether its name follows the site's convention.
 *
 * @param vmid the guest's VMID
 * @param name its name
 * @param node its node
 * @param kind {@code vm} or {@code container}
 * @param template whether it is a template
 * @param originNode the node of the guest it was replicated from
 * @param originVmid the VMID it was replicated from
 * @param originTemplate the site template (or guest name) it descends from
 * @param replica whether it is a replica
 * @param address its address with prefix length ({@code 10.10.2.100/24})
 * @param gateway its gateway; empty when none
 * @param mac its MAC
 * @param namingCompliant whether its name parses under the site's naming convention
 * @param taskId the task (or layer run) that made it
 * @param role the site guest it is, {@code guest:<name>/<n>} (layer L2); empty for replicas and restores
 * @param createdAt when it was recorded (ISO-8601)
 */
public record ResourceRecord(int vmid, String name, String node, String kind, boolean template, String originNode, int originVmid,
        String originTemplate, boolean replica, String address, String gateway, String mac, boolean namingCompliant, String taskId,
        String role, String createdAt) {
    public ResourceRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(originNode, "originNode");
        Objects.requireNonNull(originTemplate, "originTemplate");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
