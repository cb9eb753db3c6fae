package dev.ops.gpu.pve.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.gpu.device.Gpu;
import dev.ops.gpu.device.Gpus;
import dev.ops.gpu.device.PreflightRequest;
import dev.ops.gpu.device.internal.Inspection;
import dev.ops.gpu.pci.Pci;
import dev.ops.gpu.pci.PciTopology;
import dev.ops.gpu.pve.HostPci;
import dev.ops.gpu.pve.PciMapping;
import dev.ops.gpu.site.GpuRole;
import dev.ops.gpu.site.GpuSite;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A site role's GPU given to its VM as one composite change: the slot detached from its host drivers
 * to vfio-pci on the node, the PCI mapping that names it in the cluster (this node's entry added to or
 * replaced in the mapping, other nodes' entries kept), and the VM's {@code hostpciN} naming the mapping
 * (or the raw slot when the role names no mapping). One plan, one journal record, one rollback that
 * removes the entry and the mapping and attaches the slot back to its drivers. A GPU whose IOMMU group
 * holds other endpoints (the host's only NIC, a disk controller) is refused, since Proxmox would take
 * them from the host when the VM starts.
 */
public final class RoleFlow {
    private RoleFlow() {}

    /**
     * The change for {@code role} of {@code site}; reads (never writes) the node's PCI topology and the
     * VM's configuration to build its members, refusing a role that does not match the node by field.
     */
    public static Change<List<Object>> present(Ops ops, PveClient client, GpuSite site, String role, Host node, String sysfs, String procfs) {
        PciTopology t = Pci.on(node).sysfs(sysfs).procfs(procfs).pciIds(List.of()).topology();
        site.checkAgainst(t, role);
        GpuRole r = site.role(role).orElseThrow();
        int at = site.gpus().indexOf(r);
        Violations v = Violations.of("GPU role " + role);
        v.check(r.vm().isPresent(), "gpus[" + at + "].vm", "the role names no VM to give its GPU to");
        // the host never loses its only NIC or a disk controller: Proxmox would take the whole IOMMU group at VM start
        Inspection.preflight(node, t, r.address(), PreflightRequest.builder().build()).problems().stream()
                .filter(p -> p.code().equals("group-shared")).forEach(p -> v.add("gpus[" + at + "].address", p.message()));
        v.throwIfAny();
        Gpu gpu = Inspection.gpu(t, t.device(r.address()).orElseThrow());
        Guest vm = client.node(site.host()).qemu().vm(r.vmid());
        GuestConfig config = vm.config();
        HostPci.Builder value = HostPci.builder();
        if (r.mappingId().isPresent()) {
            value.mapping(r.mapping());
        } else {
            value.host(gpu.siblings().isEmpty() ? r.address().toString() : r.address().slot());
        }
        value.pcie(config.get("machine").orElse("").contains("q35"));
        if (!r.romfile().isEmpty()) {
            value.romfile(r.romfile());
        }
        HostPci entry = value.build();
        List<Change<?>> members = new ArrayList<>();
        members.add(Gpus.on(node, ops).sysfs(sysfs).procfs(procfs).gpu(r.address().toString()).detach());
        HostPciChange hostpci = HostPciChange.present(ops, client, vm, index(config, entry), entry, node);
        if (r.mappingId().isPresent()) {
            members.add(MappingChange.present(ops, client, mapping(client, site.host(), r, gpu)));
            hostpci = hostpci.afterMapping(r.mapping());
        }
        members.add(hostpci);
        return Changes.sequence(members);
    }

    /** The role's mapping with this node's entry for {@code gpu}; the entries of other nodes stay as the cluster has them. */
    private static PciMapping mapping(PveClient client, String nodeName, GpuRole r, Gpu gpu) {
        Optional<PciMapping> now = MappingChange.read(client, r.mapping());
        List<PciMapping.Entry> entries = new ArrayList<>();
        now.ifPresent(m -> m.entries().stream().filter(e -> !e.node().equals(nodeName)).forEach(entries::add));
        entries.add(PciMapping.Entry.of(nodeName, gpu));
        String description = now.map(PciMapping::description).filter(d -> !d.isEmpty()).orElse("GPU role " + r.role());
        return new PciMapping(r.mapping(), description, entries);
    }

    /** The hostpci index that already names the same device, or the lowest free one. */
    private static int index(GuestConfig config, HostPci entry) {
        int free = -1;
        for (int i = 0; i <= 15; i++) {
            Optional<String> v = config.get("hostpci" + i);
            if (v.isEmpty()) {
                free = free < 0 ? i : free;
                continue;
            }
            try {
                HostPci h = HostPci.parse(v.get());
                if (h.mapping().equals(entry.mapping()) && h.hosts().equals(entry.hosts())) {
                    return i;
                }
            } catch (dev.ops.core.error.ValidationException e) {
                // a value Proxmox took that this parser does not: not ours, not free
            }
        }
        return free;
    }
}
