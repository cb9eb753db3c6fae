package dev.ops.pve.preflight;

import dev.ops.proxmox.change.ApiCallAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Proxmox privileges a call needs. Two parts: {@link #checked} states, for the calls ops makes,
 * exactly the permission check of the Proxmox VE API schema (a test compares the two for every call
 * the client issues); {@link #described} adds what the schema only describes in words and Proxmox
 * checks in code (per config key, on storages used, for create, backup and volume removal). Calls
 * not listed need nothing beyond what reading needs.
 */
public final class RequiredPrivileges {
    private static final String GUEST = "^/nodes/\\{node}/(qemu|lxc)/\\{vmid}";
    private static final List<String> QEMU_CONFIG_PRIVILEGES = List.of("VM.Config.Disk", "VM.Config.CDROM", "VM.Config.CPU",
            "VM.Config.Memory", "VM.Config.Network", "VM.Config.HWType", "VM.Config.Options", "VM.Config.Cloudinit");
    private static final List<String> LXC_CONFIG_PRIVILEGES = List.of("VM.Config.Disk", "VM.Config.CPU", "VM.Config.Memory",
            "VM.Config.Network", "VM.Config.Options");

    private RequiredPrivileges() {}

    /** What {@code action} needs. */
    public static Requirement of(ApiCallAction action) {
        return of(action.method(), action.path(), action.params());
    }

    /** What a call needs, from its method, path template and parameters (path parameters included). */
    public static Requirement of(String method, String template, Map<String, ?> params) {
        Map<String, String> wire = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> wire.put(k, String.valueOf(v)));
        return ofWire(method, template, wire);
    }

    private static Requirement ofWire(String method, String template, Map<String, String> params) {
        return Requirement.allOf(List.of(checked(method, template, params), described(method, template, params)));
    }

    /** The schema's own permission check of a call, with the call's parameters in its ACL paths. */
    public static Requirement checked(String method, String template, Map<String, String> params) {
        String vms = "/vms/" + params.getOrDefault("vmid", "");
        boolean write = !method.equals("GET");
        if (template.matches(GUEST + "/status/(start|stop|shutdown|reboot|suspend|resume)")) {
            return Requirement.privilege(vms, "VM.PowerMgmt");
        }
        if (template.matches(GUEST + "/config") && write) {
            return new Requirement.Privileges(vms, template.contains("/qemu/") ? QEMU_CONFIG_PRIVILEGES : LXC_CONFIG_PRIVILEGES, true);
        }
        if (template.matches(GUEST + "/clone")) {
            List<Requirement> allocate = new ArrayList<>(List.of(Requirement.privilege("/vms/" + params.getOrDefault("newid", ""), "VM.Allocate")));
            if (params.containsKey("pool")) {
                allocate.add(Requirement.privilege("/pool/" + params.get("pool"), "VM.Allocate"));
            }
            return Requirement.allOf(List.of(Requirement.privilege(vms, "VM.Clone"), Requirement.oneOf(allocate)));
        }
        if (template.matches(GUEST) && method.equals("DELETE") || template.matches(GUEST + "/template")) {
            return Requirement.privilege(vms, "VM.Allocate");
        }
        if (template.matches(GUEST + "/migrate")) {
            return Requirement.privilege(vms, "VM.Migrate");
        }
        if (template.matches(GUEST + "/snapshot/\\{snapname}/rollback")) {
            return new Requirement.Privileges(vms, List.of("VM.Snapshot", "VM.Snapshot.Rollback"), true);
        }
        if (template.matches(GUEST + "/snapshot(/\\{snapname})?") && write) {
            return Requirement.privilege(vms, "VM.Snapshot");
        }
        String storage = "/storage/" + params.getOrDefault("storage", "");
        if (template.equals("/nodes/{node}/storage/{storage}/download-url")) {
            return Requirement.allOf(List.of(Requirement.privilege(storage, "Datastore.AllocateTemplate"),
                    Requirement.oneOf(List.of(new Requirement.Privileges("/", List.of("Sys.Audit", "Sys.Modify"), false),
                            Requirement.privilege("/nodes/" + params.getOrDefault("node", ""), "Sys.AccessNetwork")))));
        }
        if (template.equals("/nodes/{node}/storage/{storage}/upload")) {
            return Requirement.privilege(storage, "Datastore.AllocateTemplate");
        }
        if (template.startsWith("/cluster/ha/resources") && write) {
            return Requirement.privilege("/", "Sys.Console");
        }
        if (template.equals("/pools") && write) {
            return Requirement.privilege("/pool/" + params.getOrDefault("poolid", ""), "Pool.Allocate");
        }
        return Requirement.NONE;
    }

    /** What the schema only describes in words for a call, and Proxmox checks in code. */
    public static Requirement described(String method, String template, Map<String, String> params) {
        String vms = "/vms/" + params.getOrDefault("vmid", "");
        List<Requirement> needs = new ArrayList<>();
        if (template.matches(GUEST + "/config") && !method.equals("GET")) {
            List<String> keys = new ArrayList<>(params.keySet());
            // Removing a key needs the same privilege as setting it.
            keys.addAll(List.of(params.getOrDefault("delete", "").split("[,;\\s]+")));
            for (String key : keys) {
                String privilege = key.isEmpty() ? null : configPrivilege(key);
                if (privilege != null) {
                    needs.add(Requirement.privilege(vms, privilege));
                }
            }
        } else if (template.matches(GUEST + "/clone") && params.containsKey("storage")) {
            needs.add(Requirement.privilege("/storage/" + params.get("storage"), "Datastore.AllocateSpace"));
        } else if (template.matches("^/nodes/\\{node}/(qemu|lxc)") && method.equals("POST")) {
            List<Requirement> allocate = new ArrayList<>(List.of(Requirement.privilege(vms, "VM.Allocate")));
            if (params.containsKey("pool")) {
                allocate.add(Requirement.privilege("/pool/" + params.get("pool"), "VM.Allocate"));
            }
            needs.add(Requirement.oneOf(allocate));
            if (params.containsKey("archive") || params.containsKey("restore")) {
                needs.add(Requirement.privilege(vms, "VM.Backup"));
            }
            if (params.containsKey("storage")) {
                needs.add(Requirement.privilege("/storage/" + params.get("storage"), "Datastore.AllocateSpace"));
            }
        } else if (template.equals("/nodes/{node}/vzdump")) {
            needs.add(Requirement.privilege(vms, "VM.Backup"));
            if (params.containsKey("storage")) {
                needs.add(Requirement.privilege("/storage/" + params.get("storage"), "Datastore.AllocateSpace"));
            }
        } else if (template.equals("/nodes/{node}/storage/{storage}/content/{volume}") && method.equals("DELETE")) {
            needs.add(Requirement.privilege("/storage/" + params.getOrDefault("storage", ""), "Datastore.Allocate"));
        } else if (template.equals("/pools") && method.equals("PUT")) {
            // Adding or removing a member needs the right to change its permissions (check_perm_modify).
            for (String vm : params.getOrDefault("vms", "").split("[,;\\s]+")) {
                if (!vm.isEmpty()) {
                    needs.add(new Requirement.Privileges("/vms/" + vm, List.of("Permissions.Modify", "VM.Allocate"), true));
                }
            }
        }
        return Requirement.allOf(needs);
    }

    private static String configPrivilege(String key) {
        return switch (key.replaceAll("\\d+$", "")) {
            case "node", "vmid", "digest", "delete", "revert", "skiplock", "background_delay" -> null;
            case "memory", "balloon", "shares", "swap" -> "VM.Config.Memory";
            case "cores", "sockets", "cpu", "cpulimit", "cpuunits", "vcpus", "numa" -> "VM.Config.CPU";
            case "ciuser", "cipassword", "sshkeys", "ipconfig", "nameserver", "searchdomain", "citype", "ciupgrade", "cicustom" ->
                    "VM.Config.Cloudinit";
            case "net" -> "VM.Config.Network";
            case "scsi", "virtio", "sata", "ide", "efidisk", "tpmstate", "unused", "rootfs", "mp" -> "VM.Config.Disk";
            case "hostpci", "usb", "serial", "parallel", "audio", "rng", "vga" -> "VM.Config.HWType";
            default -> "VM.Config.Options";
        };
    }
}
