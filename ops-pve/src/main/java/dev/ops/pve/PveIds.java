package dev.ops.pve;

import dev.ops.core.error.Violations;
import dev.ops.core.text.HostNames;
import java.util.regex.Pattern;

/** The identifier rules Proxmox applies (VMIDs, node, storage, DNS and config-id names), checked before a call is sent. */
public final class PveIds {
    /** The lowest VMID Proxmox accepts. */
    public static final int MIN_VMID = 100;
    /** The highest VMID Proxmox accepts. */
    public static final int MAX_VMID = 999_999_999;

    private static final Pattern STORAGE = Pattern.compile("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]");
    private static final Pattern CONFIG_ID = Pattern.compile("(?i)[a-z][a-z0-9_]+");
    private static final Pattern POOL_ID = Pattern.compile("[A-Za-z0-9_\\-]+(?:/[A-Za-z0-9_\\-]+){0,2}");

    private PveIds() {}

    /** Whether {@code vmid} is in Proxmox's VMID range, 100 to 999999999. */
    public static boolean isVmid(long vmid) {
        return vmid >= MIN_VMID && vmid <= MAX_VMID;
    }

    /**
     * Whether Proxmox accepts {@code name} as a guest name or hostname ({@code dns-name}): labels as
     * core's {@link HostNames} checks them, separated by dots. Unlike a host name, Proxmox allows a
     * last label of digits only (a guest named {@code 101}).
     */
    public static boolean isDnsName(String name) {
        if (name == null || name.isEmpty() || name.length() > HostNames.MAX_LENGTH || name.endsWith(".")) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!HostNames.isValidLabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is a valid node name ({@code pve-node}): one label as {@link HostNames} checks it. */
    public static boolean isNodeName(String name) {
        return HostNames.isValidLabel(name);
    }

    /** Whether {@code id} is a valid storage id ({@code pve-storage-id}). */
    public static boolean isStorageId(String id) {
        return id != null && STORAGE.matcher(id).matches();
    }

    /** Whether {@code name} is a valid snapshot name ({@code pve-configid}, at most 40 characters). */
    public static boolean isSnapshotName(String name) {
        return name != null && name.length() <= 40 && CONFIG_ID.matcher(name).matches();
    }

    /** Whether {@code id} is a valid pool id ({@code pve-poolid}: letters, digits, '-', '_', nested up to three levels with '/'). */
    public static boolean isPoolId(String id) {
        return id != null && POOL_ID.matcher(id).matches();
    }

    /** Adds a violation of {@code field} unless {@code vmid} is in 100..999999999. */
    public static void checkVmid(Violations v, String field, long vmid) {
        v.check(isVmid(vmid), field, vmid + " is out of range: a VMID is " + MIN_VMID + " to " + MAX_VMID);
    }

    /** Adds a violation of {@code field} unless {@code name} is a DNS name Proxmox accepts. */
    public static void checkDnsName(Violations v, String field, String name) {
        v.check(isDnsName(name), field, "'" + name + "' is not a valid DNS name (letters, digits, '-' inside labels, labels separated by '.')");
    }

    /** Adds a violation of {@code field} unless {@code node} is a valid node name. */
    public static void checkNode(Violations v, String field, String node) {
        v.check(isNodeName(node), field, "'" + node + "' is not a valid node name");
    }

    /** Adds a violation of {@code field} unless {@code id} is a valid storage id. */
    public static void checkStorage(Violations v, String field, String id) {
        v.check(isStorageId(id), field, "'" + id + "' is not a valid storage id");
    }

    /** Throws a {@link dev.ops.core.error.ValidationException} unless {@code vmid} is in range. */
    public static int requireVmid(long vmid) {
        Violations v = Violations.of("VMID");
        checkVmid(v, "vmid", vmid);
        v.throwIfAny();
        return (int) vmid;
    }

    /** Throws a {@link dev.ops.core.error.ValidationException} unless {@code id} is a valid pool id. */
    public static String requirePoolId(String id) {
        Violations v = Violations.of("pool");
        v.check(isPoolId(id), "poolid", "'" + id + "' is not a valid pool id (letters, digits, '-', '_', up to three levels joined by '/')");
        v.throwIfAny();
        return id;
    }

    /** Throws a {@link dev.ops.core.error.ValidationException} unless {@code node} is a valid node name. */
    public static String requireNode(String node) {
        Violations v = Violations.of("node");
        checkNode(v, "node", node);
        v.throwIfAny();
        return node;
    }
}
