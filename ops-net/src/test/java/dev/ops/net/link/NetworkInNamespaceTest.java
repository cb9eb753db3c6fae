package dev.ops.net.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.testing.RealComponents;
import dev.ops.net.Cidr;
import dev.ops.net.Netns;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Live changes through real iproute2, inside a network namespace each test creates and deletes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetworkInNamespaceTest {
    private Netns ns;
    private Network net;

    @BeforeEach
    void namespace() {
        ns = Netns.create();
        net = Network.on(ns.host(), Ops.inMemory());
    }

    @AfterEach
    void deleteNamespace() {
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void vethPairIsCreatedReadBackAndRolledBack() {
        Applied<Link> done = net.veth("v0").peer("v1").mtu(1400).up().present().apply();

        Link v0 = net.getLink("v0").orElseThrow();
        assertThat(v0.kind()).contains("veth");
        assertThat(v0.mtu()).isEqualTo(1400);
        assertThat(v0.isUp()).isTrue();
        assertThat(v0.parent()).contains("v1");
        assertThat(ns.linkNames()).containsExactlyInAnyOrder("v0", "v1");

        done.rollback();
        assertThat(ns.linkNames()).isEmpty();
    }

    @Test
    void planListsTheExactIpCommandsAndChangesNothing() {
        Plan plan = net.veth("v0").peer("v1").mtu(1400).up().present().plan();

        assertThat(plan.steps()).extracting(s -> s.action().render()).containsExactly(
                "sudo -n ip link add name v0 mtu 1400 type veth peer name v1",
                "sudo -n ip link set dev v0 up");
        assertThat(ns.linkNames()).isEmpty();
    }

    @Test
    void applyingTwicePlansNothingTheSecondTime() {
        net.bridge("br0").mtu(1500).up().present().apply();

        assertThat(net.bridge("br0").mtu(1500).up().present().plan().steps()).isEmpty();
    }

    @Test
    void bridgeWithPortsAndAddressIsBuiltAndFullyRolledBack() {
        net.veth("v0").peer("v1").present().apply();
        Applied<?> bridge = net.bridge("br0").ports("v0").mtu(1500).up().present().apply();
        Applied<?> address = net.address("br0", "10.77.0.1/24").present().apply();

        assertThat(net.getLink("v0").orElseThrow().master()).contains("br0");
        assertThat(net.addresses()).extracting(LinkAddress::cidr).contains(Cidr.parse("10.77.0.1/24"));

        address.rollback();
        bridge.rollback();
        assertThat(ns.linkNames()).containsExactlyInAnyOrder("v0", "v1");
        assertThat(net.getLink("v0").orElseThrow().master()).isEmpty();
        assertThat(net.addresses()).extracting(LinkAddress::cidr).doesNotContain(Cidr.parse("10.77.0.1/24"));
    }

    @Test
    void deletingABridgeIsUndoneWithItsPortsAddressesAndState() {
        net.veth("v0").peer("v1").present().apply();
        net.bridge("br0").ports("v0").up().present().apply();
        net.address("br0", "10.77.0.1/24").present().apply();

        Applied<?> deleted = net.bridge("br0").absent().apply();
        assertThat(net.getLink("br0")).isEmpty();

        deleted.rollback();
        Link br0 = net.getLink("br0").orElseThrow();
        assertThat(br0.isUp()).isTrue();
        assertThat(net.getLink("v0").orElseThrow().master()).contains("br0");
        assertThat(net.addresses()).extracting(LinkAddress::cidr).contains(Cidr.parse("10.77.0.1/24"));
    }

    @Test
    void aDeletionCanBeRolledBackByIdFromTheJournalAlone() {
        Ops ops = Ops.inMemory();
        Network first = Network.on(ns.host(), ops);
        first.veth("v0").peer("v1").present().apply();
        first.bridge("br0").ports("v0").up().present().apply();
        String id = first.bridge("br0").absent().apply().id().orElseThrow();

        ops.rollback(id, dev.ops.core.change.Targets.of(ns.host())).run();

        assertThat(net.getLink("br0")).hasValueSatisfying(l -> assertThat(l.isUp()).isTrue());
        assertThat(net.getLink("v0").orElseThrow().master()).contains("br0");
    }

    @Test
    void mtuChangeIsRolledBackToTheOldValue() {
        net.veth("v0").peer("v1").present().apply();
        Applied<?> mtu = net.link("v0").mtu(9000).present().apply();
        assertThat(net.getLink("v0").orElseThrow().mtu()).isEqualTo(9000);

        mtu.rollback();
        assertThat(net.getLink("v0").orElseThrow().mtu()).isEqualTo(1500);
    }

    @Test
    void routeIsAddedAndRemovedAgainOnRollback() {
        net.veth("v0").peer("v1").up().present().apply();
        net.address("v0", "10.77.0.1/24").present().apply();

        Applied<List<Route>> route = net.route("10.88.0.0/16").via("10.77.0.2").present().apply();
        assertThat(route.value()).singleElement().satisfies(r -> assertThat(r.device()).contains("v0"));

        route.rollback();
        assertThat(net.routes()).noneMatch(r -> r.destination().equals("10.88.0.0/16"));
    }

    @Test
    void takingDownTheDefaultRouteLinkIsRefusedUnlessConfirmed() {
        net.veth("v0").peer("v1").up().present().apply();
        net.address("v0", "10.77.0.1/24").present().apply();
        net.route("default").via("10.77.0.2").present().apply();

        assertThatThrownBy(() -> net.link("v0").down().present().plan())
                .isInstanceOf(HostLockoutException.class)
                .hasMessageContaining("default route");
        assertThat(net.getLink("v0").orElseThrow().isUp()).isTrue();

        net.link("v0").down().confirmDisruption().present().apply();
        assertThat(net.getLink("v0").orElseThrow().isUp()).isFalse();
    }

    @Test
    void deletingTheBridgeAboveTheDefaultRouteIsRefused() {
        net.veth("v0").peer("v1").up().present().apply();
        net.bridge("br0").ports("v0").up().present().apply();
        net.address("br0", "10.77.0.1/24").present().apply();
        net.route("default").via("10.77.0.2").present().apply();

        assertThatThrownBy(() -> net.bridge("br0").absent().apply()).isInstanceOf(HostLockoutException.class);
        assertThatThrownBy(() -> net.link("v0").noMaster().present().apply())
                .isInstanceOf(HostLockoutException.class)
                .hasMessageContaining("below br0");
        assertThatThrownBy(() -> net.route("default").absent().plan()).isInstanceOf(HostLockoutException.class);
    }

    @Test
    void takingDownTheSshSessionLinkIsRefused() {
        net.veth("v0").peer("v1").up().present().apply();
        net.address("v0", "10.77.0.1/24").present().apply();
        ns.env("SSH_CONNECTION", "10.77.0.9 50000 10.77.0.1 22");

        assertThat(net.lifelines()).containsKey("v0");
        assertThatThrownBy(() -> net.veth("v0").absent().plan())
                .isInstanceOf(HostLockoutException.class)
                .hasMessageContaining("SSH session from 10.77.0.9");
    }

    @Test
    void badValuesAreAllListedBeforeTheHostIsRead() {
        assertThatThrownBy(() -> net.vlan("nope0", 5000).mtu(20).present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("vlanId", "mtu");
                    assertThat(e.getMessage()).contains("outside 1-4094").contains("outside 68-65535");
                });
        assertThatThrownBy(() -> net.bridge("br0").ports("ghost0").master("bad name").present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("master"));
        assertThat(ns.linkNames()).isEmpty();
    }

    @Test
    void aVlanOnAParentThatDoesNotExistFailsAtPlanAsNotFound() {
        assertThatThrownBy(() -> net.vlan("nope0", 5).present().plan())
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("link nope0"));
        assertThat(ns.linkNames()).isEmpty();
    }

    @Test
    void aBondWhoseSlavesDoNotExistFailsAtPlanNamingEveryMissingOne() {
        net.veth("v0").peer("v1").present().apply();

        assertThatThrownBy(() -> net.bond("bond0").slaves("v0", "ghost0", "ghost1").master("nobr").present().plan())
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("link ghost0, ghost1, nobr"));
        assertThat(ns.linkNames()).containsExactlyInAnyOrder("v0", "v1");
    }

    @Test
    void aRouteOrAnAddressOnALinkThatDoesNotExistFailsAtPlanAsNotFound() {
        assertThatThrownBy(() -> net.route("10.88.0.0/16").dev("ghost0").present().plan())
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("link ghost0"));
        assertThatThrownBy(() -> net.address("ghost0", "10.77.0.1/24").present().plan())
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("link ghost0"));
        assertThat(net.address("ghost0", "10.77.0.1/24").absent().plan().isEmpty()).as("an address of a missing link is absent").isTrue();
    }

    @Test
    void plansForVlansBondsAndVlanAwareBridgesNameTheExactCommands() {
        net.veth("v0").peer("v1").up().present().apply();
        net.veth("w0").peer("w1").present().apply();

        assertThat(net.vlan("v0", 10).mtu(1400).up().present().plan().steps()).extracting(st -> st.action().render()).containsExactly(
                "sudo -n ip link add link v0 name v0.10 mtu 1400 type vlan id 10",
                "sudo -n ip link set dev v0.10 up");
        assertThat(net.bridge("vmbr1").vlanAware(true).ports("w0").present().plan().steps()).extracting(st -> st.action().render())
                .containsExactly("sudo -n ip link add name vmbr1 type bridge vlan_filtering 1", "sudo -n ip link set dev w0 master vmbr1");
        assertThat(net.bond("bond0").mode(BondMode.LACP).miimon(100).slaves("v0", "w0").up().present().plan().steps())
                .extracting(st -> st.action().render() + " <- " + st.undo().orElseThrow().render()).containsExactly(
                        "sudo -n ip link add name bond0 type bond mode 802.3ad miimon 100 <- sudo -n ip link del dev bond0",
                        "sudo -n ip link set dev v0 down <- sudo -n ip link set dev v0 up",
                        "sudo -n ip link set dev v0 master bond0 <- sudo -n ip link set dev v0 nomaster",
                        "sudo -n ip link set dev w0 master bond0 <- sudo -n ip link set dev w0 nomaster",
                        "sudo -n ip link set dev bond0 up <- sudo -n ip link set dev bond0 down");
        assertThat(ns.linkNames()).containsExactlyInAnyOrder("v0", "v1", "w0", "w1");
    }

    @Test
    void vlanOnAVethIsCreatedAndRolledBack() {
        RealComponents.kernelFeature(ns.supports("vlan", "id", "1"), "kernel 802.1Q VLAN support (8021q)");
        net.veth("v0").peer("v1").present().apply();

        Applied<?> vlan = net.vlan("v0", 10).up().present().apply();
        Link v = net.getLink("v0.10").orElseThrow();
        assertThat(v.vlanId()).hasValue(10);
        assertThat(v.parent()).contains("v0");

        vlan.rollback();
        assertThat(net.getLink("v0.10")).isEmpty();
    }

    @Test
    void vlanAwareBridgeIsCreatedAndRolledBack() {
        RealComponents.kernelFeature(ns.supports("bridge", "vlan_filtering", "1"), "kernel bridge VLAN filtering");
        Applied<?> br = net.bridge("br0").vlanAware(true).present().apply();
        assertThat(net.getLink("br0").orElseThrow().vlanAware()).contains(true);

        br.rollback();
        assertThat(net.getLink("br0")).isEmpty();
    }

    @Test
    void bondsOfEachModeAreCreatedWithSlavesAndRolledBack() {
        RealComponents.kernelFeature(ns.supports("bond"), "kernel bonding support");
        for (BondMode mode : BondMode.values()) {
            net.veth("a" + mode.ordinal()).peer("pa" + mode.ordinal()).up().present().apply();
            net.veth("b" + mode.ordinal()).peer("pb" + mode.ordinal()).present().apply();
            String bond = "bond" + mode.ordinal();

            Applied<?> b = net.bond(bond).mode(mode).miimon(100).slaves("a" + mode.ordinal(), "b" + mode.ordinal()).up().present().apply();
            Link read = net.getLink(bond).orElseThrow();
            assertThat(read.bondMode()).contains(mode.kernelName());
            assertThat(read.miimon()).hasValue(100);
            assertThat(net.getLink("a" + mode.ordinal()).orElseThrow().master()).contains(bond);

            b.rollback();
            assertThat(net.getLink(bond)).isEmpty();
            assertThat(net.getLink("a" + mode.ordinal()).orElseThrow().isUp()).isTrue();
        }
    }
}
