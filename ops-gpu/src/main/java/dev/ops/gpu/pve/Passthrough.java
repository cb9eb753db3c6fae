package dev.ops.gpu.pve;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.gpu.site.GpuSite;
import dev.ops.gpu.pve.internal.HostPciChange;
import dev.ops.gpu.pve.internal.MappingChange;
import dev.ops.proxmox.JsonValue;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Proxmox side of PCI passthrough: PCI resource mappings (the default way to name a device,
 * usable by users other than root@pam) and a VM's {@code hostpciN} entries, each a {@link Change}
 * with rollback; the mediated device types a node offers are read.
 *
 * <pre>{@code
 * Passthrough pt = Passthrough.on(client, ops);
 * pt.mapping(new PciMapping("gpu0", "RTX 3090", List.of(PciMapping.Entry.of("pve1", gpu)))).present().apply();
 * pt.vm(client.node("pve1").qemu().vm(101)).hostpci(0, h -> h.mapping("gpu0").pcie(true).xVga(true)).present().apply();
 * pt.site(GpuSite.fromYaml(yaml), pve1).role("compute-a").present().apply();   // detach + mapping + hostpci, one rollback
 * }</pre>
 */
public final class Passthrough {
    private final PveClient client;
    private final Ops ops;

    private Passthrough(PveClient client, Ops ops) {
        this.client = Objects.requireNonNull(client, "client");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** Passthrough on the cluster of {@code client}, changed through {@code ops}. */
    public static Passthrough on(PveClient client, Ops ops) {
        return new Passthrough(client, ops);
    }

    /** The PCI mapping {@code id}, if the cluster has it. */
    public Optional<PciMapping> getMapping(String id) {
        return MappingChange.read(client, id);
    }

    /** The mapping to make {@link MappingSetting#present() present}. */
    public MappingSetting mapping(PciMapping mapping) {
        return new MappingSetting(Objects.requireNonNull(mapping, "mapping").id(), mapping);
    }

    /** The mapping {@code id}, to make {@link MappingSetting#absent() absent}. */
    public MappingSetting mapping(String id) {
        return new MappingSetting(Objects.requireNonNull(id, "id"), null);
    }

    /** The PCI devices of a VM; a {@code romfile} is not looked up on the node (use {@link #vm(Guest, Host)} for that). */
    public VmDevices vm(Guest vm) {
        return new VmDevices(Objects.requireNonNull(vm, "vm"), null);
    }

    /**
     * The PCI devices of a VM whose node is {@code node} (a host reached over SSH): a {@code romfile}
     * set on an entry is looked up there under {@code /usr/share/kvm} and read as a PCI expansion ROM,
     * by the preflight and before a change sets it.
     */
    public VmDevices vm(Guest vm, Host node) {
        return new VmDevices(Objects.requireNonNull(vm, "vm"), Objects.requireNonNull(node, "node"));
    }

    /**
     * The GPUs {@code site} names by role, on {@code node}: the host of the site's Proxmox node
     * ({@link GpuSite#host()}), where their slots are detached.
     */
    public SiteGpus site(GpuSite site, Host node) {
        return new SiteGpus(Objects.requireNonNull(site, "site"), Objects.requireNonNull(node, "node"), "/sys", "/proc");
    }

    /** The mediated device types (vGPU, GVT-g) {@code node} offers for the device at {@code address} (an address or a mapping id). */
    public List<MediatedType> mediatedTypes(String node, String address) {
        JsonValue v = client.api().get("/nodes/{node}/hardware/pci/{pci-id-or-mapping}/mdev", Map.of("node", node, "pci-id-or-mapping", address));
        return v.elements().stream().map(e -> new MediatedType(e.path("type").asText(""), e.path("name").asText(""),
                e.path("description").asText(""), e.path("available").asInt())).toList();
    }

    /** The GPU roles of a site on its node; immutable. */
    public final class SiteGpus {
        private final GpuSite site;
        private final Host node;
        private final String sysfs;
        private final String procfs;

        private SiteGpus(GpuSite site, Host node, String sysfs, String procfs) {
            this.site = site;
            this.node = node;
            this.sysfs = sysfs;
            this.procfs = procfs;
        }

        /** Reads and writes the node's sysfs under {@code path} (a fake tree in tests). */
        public SiteGpus sysfs(String path) {
            return new SiteGpus(site, node, Objects.requireNonNull(path, "path"), procfs);
        }

        /** Reads the node's procfs under {@code path}. */
        public SiteGpus procfs(String path) {
            return new SiteGpus(site, node, sysfs, Objects.requireNonNull(path, "path"));
        }

        /** The role named {@code name}; refused at {@link Role#present()} when the site has none. */
        public Role role(String name) {
            return new Role(Objects.requireNonNull(name, "name"));
        }

        /** One role of the site: its GPU, the mapping that names it, and the VM it goes to. */
        public final class Role {
            private final String name;

            private Role(String name) {
                this.name = name;
            }

            /**
             * The change that gives the role's GPU to its VM, as one: the slot detached to vfio-pci on the
             * node, the role's PCI mapping made or updated with this node's entry, and the VM's
             * {@code hostpciN} naming it (with the role's romfile, looked up on the node); one plan, one
             * journal record, and one rollback that removes the entry and the mapping and attaches the
             * slot back to its drivers. Reads the node's PCI topology and the VM's configuration now, and
             * refuses a role that does not match the node, naming the field ({@code gpus[0].ids}). Yields
             * each member's result, in that order.
             */
            public Change<List<Object>> present() {
                return dev.ops.gpu.pve.internal.RoleFlow.present(ops, client, site, name, node, sysfs, procfs);
            }
        }
    }

    /** One PCI mapping, to make present or absent. */
    public final class MappingSetting {
        private final String id;
        private final PciMapping mapping;

        private MappingSetting(String id, PciMapping mapping) {
            this.id = id;
            this.mapping = mapping;
        }

        /** The change that creates the mapping or rewrites it to this value; yields the mapping after apply. */
        public Change<Optional<PciMapping>> present() {
            if (mapping == null) {
                throw new IllegalStateException("present() needs the mapping's value: use mapping(PciMapping)");
            }
            return MappingChange.present(ops, client, mapping);
        }

        /** The change that removes the mapping; its rollback creates it again as it was. */
        public Change<Optional<PciMapping>> absent() {
            return MappingChange.absent(ops, client, id);
        }
    }

    /** The {@code hostpciN} entries of one VM. */
    public final class VmDevices {
        private final Guest vm;
        private final Host node;

        private VmDevices(Guest vm, Host node) {
            this.vm = vm;
            this.node = node;
        }

        /**
         * Every problem with giving the VM the device {@code value} describes, the Proxmox side of a
         * preflight: pcie=1 without q35, raw host ids through an API token or a user other than
         * root@pam, driver= before PVE 9, a mapping that does not exist, the VM running, and with the
         * node's host a romfile missing there, no ROM, or without a UEFI image for an OVMF guest
         * ({@code rom-missing}, {@code rom-invalid}, {@code rom-no-uefi}). Reads only.
         */
        public List<dev.ops.gpu.device.Problem> preflight(HostPci value) {
            dev.ops.pve.guest.GuestConfig config = vm.config();
            List<dev.ops.gpu.device.Problem> out = new java.util.ArrayList<>(HostPciChange.check(client, vm, value, config));
            if (node != null) {
                out.addAll(HostPciChange.romProblems(node, value, config));
            } else if (value.option("romfile").isPresent()) {
                out.add(new dev.ops.gpu.device.Problem(dev.ops.gpu.device.Problem.Severity.INFO, "rom-not-checked", "romfile",
                        "the romfile is not looked up: name the node's host with vm(vm, node)"));
            }
            if (vm.status().running()) {
                out.add(new dev.ops.gpu.device.Problem(dev.ops.gpu.device.Problem.Severity.WARNING, "guest-running", "vm",
                        vm + " is running; stop it before changing its PCI devices"));
            }
            return out;
        }

        /** {@code hostpci<index>} as the VM has it now, parsed. */
        public Optional<HostPci> get(int index) {
            return vm.config().get("hostpci" + index).map(HostPci::parse);
        }

        /** The change that tunes the VM (NUMA, hugepages, affinity) as {@code edit} says; the VM must be stopped. */
        public Change<dev.ops.pve.guest.GuestConfig> tune(Consumer<GuestTuning.Builder> edit) {
            GuestTuning.Builder b = GuestTuning.builder();
            edit.accept(b);
            return tune(b.build());
        }

        /** The change that applies {@code tuning} to the VM; the VM must be stopped. */
        public Change<dev.ops.pve.guest.GuestConfig> tune(GuestTuning tuning) {
            return new dev.ops.gpu.pve.internal.TuningChange(ops, client, vm, Objects.requireNonNull(tuning, "tuning"));
        }

        /** One entry, with the value {@code edit} builds. */
        public Entry hostpci(int index, Consumer<HostPci.Builder> edit) {
            return new Entry(index, HostPci.of(edit));
        }

        /** One entry, with {@code value}. */
        public Entry hostpci(int index, HostPci value) {
            return new Entry(index, Objects.requireNonNull(value, "value"));
        }

        /** One entry, to remove. */
        public Entry hostpci(int index) {
            return new Entry(index, null);
        }

        /** One {@code hostpciN} entry. */
        public final class Entry {
            private final int index;
            private final HostPci value;

            private Entry(int index, HostPci value) {
                this.index = index;
                this.value = value;
            }

            /** The change that sets the entry (the VM must be stopped); yields the entry after apply. */
            public Change<Optional<HostPci>> present() {
                if (value == null) {
                    throw new IllegalStateException("present() needs a value: use hostpci(index, value)");
                }
                return node == null ? HostPciChange.present(ops, client, vm, index, value)
                        : HostPciChange.present(ops, client, vm, index, value, node);
            }

            /** The change that removes the entry; its rollback sets it again. */
            public Change<Optional<HostPci>> absent() {
                return HostPciChange.absent(ops, client, vm, index);
            }
        }
    }
}
