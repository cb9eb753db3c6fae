package dev.ops.gpu.pve;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.Violations;
import dev.ops.gpu.device.Gpu;
import dev.ops.gpu.pci.PciDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A cluster-wide PCI resource mapping ({@code /cluster/mapping/pci/<id>}): a logical device name and,
 * per node, the device it stands for with the ids Proxmox checks at guest start. Guests name the
 * mapping ({@code hostpci0: mapping=<id>}) instead of raw host ids, so users other than root@pam may
 * use it and a guest can move to a node with its own entry.
 *
 * @param id the mapping's id
 * @param description what it is, for people
 * @param entries one entry per node
 */
public record PciMapping(String id, String description, List<Entry> entries) {
    private static final Pattern CONFIG_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");
    private static final Pattern PATH = Pattern.compile("(?:[a-f0-9]{4,}:[a-f0-9]{2}:[a-f0-9]{2}(?:\\.[a-f0-7])?;)*[a-f0-9]{4,}:[a-f0-9]{2}:[a-f0-9]{2}(?:\\.[a-f0-7])?");
    private static final Pattern IDS = Pattern.compile("[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}");

    public PciMapping {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        entries = List.copyOf(entries);
        Violations v = Violations.of("PCI mapping");
        v.check(CONFIG_ID.matcher(id).matches(), "id", "'" + id + "' is not a configuration id (a letter, then letters, digits, - and _)");
        v.check(!entries.isEmpty(), "map", "needs an entry for at least one node");
        v.check(description.length() <= 4096, "description", "longer than 4096 characters");
        List<String> nodes = new ArrayList<>();
        for (Entry e : entries) {
            v.check(PATH.matcher(e.path()).matches(), "map", "'" + e.path() + "' is not a device path (dddd:bb:dd[.f], ; between alternatives)");
            v.check(IDS.matcher(e.ids()).matches(), "map", "'" + e.ids() + "' is not vendor:device");
            v.check(e.subsystemIds().isEmpty() || IDS.matcher(e.subsystemIds()).matches(), "map", "'" + e.subsystemIds() + "' is not vendor:device");
            v.check(e.node().matches("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?"), "map", "'" + e.node() + "' is not a node name");
            v.check(!nodes.contains(e.node() + "/" + e.path()), "map", "node " + e.node() + " maps " + e.path() + " twice");
            nodes.add(e.node() + "/" + e.path());
        }
        v.throwIfAny();
    }

    /**
     * One node's device.
     *
     * @param node the node
     * @param path the device ({@code 0000:01:00} for every function, {@code 0000:01:00.0} for one)
     * @param ids the vendor:device ids expected there
     * @param iommuGroup the IOMMU group expected, -1 to not check
     * @param subsystemIds the subsystem vendor:device expected, empty to not check
     */
    public record Entry(String node, String path, String ids, int iommuGroup, String subsystemIds) {

        /** The entry for a GPU found on {@code node}: its whole slot, with the GPU function's ids and group. */
        public static Entry of(String node, Gpu gpu) {
            PciDevice d = gpu.device();
            String sub = d.subsystemVendor() == 0 && d.subsystemDevice() == 0 ? ""
                    : String.format(Locale.ROOT, "%04x:%04x", d.subsystemVendor(), d.subsystemDevice());
            return new Entry(node, gpu.siblings().isEmpty() ? d.address().toString() : d.address().slot(), d.ids(), d.iommuGroup(), sub);
        }

        /** The entry as the API takes it: {@code id=10de:2204,iommugroup=1,node=pve1,path=0000:01:00}. */
        public String render() {
            List<String> p = new ArrayList<>();
            p.add("id=" + ids);
            if (iommuGroup >= 0) {
                p.add("iommugroup=" + iommuGroup);
            }
            p.add("node=" + node);
            p.add("path=" + path);
            if (!subsystemIds.isEmpty()) {
                p.add("subsystem-id=" + subsystemIds);
            }
            return String.join(",", p);
        }

        /** An entry from the API's text; unknown keys are ignored. */
        public static Entry parse(String text) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    m.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            int group;
            try {
                group = AsciiNumbers.parseInt(m.getOrDefault("iommugroup", "-1"));
            } catch (NumberFormatException e) {
                group = -1;
            }
            return new Entry(m.getOrDefault("node", ""), m.getOrDefault("path", ""), m.getOrDefault("id", ""), group,
                    m.getOrDefault("subsystem-id", ""));
        }
    }
}
