package dev.ops.pve.preflight;

import dev.ops.proxmox.LoginInfo;
import java.util.List;
import java.util.Map;

/**
 * Reads the login answer's {@code cap} as Proxmox builds it: per area, every privilege of the area's
 * families that the user holds on some path of it. A privilege of an area's family that the area
 * does not list is held nowhere in it, so the preflight need not ask {@code /access/permissions}
 * about it. A privilege the area does list may still be missing on the one path that matters.
 */
final class CapabilityAreas {
    /** The privilege families each area reports; a family ending in a dot is a prefix. */
    private static final Map<String, List<String>> FAMILIES = Map.of(
            "vms", List.of("VM.", "Permissions.Modify"),
            "storage", List.of("Datastore.", "Permissions.Modify"),
            "nodes", List.of("Sys.", "Permissions.Modify"),
            "access", List.of("User.Modify", "Group.Allocate", "Realm.", "Permissions.Modify"),
            "dc", List.of("Sys.Audit", "Sys.Modify", "SDN.", "Mapping."),
            "sdn", List.of("SDN."),
            "mapping", List.of("Mapping."));

    private final LoginInfo login;

    CapabilityAreas(LoginInfo login) {
        this.login = login;
    }

    /** Whether the login's capabilities show that {@code privilege} is held nowhere that could cover {@code aclPath}. */
    boolean rulesOut(String aclPath, String privilege) {
        List<String> areas = areasOf(aclPath, privilege);
        for (String area : areas) {
            if (!inFamily(area, privilege) || !login.capabilities().containsKey(area) || login.has(area, privilege)) {
                return false;
            }
        }
        return !areas.isEmpty();
    }

    /** The areas whose listing decides {@code privilege} on {@code aclPath}: a pool's path counts for guests and storage alike. */
    private static List<String> areasOf(String aclPath, String privilege) {
        String top = aclPath.length() <= 1 ? "" : aclPath.substring(1).split("/", 2)[0];
        return switch (top) {
            case "" -> List.of("dc");
            case "vms", "storage", "nodes", "access", "sdn", "mapping" -> List.of(top);
            case "pool" -> privilege.startsWith("Datastore.") ? List.of("storage") : privilege.startsWith("VM.") ? List.of("vms") : List.of();
            default -> List.of();
        };
    }

    private static boolean inFamily(String area, String privilege) {
        return FAMILIES.getOrDefault(area, List.of()).stream()
                .anyMatch(f -> f.endsWith(".") ? privilege.startsWith(f) : privilege.equals(f));
    }
}
