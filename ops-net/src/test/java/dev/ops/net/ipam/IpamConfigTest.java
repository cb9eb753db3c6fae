package dev.ops.net.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.net.IpAddress;
import dev.ops.net.IpFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpamConfigTest {
    static final String YAML = """
            nodes:
              node-02:
                - subnet: 192.168.2.0/24
                  gateway: 192.168.2.1
                  vms: 192.168.2.100-192.168.2.199
                  containers: 192.168.2.200-192.168.2.254
                - subnet: fd00:2::/64
                  gateway: fd00:2::1
                  vms: fd00:2::100-fd00:2::1ff
              node-03:
                subnet: 192.168.3.0/24
                vms: 192.168.3.100-192.168.3.101
            """;

    @Test
    void yamlIsLoadedIntoTypedSubnets() {
        IpamConfig c = IpamConfig.fromYaml(YAML);

        assertThat(c.subnetsOf("node-02")).extracting(NodeSubnet::family).containsExactly(IpFamily.IPV4, IpFamily.IPV6);
        NodeSubnet s = c.subnetsOf("node-02").get(0);
        assertThat(s.gateway()).contains(IpAddress.parse("192.168.2.1"));
        assertThat(s.range(Pool.VM)).contains(IpRange.parse("192.168.2.100-192.168.2.199"));
        assertThat(s.range(Pool.CONTAINER).orElseThrow().size()).hasToString("55");
        assertThat(c.subnetsOf("node-03").get(0).gateway()).isEmpty();
    }

    @Test
    void jsonGivesTheSameConfig() {
        String json = """
                {"nodes": {"node-02": [{"subnet": "192.168.2.0/24", "gateway": "192.168.2.1",
                  "vms": "192.168.2.100-192.168.2.199", "containers": "192.168.2.200-192.168.2.254"}]}}
                """;
        assertThat(IpamConfig.fromJson(json).subnets()).isEqualTo(IpamConfig.fromYaml(YAML).subnetsOf("node-02").subList(0, 1));
    }

    @Test
    void aConfigBuiltInCodeEqualsTheLoadedOne() {
        IpamConfig code = IpamConfig.of(NodeSubnet.of("node-02", "192.168.2.0/24", "192.168.2.1")
                .withRange(Pool.VM, "192.168.2.100-192.168.2.199").withRange(Pool.CONTAINER, "192.168.2.200-192.168.2.254"));
        assertThat(code.subnets().get(0)).isEqualTo(IpamConfig.fromYaml(YAML).subnets().get(0));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String bad = """
                nodes:
                  node-02:
                    - subnet: 192.168.2.0/33
                    - subnet: 10.0.0.0/24
                      gateway: 10.0.1.1
                      vms: 10.0.0.100-10.0.0.199
                      containers: 10.0.0.150-10.0.1.20
                    - subnet: 10.1.0.0/24
                      vms: 10.1.0.9-10.1.0.2
                      colour: blue
                  Bad_Node:
                    - subnet: 10.2.0.0/24
                      gateway: 10.2.0.1
                      vms: 10.2.0.0-10.2.0.10
                """;

        assertThatThrownBy(() -> IpamConfig.fromYaml(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).extracting(Violation::field).contains(
                    "nodes.node-02[0].subnet", "nodes.node-02[1].gateway", "nodes.node-02[1].containers",
                    "nodes.node-02[2].vms", "nodes.node-02[2].colour", "nodes.Bad_Node[0].node", "nodes.Bad_Node[0].vms");
            assertThat(e.getMessage()).contains("overlaps").contains("outside 10.0.0.0/24").contains("ends before it starts")
                    .contains("network or broadcast");
        });
    }

    @Test
    void aGatewayInsideARangeIsRefused() {
        assertThatThrownBy(() -> IpamConfig.of(NodeSubnet.of("n1", "10.0.0.0/24", "10.0.0.100").withRange(Pool.VM, "10.0.0.100-10.0.0.110")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lies in the vms range");
    }

    @Test
    void invalidCidrAndRangeTextAreValidationErrors() {
        assertThatThrownBy(() -> NodeSubnet.of("n1", "10.0.0.0", "10.0.0.x")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("cidr", "gateway"));
        assertThatThrownBy(() -> IpRange.parse("10.0.0.1-fd00::1")).isInstanceOf(ValidationException.class).hasMessageContaining("mixes");
    }

    @Test
    void loadingAMissingFileIsNotFound(@TempDir Path dir) {
        assertThatThrownBy(() -> IpamConfig.load(dir.resolve("ipam.yaml"))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("ipam.yaml");
    }

    @Test
    void loadingAFileThatIsNotUtf8IsAValidationErrorOnTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ipam.yaml");
        Files.write(file, new byte[] {'n', 'o', 'd', 'e', 's', ':', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> IpamConfig.load(file)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("file")).singleElement().satisfies(v -> assertThat(v.message()).contains("UTF-8")));
    }

    @Test
    void loadingADirectoryIsAValidationErrorOnTheFile(@TempDir Path dir) {
        assertThatThrownBy(() -> IpamConfig.load(dir)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("file")).hasSize(1));
    }

    @Test
    void loadingMalformedYamlIsAValidationError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ipam.yaml");
        Files.writeString(file, "nodes: [unclosed\n");

        assertThatThrownBy(() -> IpamConfig.load(file)).isInstanceOf(ValidationException.class);
    }
}
