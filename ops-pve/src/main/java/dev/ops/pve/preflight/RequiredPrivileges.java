package dev.ops.pve.preflight;

import dev.ops.pve.change.PveCallAction;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Proxmox privileges a call needs, by ACL path, as the API schema's permission checks state
 * them for the calls ops makes. Calls not listed need nothing beyond what reading needs.
 */
public final class RequiredPrivileges {
    private RequiredPrivileges() {}

    /** One privilege on one ACL path. */
    public record Need(String aclPath, String privilege) {
        @Override
        public String toString() {
            return privilege + " on " + aclPath;
        }
    }

    /** What {@code action} needs. */
    public static Set<Need> of(PveCallAction action) {
        return of(action.method(), action.path(), action.params());
    }

    /** What a call needs, from its method, path template and parameters. */
    public static Set<Need> of(String method, String template, Map<String, String> params) {
        Set<Need> needs = new LinkedHashSet<>();
        String vms = "/vms/" + params.getOrDefault("vmid", "");
        String node = "/nodes/" + params.getOrDefault("node", "");
        String guest = "^/nodes/\\{node}/(qemu|lxc)/\\{vmid}";
        if (template.matches(guest + "/status/(start|stop|shutdown|reboot|suspend|resume)")) {
            needs.add(new Need(vms, "VM.PowerMgmt"));
        } else if (template.matches(guest + "/config") && !method.equals("GET")) {
            for (String key : params.keySet()) {
                needs.add(new Need(vms, configPrivilege(key)));
            }
            needs.remove(new Need(vms, "none"));
        } else if (template.matches(guest + "/clone")) {
            needs.add(new Need(vms, "VM.Clone"));
            needs.add(new Need("/vms/" + params.getOrDefault("newid", ""), "VM.Allocate"));
            if (params.containsKey("storage")) {
                needs.add(new Need("/storage/" + params.get("storage"), "Datastore.AllocateSpace"));
            }
        } else if (template.matches("^/nodes/\\{node}/(qemu|lxc)") && method.equals("POST")) {
            needs.add(new Need(vms, "VM.Allocate"));
            if (params.containsKey("archive") || params.containsKey("restore")) {
                needs.add(new Need(vms, "VM.Backup"));
            }
            if (params.containsKey("storage")) {
                needs.add(new Need("/storage/" + params.get("storage"), "Datastore.AllocateSpace"));
            }
        } else if (template.matches(guest) && method.equals("DELETE")) {
            needs.add(new Need(vms, "VM.Allocate"));
        } else if (template.matches(guest + "/template")) {
            needs.add(new Need(vms, "VM.Allocate"));
        } else if (template.matches(guest + "/migrate")) {
            needs.add(new Need(vms, "VM.Migrate"));
        } else if (template.matches(guest + "/snapshot/\\{snapname}/rollback")) {
            needs.add(new Need(vms, "VM.Snapshot.Rollback"));
        } else if (template.matches(guest + "/snapshot(/\\{snapname})?") && !method.equals("GET")) {
            needs.add(new Need(vms, "VM.Snapshot"));
        } else if (template.equals("/nodes/{node}/vzdump")) {
            needs.add(new Need("/vms/" + params.getOrDefault("vmid", ""), "VM.Backup"));
            if (params.containsKey("storage")) {
                needs.add(new Need("/storage/" + params.get("storage"), "Datastore.AllocateSpace"));
            }
        } else if (template.equals("/nodes/{node}/storage/{storage}/download-url")
                || template.equals("/nodes/{node}/storage/{storage}/upload")) {
            needs.add(new Need("/storage/" + params.getOrDefault("storage", ""), "Datastore.AllocateTemplate"));
            if (template.endsWith("download-url")) {
                needs.add(new Need(node, "Sys.Modify"));
            }
        } else if (template.equals("/nodes/{node}/storage/{storage}/content/{volume}") && method.equals("DELETE")) {
            needs.add(new Need("/storage/" + params.getOrDefault("storage", ""), "Datastore.Allocate"));
        } else if (template.startsWith("/cluster/ha/resources") && !method.equals("GET")) {
            needs.add(new Need("/", "Sys.Console"));
        }
        return needs;
    }

    private static String configPrivilege(String key) {
        return switch (key.replaceAll("\\d+$", "")) {
            case "node", "vmid", "digest" -> "none";
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
