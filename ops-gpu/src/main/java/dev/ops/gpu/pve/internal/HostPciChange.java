package dev.ops.gpu.pve.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.gpu.device.Problem;
import dev.ops.gpu.device.internal.RomCheck;
import dev.ops.gpu.pve.GuestRunningException;
import dev.ops.gpu.pve.HostPci;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets or removes a VM's {@code hostpciN}. Refused while the VM runs (the device would only be
 * pending), when {@code pcie=1} meets a machine that is not q35, when raw host ids would be set by
 * anyone but root@pam with a ticket (Proxmox refuses that: use a mapping), when {@code driver} is set
 * on a server older than PVE 9, and when a named mapping does not exist.
 */
public final class HostPciChange extends PveChange<Optional<HostPci>, Void> {
    private static final String CONFIG = "/nodes/{node}/qemu/{vmid}/config";
    private final Guest guest;
    private final int index;
    /** The value to set; null to remove the key. */
    private final HostPci value;
    /** The guest's node as a host, to look a romfile up on; null when not given. */
    private final Host node;
    /** A mapping an earlier member of the same composite change creates, so not missing; empty when none. */
    private final String mappingComing;

    private HostPciChange(Ops ops, PveClient client, Guest guest, int index, HostPci value, Host node) {
        this(ops, client, guest, index, value, node, "");
    }

    private HostPciChange(Ops ops, PveClient client, Guest guest, int index, HostPci value, Host node, String mappingComing) {
        super(ops, client);
        this.guest = guest;
        this.index = index;
        this.value = value;
        this.node = node;
        this.mappingComing = mappingComing;
    }

    /** This change inside a composite whose earlier member creates the mapping {@code id}: its absence at plan time is no problem. */
    public HostPciChange afterMapping(String id) {
        return new HostPciChange(ops, client, guest, index, value, node, java.util.Objects.requireNonNull(id, "id"));
    }

    /** Sets {@code hostpci<index>} of {@code guest} to {@code value}; a romfile is not looked up. */
    public static HostPciChange present(Ops ops, PveClient client, Guest guest, int index, HostPci value) {
        return new HostPciChange(ops, client, guest, index, value, null);
    }

    /** Sets {@code hostpci<index>} of {@code guest} to {@code value}, looking its romfile up on {@code node}, the guest's node. */
    public static HostPciChange present(Ops ops, PveClient client, Guest guest, int index, HostPci value, Host node) {
        return new HostPciChange(ops, client, guest, index, value, java.util.Objects.requireNonNull(node, "node"));
    }

    /** Removes {@code hostpci<index>} of {@code guest}. */
    public static HostPciChange absent(Ops ops, PveClient client, Guest guest, int index) {
        return new HostPciChange(ops, client, guest, index, null, null);
    }

    private String key() {
        return "hostpci" + index;
    }

    @Override
    protected String what() {
        return (value == null ? "remove " + key() : "set " + key() + " = " + value) + " of " + guest;
    }

    @Override
    protected void validate(Violations v) {
        v.check(guest.type() == GuestType.QEMU, "guest", guest + " is a container; only VMs take PCI devices");
        v.check(index >= 0 && index <= 15, "index", "hostpci index must be 0 to 15, not " + index);
        if (value != null && value.raw() && (client.usesApiToken() || !client.user().equals("root@pam"))) {
            v.add("host", "only root@pam with a password login may set raw host ids (Proxmox refuses "
                    + (client.usesApiToken() ? "API tokens" : client.user()) + "); name a PCI mapping instead");
        }
    }

    @Override
    protected Planned<Void> planSteps() {
        if (guest.status().running()) {
            throw new GuestRunningException(guest.toString(), (value == null ? "removing " : "setting ") + key());
        }
        GuestConfig cur = guest.config();
        Optional<String> old = cur.get(key());
        if (value != null) {
            Violations v = Violations.of(what());
            List<Problem> problems = new ArrayList<>(check(client, guest, value, cur));
            if (node != null) {
                problems.addAll(romProblems(node, value, cur));
            }
            problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                    .filter(p -> !(p.code().equals("mapping-missing") && value.mapping().filter(mappingComing::equals).isPresent()))
                    .forEach(p -> v.add(p.field(), p.message()));
            v.throwIfAny();
            if (old.isPresent() && sameValue(old.get())) {
                return Planned.none(null);
            }
        } else if (old.isEmpty()) {
            return Planned.none(null);
        }
        Map<String, Object> forward = params();
        Map<String, Object> back = params();
        if (value != null) {
            forward.put(key(), value.render());
        } else {
            forward.put("delete", key());
        }
        if (old.isPresent()) {
            back.put(key(), old.get());
        } else {
            back.put("delete", key());
        }
        forward.put("digest", cur.digest());
        return Planned.of(List.of(Step.of((value == null ? "remove " : old.isPresent() ? "change " : "add ") + key() + " of " + guest,
                call("PUT", CONFIG, forward), call("PUT", CONFIG, back))));
    }

    /**
     * What is wrong with giving {@code guest} the device {@code value} describes: pcie=1 without q35,
     * raw host ids set by anyone but root@pam with a ticket, driver= before PVE 9, a mapping that does
     * not exist, and (a warning) the guest running. Reads only.
     */
    public static List<Problem> check(PveClient client, Guest guest, HostPci value, GuestConfig cur) {
        List<Problem> out = new ArrayList<>();
        String machine = cur.get("machine").orElse("");
        if (value.pcie() && !machine.contains("q35")) {
            out.add(new Problem(Problem.Severity.ERROR, "pcie-needs-q35", "pcie", "pcie=1 needs the q35 machine; " + guest + " has "
                    + (machine.isEmpty() ? "the default (i440fx)" : machine)));
        }
        if (value.raw() && (client.usesApiToken() || !client.user().equals("root@pam"))) {
            out.add(new Problem(Problem.Severity.ERROR, "raw-host-not-root", "host", "only root@pam with a password login may set raw host ids (Proxmox refuses "
                    + (client.usesApiToken() ? "API tokens" : client.user()) + "); name a PCI mapping instead"));
        }
        if (value.option("driver").isPresent() && client.version().major() < 9) {
            out.add(new Problem(Problem.Severity.ERROR, "driver-needs-pve9", "driver", "driver= needs PVE 9; the server runs " + client.version().major()));
        }
        value.mapping().filter(m -> MappingChange.read(client, m).isEmpty())
                .ifPresent(m -> out.add(new Problem(Problem.Severity.ERROR, "mapping-missing", "mapping", "no PCI mapping '" + m + "' in the cluster")));
        if (value.xVga() && !value.pcie() && machine.contains("q35")) {
            out.add(new Problem(Problem.Severity.WARNING, "x-vga-without-pcie", "x-vga", "a primary GPU on q35 usually needs pcie=1"));
        }
        return out;
    }

    /**
     * What is wrong with the {@code romfile} of {@code value} on {@code node}, the guest's node: missing
     * under /usr/share/kvm, no PCI expansion ROM, or no UEFI image while the guest boots with OVMF
     * ({@code bios: ovmf}). None when {@code value} names no romfile. Reads only.
     */
    public static List<Problem> romProblems(Host node, HostPci value, GuestConfig cur) {
        return value.option("romfile").map(f -> RomCheck.problems(node, RomCheck.KVM_DIRECTORY, f, cur.get("bios").filter("ovmf"::equals).isPresent(),
                "", "romfile")).orElse(List.of());
    }

    private boolean sameValue(String old) {
        try {
            return HostPci.parse(old).equals(value);
        } catch (dev.ops.core.error.ValidationException e) {
            return false;
        }
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", guest.node());
        p.put("vmid", guest.vmid());
        return p;
    }

    @Override
    protected Optional<HostPci> result(Void context) {
        return guest.config().get(key()).map(HostPci::parse);
    }
}
