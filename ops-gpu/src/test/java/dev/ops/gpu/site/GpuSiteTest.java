package dev.ops.gpu.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.gpu.pci.Pci;
import dev.ops.gpu.pci.PciTopology;
import dev.ops.testkit.sysfs.FakeSysfs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A site names GPUs by role; the loader reports every problem by field and the roles are checked against the host. */
class GpuSiteTest {
    private static final String SITE = """
            host: box
            gpus:
              - role: compute-a
                address: "0000:01:00.0"
                ids: "10de:2b85"
                hostDriver: nvidia
                mapping: gpu-a
                vm: 101
              - role: compute-b
                address: "0000:02:00.0"
                ids: "10de:2b85"
            """;

    private static PciTopology dual() {
        try (FakeSysfs fake = FakeSysfs.layout("dual-identical-rtx5090")) {
            return Pci.on(fake.host()).sysfs(fake.sysfs()).procfs(fake.procfs()).pciIds(List.of()).topology();
        }
    }

    @Test
    void rolesAreLoadedWithTheirSettings() {
        GpuSite site = GpuSite.fromYaml(SITE);
        GpuRole a = site.role("compute-a").orElseThrow();
        assertThat(a.address().toString()).isEqualTo("0000:01:00.0");
        assertThat(a.vm()).hasValue(101);
        assertThat(a.mappingId()).contains("gpu-a");
        assertThat(site.role("compute-b").orElseThrow().vm()).isEmpty();
    }

    @Test
    void aSiteMatchingTheHostPassesTheCheck() {
        GpuSite.fromYaml(SITE).checkAgainst(dual());
    }

    @Test
    void everyProblemInTheFileIsReportedByField() {
        String bad = """
                host: box
                gpus:
                  - role: a
                    address: "01:00"
                    ids: "nvidia"
                    colour: green
                  - role: a
                    address: "0000:01:00.8"
                    vm: 7
                """;
        assertThatThrownBy(() -> GpuSite.fromYaml(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field)
                        .contains("gpus[0].address", "gpus[0].ids", "gpus[0].colour", "gpus[1].role", "gpus[1].address", "gpus[1].vm"));
    }

    @Test
    void rolesThatDoNotMatchTheHostsDevicesAreReportedByField() {
        String moved = SITE.replace("\"0000:02:00.0\"", "\"0000:04:00.0\"").replace("hostDriver: nvidia", "hostDriver: amdgpu-pro")
                .replaceFirst("10de:2b85", "10de:2204");
        assertThatThrownBy(() -> GpuSite.fromYaml(moved).checkAgainst(dual())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("gpus[0].ids", "gpus[0].hostDriver",
                        "gpus[1].address"));
    }

    @Test
    void textThatIsNotYamlIsRefused() {
        assertThatThrownBy(() -> GpuSite.fromYaml("gpus: [unclosed")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("yaml")).isNotEmpty());
    }
}
