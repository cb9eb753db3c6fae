package dev.ops.gpu.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.gpu.pci.PciAddress;
import dev.ops.gpu.pci.PciDevice;
import dev.ops.gpu.pci.PciTopology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A host's GPUs named by role, as the lab's {@code gpu-ptd} took them from a site directory: loaded
 * from YAML with every problem reported by field ({@code gpus[1].address}), then checked against the
 * host's real devices ({@link #checkAgainst}).
 *
 * <pre>
 * host: pve-01
 * gpus:
 *   - role: compute-a
 *     address: "0000:01:00.0"
 *     ids: "10de:2204"
 *     hostDriver: nvidia
 *     mapping: gpu-compute-a
 *     vm: 101
 * </pre>
 *
 * @param host the host the roles are on
 * @param gpus the roles, in file order
 */
public record GpuSite(String host, List<GpuRole> gpus) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");
    private static final Pattern IDS = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{4}");
    private static final Set<String> ROLE_KEYS = Set.of("role", "address", "ids", "hostDriver", "mapping", "vm", "romfile");

    public GpuSite {
        gpus = List.copyOf(gpus);
    }

    /** Parses a site configuration; a {@link ValidationException} lists every problem by field. */
    public static GpuSite fromYaml(String text) {
        Violations v = Violations.of("GPU site configuration");
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            v.add("yaml", String.valueOf(e.getMessage()).lines().findFirst().orElse("not YAML")).throwIfAny();
            return null;
        }
        if (root == null || !root.isObject()) {
            v.add("yaml", "must be a mapping with host and gpus").throwIfAny();
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            v.check(k.equals("host") || k.equals("gpus"), k, "unknown key (host, gpus)");
        }
        String host = root.path("host").asText("");
        v.check(!host.isBlank(), "host", "must name the host");
        List<GpuRole> roles = new ArrayList<>();
        JsonNode list = root.path("gpus");
        v.check(list.isArray() && !list.isEmpty(), "gpus", "must list at least one GPU");
        Set<String> names = new HashSet<>();
        Set<PciAddress> addresses = new HashSet<>();
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            JsonNode g = list.get(i);
            String at = "gpus[" + i + "]";
            for (Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                v.check(ROLE_KEYS.contains(k), at + "." + k, "unknown key (" + String.join(", ", ROLE_KEYS.stream().sorted().toList()) + ")");
            }
            String role = g.path("role").asText("");
            v.check(NAME.matcher(role).matches(), at + ".role", "'" + role + "' is not a role name (a letter, then letters, digits, - and _)");
            v.check(names.add(role) || role.isEmpty(), at + ".role", "role '" + role + "' is named twice");
            PciAddress address = null;
            try {
                address = PciAddress.parse(g.path("address").asText(""), at + ".address");
                v.check(addresses.add(address), at + ".address", address + " is given to two roles");
            } catch (ValidationException e) {
                e.violations().forEach(x -> v.add(x.field(), x.message()));
            }
            String ids = g.path("ids").asText("").toLowerCase(java.util.Locale.ROOT);
            v.check(ids.isEmpty() || IDS.matcher(ids).matches(), at + ".ids", "'" + ids + "' is not vendor:device (10de:2204)");
            String driver = g.path("hostDriver").asText("");
            v.check(driver.isEmpty() || driver.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") && !driver.equals("vfio-pci"), at + ".hostDriver",
                    "'" + driver + "' is not a host driver name");
            String mapping = g.path("mapping").asText("");
            v.check(mapping.isEmpty() || NAME.matcher(mapping).matches(), at + ".mapping", "'" + mapping + "' is not a mapping id");
            int vm = -1;
            if (g.has("vm")) {
                v.check(g.path("vm").canConvertToInt() && g.path("vm").asInt() >= 100 && g.path("vm").asInt() <= 999999999, at + ".vm",
                        "'" + g.path("vm").asText() + "' is not a VMID (100 to 999999999)");
                vm = g.path("vm").asInt(-1);
            }
            String romfile = g.path("romfile").asText("");
            v.check(romfile.isEmpty() || !romfile.contains("/") && !romfile.contains(","), at + ".romfile", "must be a file name under /usr/share/kvm");
            if (address != null) {
                roles.add(new GpuRole(role, address, ids, driver, mapping, vm, romfile));
            }
        }
        v.throwIfAny();
        return new GpuSite(host, roles);
    }

    /** The role named {@code name}. */
    public Optional<GpuRole> role(String name) {
        return gpus.stream().filter(g -> g.role().equals(name)).findFirst();
    }

    /**
     * Checks every role against the host's devices: the address exists and is a GPU, the ids match,
     * the host driver is one the kernel has loaded. Every problem at once, by field.
     */
    public void checkAgainst(PciTopology topology) {
        check(topology, r -> true);
    }

    /** {@link #checkAgainst(PciTopology)} for the role named {@code role} alone; its fields keep their place in the file. */
    public void checkAgainst(PciTopology topology, String role) {
        Violations.of("GPU site configuration for " + host).check(role(role).isPresent(), "role", "no role '" + role + "' in the site ("
                + String.join(", ", gpus.stream().map(GpuRole::role).toList()) + ")").throwIfAny();
        check(topology, r -> r.role().equals(role));
    }

    private void check(PciTopology topology, java.util.function.Predicate<GpuRole> which) {
        Violations v = Violations.of("GPU site configuration for " + host);
        for (int i = 0; i < gpus.size(); i++) {
            GpuRole r = gpus.get(i);
            if (!which.test(r)) {
                continue;
            }
            String at = "gpus[" + i + "]";
            Optional<PciDevice> d = topology.device(r.address());
            if (d.isEmpty()) {
                v.add(at + ".address", "no PCI function " + r.address() + " on " + host);
                continue;
            }
            if (!d.get().pciClass().isGpu()) {
                v.add(at + ".address", r.address() + " is a " + d.get().pciClass().kind() + " [" + d.get().ids() + "], not a GPU");
                continue;
            }
            v.check(r.ids().isEmpty() || r.ids().equals(d.get().ids()), at + ".ids", "expected " + r.ids() + " at " + r.address() + ", found "
                    + d.get().ids() + " (was the card moved or replaced?)");
            v.check(r.hostDriver().isEmpty() || topology.drivers().contains(r.hostDriver()), at + ".hostDriver", r.hostDriver()
                    + " is not loaded on " + host);
        }
        v.throwIfAny();
    }
}
