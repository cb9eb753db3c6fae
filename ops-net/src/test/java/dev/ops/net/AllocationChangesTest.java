package dev.ops.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.store.StateStore;
import dev.ops.net.ipam.AddressExhaustedException;
import dev.ops.net.ipam.AddressTakenException;
import dev.ops.net.ipam.Allocation;
import dev.ops.net.ipam.IpAllocator;
import dev.ops.net.ipam.IpamConfig;
import dev.ops.net.ipam.NodeSubnet;
import dev.ops.net.ipam.Pool;
import dev.ops.net.mac.MacAllocator;
import dev.ops.net.naming.NameAllocator;
import dev.ops.net.naming.NamingConvention;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Addresses, MACs and names are reserved by changes: planning reads only, the value is taken at
 * apply as a journaled step, and a rollback (or the recovery of a crashed apply, given no targets)
 * gives it back.
 */
class AllocationChangesTest {
    static final IpamConfig CONFIG = IpamConfig.of(
            NodeSubnet.of("node-02", "192.168.2.0/24", "192.168.2.1").withRange(Pool.VM, "192.168.2.100-192.168.2.102"));

    final Ops ops = Ops.inMemory();
    final IpAllocator ipam = IpAllocator.on(CONFIG, ops);

    Map<String, String> storeContents() {
        return ops.store().list("net/").stream().collect(Collectors.toMap(StateStore.Entry::key, e -> e.value().text()));
    }

    @Test
    void planningAnAllocationReadsOnlyAndNamesTheAddressFreeNow() {
        Map<String, String> before = storeContents();

        Plan plan = ipam.allocate("node-02", Pool.VM, "vm/101").plan();

        assertThat(plan.render()).contains("taken at apply").contains("192.168.2.100 is free now");
        assertThat(storeContents()).isEqualTo(before);
    }

    @Test
    void anAppliedAllocationIsHeldUntilItsRollbackFreesIt() {
        Applied<Allocation> a = ipam.allocate("node-02", Pool.VM, "vm/101").apply();

        assertThat(a.value().address()).hasToString("192.168.2.100");
        assertThat(ipam.get("node-02", IpAddress.parse("192.168.2.100"))).map(Allocation::owner).contains("vm/101");

        a.rollback();

        assertThat(ipam.list("node-02")).isEmpty();
    }

    @Test
    void anOwnerThatHoldsAnAddressGetsItBackAndItsRollbackFreesNothing() {
        Allocation first = ipam.allocate("node-02", Pool.VM, "vm/101").apply().value();

        Applied<Allocation> again = ipam.allocate("node-02", Pool.VM, "vm/101").apply();
        again.rollback();

        assertThat(again.value()).isEqualTo(first);
        assertThat(again.plan().isEmpty()).isTrue();
        assertThat(ipam.list("node-02")).containsExactly(first);
    }

    @Test
    void theUndoFreesOnlyWhatTheChangeTookEvenWhenAnotherAllocatorTookTheAddressPlannedFirst() {
        Change<Allocation> mine = ipam.allocate("node-02", Pool.VM, "vm/101");
        Plan reviewed = mine.plan();
        IpAllocator.on(CONFIG, ops).allocate("node-02", Pool.VM, "vm/999").apply();

        Applied<Allocation> a = mine.apply();
        a.rollback();

        assertThat(a.value().address()).hasToString("192.168.2.101");
        assertThat(ipam.list("node-02")).extracting(Allocation::owner).containsExactly("vm/999");
        assertThat(reviewed.render()).contains("192.168.2.100 is free now");
    }

    @Test
    void aRollbackInAFreshProcessNeedsNoTargetsBecauseTheStoreIsAlwaysKnown() {
        Applied<Allocation> a = ipam.allocate("node-02", Pool.VM, "vm/101").apply();

        ops.rollback(a.id().orElseThrow(), Targets.none()).run();

        assertThat(ipam.list("node-02")).isEmpty();
    }

    @Test
    void planningFailsWithATypedErrorForAnUnknownNodeAFullPoolOrATakenAddress() {
        assertThatThrownBy(() -> ipam.allocate("node-09", Pool.VM, "vm/1").plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("node-09");
        ipam.allocate("node-02", Pool.VM, "vm/1").apply();
        ipam.allocate("node-02", Pool.VM, "vm/2").apply();
        ipam.allocate("node-02", Pool.VM, "vm/3").apply();
        assertThatThrownBy(() -> ipam.allocate("node-02", Pool.VM, "vm/4").plan()).isInstanceOf(AddressExhaustedException.class);
        assertThatThrownBy(() -> ipam.assign("node-02", "192.168.2.100", "vm/5").plan()).isInstanceOf(AddressTakenException.class)
                .hasMessageContaining("vm/1");
        assertThatThrownBy(() -> ipam.assign("node-02", "10.0.0.5", "vm/5").plan()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("address");
        assertThatThrownBy(() -> ipam.allocate("node-02", Pool.VM, " ").plan()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("owner");
    }

    @Test
    void aReleaseIsUndoneByGivingTheAddressBackToItsOwner() {
        Allocation held = ipam.assign("node-02", "192.168.2.150", "vm/150").apply().value();

        Applied<List<IpAddress>> released = ipam.releaseOwner("node-02", "vm/150").apply();
        assertThat(released.value()).containsExactly(held.address());
        assertThat(ipam.list("node-02")).isEmpty();

        released.rollback();

        assertThat(ipam.list("node-02")).containsExactly(held);
    }

    @Test
    void aCompositeThatFailsLateGivesBackTheAddressMacAndNameItTook() {
        MacAllocator macs = MacAllocator.on(ops).withRandom(new Random(3));
        NameAllocator names = NameAllocator.on(NamingConvention.of("pve-{node}-{type}-{seq:02d}"), ops);
        Change<List<Object>> all = Changes.sequence(
                ipam.allocate("node-02", Pool.VM, "vm/101"),
                macs.random("vm/101/net0"),
                names.next("node-02", "vm"),
                ipam.assign("node-02", "192.168.2.100", "vm/other"));   // planned free, taken by the first at apply

        assertThatThrownBy(all::apply).isInstanceOf(AddressTakenException.class);

        assertThat(ipam.list("node-02")).isEmpty();
        assertThat(ops.store().list("net/mac")).isEmpty();
        assertThat(names.peek("node-02", "vm", List.of())).isEqualTo("pve-node-02-vm-01");
    }

    @Test
    void macsAreClaimedAtApplyAndReleasedByTheRollback() {
        MacAllocator macs = MacAllocator.on(ops).withRandom(new Random(7));
        Plan plan = macs.random("vm/101/net0").plan();
        assertThat(plan.render()).contains("drawn at apply");
        assertThat(ops.store().list("net/mac")).isEmpty();

        Applied<MacAddress> drawn = macs.random("vm/101/net0").apply();
        Applied<MacAddress> derived = macs.derived("node-02", "vm/102/net0").apply();
        assertThat(macs.owner(drawn.value())).contains("vm/101/net0");
        assertThat(derived.value()).isEqualTo(MacAllocator.derive("node-02", "vm/102/net0"));
        assertThatThrownBy(() -> macs.claim(derived.value(), "someone-else").plan()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("node-02/vm/102/net0");

        drawn.rollback();
        derived.rollback();

        assertThat(ops.store().list("net/mac")).isEmpty();
    }

    @Test
    void aReleasedMacIsClaimedAgainForItsOwnerByTheRollback() {
        MacAllocator macs = MacAllocator.on(ops);
        MacAddress mac = macs.claim("02:00:00:aa:bb:cc", "vm/7/net0").apply().value();

        Applied<Boolean> released = macs.release(mac).apply();
        assertThat(released.value()).isTrue();
        assertThat(macs.owner(mac)).isEmpty();

        released.rollback();

        assertThat(macs.owner(mac)).contains("vm/7/net0");
    }

    @Test
    void aNameIsTakenAtApplyAndGivenBackWhenNobodyTookALaterOne() {
        NameAllocator names = NameAllocator.on(NamingConvention.of("pve-{node}-{type}-{seq:02d}"), ops);

        assertThat(names.next("node-02", "vm").plan().render()).contains("pve-node-02-vm-01 is next now");
        Applied<String> first = names.next("node-02", "vm").apply();
        Applied<String> second = names.next("node-02", "vm").apply();
        assertThat(List.of(first.value(), second.value())).containsExactly("pve-node-02-vm-01", "pve-node-02-vm-02");

        first.rollback();                       // a later name exists: a gap is left
        assertThat(names.peek("node-02", "vm", List.of())).isEqualTo("pve-node-02-vm-03");
        second.rollback();
        assertThat(names.peek("node-02", "vm", List.of())).isEqualTo("pve-node-02-vm-02");
    }
}
