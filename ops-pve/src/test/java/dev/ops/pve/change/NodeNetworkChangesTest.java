package dev.ops.pve.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.node.NetworkInterface;
import dev.ops.pve.node.Node;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node's network is changed as Proxmox does it: interfaces are staged in interfaces.new (the node
 * network answer carries the pending diff), then applied or reverted. Staging is a change with
 * rollback; applying shows the pending diff in its plan.
 */
@Timeout(30)
class NodeNetworkChangesTest {
    private final PveFakeServer pve = Fakes.cluster().start();
    private final PveClient client = Fakes.client(pve);
    private final PveChanges changes = client.changes(Ops.inMemory());
    private final Node node = client.node("pve1");

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void aStagedBridgeShowsAsPendingUntilItIsAppliedAndItsRollbackUnstagesIt() {
        Applied<String> staged = changes.networkInterface(node, i -> i.iface("vmbr1").type("bridge")
                .putSettings("bridge_ports", "eno2").putSettings("cidr", "10.10.0.2/24").putSettings("autostart", "1")).apply();

        assertThat(node.networkConfig().pendingChanges()).hasValueSatisfying(d -> assertThat(d).contains("+iface vmbr1 bridge"));
        staged.rollback();
        assertThat(node.networkConfig().interfaces()).extracting(NetworkInterface::iface).doesNotContain("vmbr1");

        changes.networkInterface(node, i -> i.iface("vmbr1").type("bridge").putSettings("bridge_ports", "eno2")).apply();
        Plan apply = changes.applyNetwork(node).plan();
        assertThat(apply.notes()).anySatisfy(n -> assertThat(n).contains("+iface vmbr1"));
        assertThat(changes.applyNetwork(node).apply().value()).contains("vmbr1");

        assertThat(node.networkConfig().pendingChanges()).isEmpty();
        assertThat(node.networkConfig().interfaces()).extracting(NetworkInterface::iface).contains("vmbr1");
        assertThat(changes.applyNetwork(node).plan().isEmpty()).isTrue();
    }

    @Test
    void anUpdateShowsOldToNewAndARevertDropsWhatWasStaged() {
        Plan plan = changes.networkInterface(node, i -> i.iface("vmbr0").type("bridge").putSettings("gateway", "192.0.2.254")).plan();
        assertThat(plan.notes()).contains("gateway: 192.0.2.1 -> 192.0.2.254");

        changes.networkInterface(node, i -> i.iface("vmbr0").type("bridge").putSettings("gateway", "192.0.2.254")).apply();
        changes.removeNetworkInterface(node, "eno1").apply();
        assertThat(changes.revertNetwork(node).apply().value()).contains("-iface eno1");

        assertThat(node.networkConfig().pendingChanges()).isEmpty();
        assertThat(node.networkConfig().interfaces()).extracting(NetworkInterface::iface).contains("eno1", "vmbr0");
        assertThat(pve.violations()).isEmpty();
    }

    @Test
    void aBadInterfaceIsRefusedNamingTheField() {
        assertThatThrownBy(() -> changes.networkInterface(node, i -> i.iface("x").type("switch")).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("iface").hasMessageContaining("type");
    }
}
