package dev.ops.net.ipam;

import dev.ops.net.ipam.internal.IpamEngine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.store.InMemoryStateStore;
import dev.ops.core.store.StateStore;
import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Allocation documents written in the stored shape of the record era still read, and new writes keep that shape. */
class AllocationStoredShapeTest {
    static final IpamConfig CONFIG = IpamConfig.fromYaml(IpamConfigTest.YAML);
    static final NodeSubnet NODE_02 = CONFIG.subnetsOf("node-02").get(0);
    static final NodeSubnet NODE_03 = CONFIG.subnetsOf("node-03").get(0);

    /** As the allocator wrote it before: the pool present, left out (explicit assignment), or null; fields in any order. */
    static final String TODAY = """
            {"subnet":"192.168.2.0/24","allocations":{\
            "192.168.2.50":{"owner":"vm/legacy","at":"2024-01-02T03:04:05Z"},\
            "192.168.2.60":{"owner":"vm/old-null","pool":null,"at":"2024-01-02T03:04:06Z"},\
            "192.168.2.100":{"owner":"vm/101","pool":"VM","at":"2024-01-02T03:04:07Z"},\
            "192.168.2.200":{"at":"2024-01-02T03:04:08Z","pool":"CONTAINER","owner":"ct/200","extra":{"x":[1]}}}}""";

    @Test
    void aDocumentInTodaysShapeReads() {
        StateStore store = InMemoryStateStore.create();
        store.put(IpamEngine.key(NODE_02), TODAY.getBytes(StandardCharsets.UTF_8));
        IpamEngine ipam = IpamEngine.create(store, CONFIG);

        assertThat(ipam.allocations("node-02")).containsExactly(
                allocation("192.168.2.50", null, "vm/legacy", "2024-01-02T03:04:05Z"),
                allocation("192.168.2.60", null, "vm/old-null", "2024-01-02T03:04:06Z"),
                allocation("192.168.2.100", Pool.VM, "vm/101", "2024-01-02T03:04:07Z"),
                allocation("192.168.2.200", Pool.CONTAINER, "ct/200", "2024-01-02T03:04:08Z"));
        Allocation legacy = ipam.find("node-02", IpAddress.parse("192.168.2.50")).orElseThrow();
        assertThat(legacy.pool()).isEmpty();
        assertThat(legacy.gateway()).contains(IpAddress.parse("192.168.2.1"));
        // the owner keeps its pooled address: no second one
        assertThat(ipam.allocate("node-02", Pool.VM, "vm/101").address()).isEqualTo(IpAddress.parse("192.168.2.100"));
    }

    @Test
    void whatIsWrittenKeepsTheShapeAndReadsBack() {
        StateStore store = InMemoryStateStore.create();
        store.put(IpamEngine.key(NODE_02), TODAY.getBytes(StandardCharsets.UTF_8));
        IpamEngine ipam = IpamEngine.create(store, CONFIG);
        Allocation pooled = ipam.allocate("node-02", Pool.VM, "vm/102");
        Allocation explicit = ipam.assign("node-02", "192.168.2.70", "vm/manual");

        String written = new String(store.get(IpamEngine.key(NODE_02)).orElseThrow().value(), StandardCharsets.UTF_8);
        assertThat(written)
                .startsWith("{\"subnet\":\"192.168.2.0/24\",\"allocations\":{")
                .contains("\"192.168.2.50\":{\"owner\":\"vm/legacy\",\"at\":\"2024-01-02T03:04:05Z\"}")
                .contains("\"192.168.2.60\":{\"owner\":\"vm/old-null\",\"pool\":null,\"at\":\"2024-01-02T03:04:06Z\"}")
                .contains("\"192.168.2.101\":{\"owner\":\"vm/102\",\"pool\":\"VM\",\"at\":\"" + pooled.at() + "\"}")
                .contains("\"192.168.2.70\":{\"owner\":\"vm/manual\",\"at\":\"" + explicit.at() + "\"}");

        IpamEngine again = IpamEngine.create(store, CONFIG);
        assertThat(again.allocations("node-02")).hasSize(6).contains(pooled, explicit);
        assertThat(again.find("node-02", IpAddress.parse("192.168.2.70")).orElseThrow().pool()).isEmpty();
    }

    @Test
    void aSubnetWithoutGatewayGivesAllocationsWithoutOne() {
        IpamEngine ipam = IpamEngine.create(InMemoryStateStore.create(), CONFIG);
        Allocation a = ipam.allocate("node-03", Pool.VM, "vm/1");
        assertThat(a.gateway()).isEmpty();
        assertThat(a).isEqualTo(Allocation.builder().node("node-03").pool(Pool.VM).address(IpAddress.parse("192.168.3.100"))
                .subnet(NODE_03.cidr()).owner("vm/1").at(a.at()).build());
        assertThat(a).hasSameHashCodeAs(Allocation.builder().node("node-03").pool(Pool.VM).address(IpAddress.parse("192.168.3.100"))
                .subnet(NODE_03.cidr()).owner("vm/1").at(a.at()).build());
        assertThat(a.toString()).contains("pool=VM").doesNotContain("gateway");
    }

    private static Allocation allocation(String ip, Pool pool, String owner, String at) {
        Allocation.Builder b = Allocation.builder().node("node-02").address(IpAddress.parse(ip)).subnet(Cidr.parse("192.168.2.0/24"))
                .gateway(IpAddress.parse("192.168.2.1")).owner(owner).at(Instant.parse(at));
        if (pool != null) {
            b.pool(pool);
        }
        return b.build();
    }
}
