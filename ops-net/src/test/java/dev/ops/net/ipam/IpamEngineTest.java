package dev.ops.net.ipam;

import dev.ops.net.ipam.internal.IpamEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.store.InMemoryStateStore;
import dev.ops.net.IpAddress;
import dev.ops.net.IpFamily;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class IpamEngineTest {
    final IpamEngine ipam = IpamEngine.create(InMemoryStateStore.create(), IpamConfig.fromYaml(IpamConfigTest.YAML));

    @Test
    void addressesAreHandedOutInSequenceFromThePoolsRange() {
        assertThat(ipam.allocate("node-02", Pool.VM, "vm/101").address()).isEqualTo(IpAddress.parse("192.168.2.100"));
        assertThat(ipam.allocate("node-02", Pool.VM, "vm/102").address()).isEqualTo(IpAddress.parse("192.168.2.101"));
        Allocation ct = ipam.allocate("node-02", Pool.CONTAINER, "ct/200");
        assertThat(ct.address()).isEqualTo(IpAddress.parse("192.168.2.200"));
        assertThat(ct.cidr()).hasToString("192.168.2.200/24");
        assertThat(ct.gateway()).contains(IpAddress.parse("192.168.2.1"));
    }

    @Test
    void anOwnerAskingAgainGetsItsAddressBack() {
        Allocation first = ipam.allocate("node-02", Pool.VM, "vm/101");
        assertThat(ipam.allocate("node-02", Pool.VM, "vm/101").address()).isEqualTo(first.address());
        assertThat(ipam.allocations("node-02")).hasSize(1);
    }

    @Test
    void aReleasedAddressIsReusedFirst() {
        ipam.allocate("node-02", Pool.VM, "vm/101");
        Allocation b = ipam.allocate("node-02", Pool.VM, "vm/102");
        ipam.allocate("node-02", Pool.VM, "vm/103");

        assertThat(ipam.release("node-02", b.address())).isTrue();
        assertThat(ipam.allocate("node-02", Pool.VM, "vm/104").address()).isEqualTo(b.address());
        assertThat(ipam.release("node-02", IpAddress.parse("192.168.2.150"))).isFalse();
    }

    @Test
    void explicitAssignmentIsSkippedBySequentialAllocation() {
        ipam.assign("node-02", "192.168.2.100", "vm/legacy");

        assertThat(ipam.allocate("node-02", Pool.VM, "vm/101").address()).isEqualTo(IpAddress.parse("192.168.2.101"));
        assertThat(ipam.find("node-02", IpAddress.parse("192.168.2.100"))).map(Allocation::owner).contains("vm/legacy");
    }

    @Test
    void assigningAnAddressSomeoneHoldsIsAConflict() {
        ipam.allocate("node-02", Pool.VM, "vm/101");

        assertThatThrownBy(() -> ipam.assign("node-02", "192.168.2.100", "vm/999"))
                .isInstanceOfSatisfying(AddressTakenException.class, e -> assertThat(e.holder()).isEqualTo("vm/101"));
        assertThatThrownBy(() -> ipam.assign("node-02", "192.168.2.1", "vm/999"))
                .isInstanceOfSatisfying(AddressTakenException.class, e -> assertThat(e.holder()).contains("gateway"));
        assertThat(ipam.assign("node-02", "192.168.2.100", "vm/101").owner()).isEqualTo("vm/101");
    }

    @Test
    void assigningOutsideTheNodesSubnetsOrOnItsEdgesIsInvalid() {
        assertThatThrownBy(() -> ipam.assign("node-02", "10.9.9.9", "vm/1")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("in no subnet of node-02");
        assertThatThrownBy(() -> ipam.assign("node-02", "192.168.2.255", "vm/1")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("broadcast");
        assertThatThrownBy(() -> ipam.assign("node-02", "not-an-ip", "")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).hasSize(2));
    }

    @Test
    void anExhaustedRangeIsATypedError() {
        ipam.allocate("node-03", Pool.VM, "vm/1");
        ipam.allocate("node-03", Pool.VM, "vm/2");

        assertThatThrownBy(() -> ipam.allocate("node-03", Pool.VM, "vm/3"))
                .isInstanceOfSatisfying(AddressExhaustedException.class, e -> {
                    assertThat(e.pool()).isEqualTo(Pool.VM);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void aBatchThatDoesNotFitAllocatesNothing() {
        assertThatThrownBy(() -> ipam.allocateAll("node-03", Pool.VM, IpFamily.IPV4, List.of("a", "b", "c")))
                .isInstanceOf(AddressExhaustedException.class);
        assertThat(ipam.allocations("node-03")).isEmpty();
    }

    @Test
    void ipv6AddressesComeFromTheIpv6Subnet() {
        assertThat(ipam.allocate("node-02", Pool.VM, IpFamily.IPV6, "vm/101").address()).isEqualTo(IpAddress.parse("fd00:2::100"));
        assertThat(ipam.allocate("node-02", Pool.VM, IpFamily.IPV6, "vm/102").cidr()).hasToString("fd00:2::101/64");
    }

    @Test
    void unknownNodesAndMissingPoolsAreReported() {
        assertThatThrownBy(() -> ipam.allocate("node-99", Pool.VM, "vm/1")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ipam.allocate("node-03", Pool.CONTAINER, "ct/1")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no containers range");
    }

    @Test
    void releasingAnOwnerFreesAllItsAddresses() {
        ipam.allocate("node-02", Pool.VM, "vm/101");
        ipam.allocate("node-02", Pool.VM, IpFamily.IPV6, "vm/101");
        ipam.allocate("node-02", Pool.VM, "vm/102");

        assertThat(ipam.releaseOwner("node-02", "vm/101")).hasSize(2);
        assertThat(ipam.allocations("node-02")).extracting(Allocation::owner).containsExactly("vm/102");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void eightThreadsNeverGetTheSameAddress() throws Exception {
        IpamEngine big = IpamEngine.create(InMemoryStateStore.create(), IpamConfig.of(
                NodeSubnet.of("n1", "10.0.0.0/16", "10.0.0.1").withRange(Pool.VM, "10.0.1.0-10.0.255.254")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<IpAddress>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<IpAddress> mine = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        mine.add(big.allocate("n1", Pool.VM, "t" + thread + "/" + i).address());
                    }
                    return mine;
                }));
            }
            Set<IpAddress> all = new HashSet<>();
            for (Future<List<IpAddress>> f : futures) {
                for (IpAddress ip : f.get()) {
                    assertThat(all.add(ip)).as("duplicate %s", ip).isTrue();
                }
            }
            assertThat(all).hasSize(800);
            assertThat(big.allocations("n1")).hasSize(800);
        } finally {
            pool.shutdownNow();
        }
    }
}
