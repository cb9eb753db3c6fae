package dev.ops.net.ipam;

import dev.ops.net.ipam.internal.IpamEngine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.store.InMemoryStateStore;
import dev.ops.net.IpAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IpamEnginePropertiesTest {
    static final IpamConfig SMALL = IpamConfig.of(NodeSubnet.of("n1", "10.0.0.0/24", "10.0.0.1").withRange(Pool.VM, "10.0.0.10-10.0.0.29"));

    @Provide
    Arbitrary<List<Integer>> script() {
        // 0..39: allocate for owner k; -1..-40: release owner k's address
        return Arbitraries.integers().between(-40, 39).list().ofMaxSize(80);
    }

    @Property(tries = 100)
    void liveAllocationsAreAlwaysDistinctAndInRange(@ForAll("script") List<Integer> script) {
        IpamEngine ipam = IpamEngine.create(InMemoryStateStore.create(), SMALL);
        Map<String, IpAddress> live = new HashMap<>();
        for (int step : script) {
            String owner = "vm/" + Math.abs(step < 0 ? step + 1 : step);
            if (step >= 0) {
                try {
                    IpAddress ip = ipam.allocate("n1", Pool.VM, owner).address();
                    assertThat(live.getOrDefault(owner, ip)).isEqualTo(ip);
                    live.put(owner, ip);
                } catch (AddressExhaustedException e) {
                    assertThat(live).hasSize(20);
                }
            } else if (live.containsKey(owner)) {
                assertThat(ipam.release("n1", live.remove(owner))).isTrue();
            }
            assertThat(live.values()).doesNotHaveDuplicates()
                    .allMatch(ip -> SMALL.subnets().get(0).range(Pool.VM).orElseThrow().contains(ip));
            assertThat(ipam.allocations("n1")).hasSize(live.size());
        }
    }
}
