package dev.ops.gpu.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** hostpci values follow pve-qm-hostpci: built, rendered as Proxmox writes them, parsed back, every broken rule named. */
class HostPciTest {

    @Test
    void aMappedDeviceRendersMappingFirstThenOptionsByName() {
        HostPci h = HostPci.of(b -> b.mapping("gpu0").xVga(true).pcie(true));
        assertThat(h.render()).isEqualTo("mapping=gpu0,pcie=1,x-vga=1");
        assertThat(h.raw()).isFalse();
    }

    @Test
    void rawHostsRenderAsTheDefaultKeyJoinedBySemicolons() {
        HostPci h = HostPci.of(b -> b.host("0000:01:00", "0000:02:00.0").rombar(false).romfile("gtx1060.rom").vendorId(0x10de));
        assertThat(h.render()).isEqualTo("0000:01:00;0000:02:00.0,rombar=0,romfile=gtx1060.rom,vendor-id=0x10de");
    }

    @Test
    void proxmoxsOwnTextParsesToTheSameValue() {
        assertThat(HostPci.parse("0000:01:00,pcie=1,x-vga=1")).isEqualTo(HostPci.of(b -> b.host("0000:01:00").pcie(true).xVga(true)));
        assertThat(HostPci.parse("host=01:00.0,mdev=nvidia-63").hosts()).containsExactly("01:00.0");
        assertThat(HostPci.parse("mapping=gpu0,driver=keep").option("driver")).contains("keep");
    }

    @Test
    void everyBrokenRuleIsReportedByField() {
        assertThatThrownBy(() -> HostPci.parse("host=01:00.8;0000:01:00.0,mapping=gpu0,pcie=2,vendor-id=10de,driver=nvidia,foo=1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .contains("foo"));
        assertThatThrownBy(() -> HostPci.of(b -> b.host("01:00.8").mapping("gpu0").pcie(true).driver("nvidia").romfile("../etc/x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .contains("host", "mapping", "driver", "romfile"));
    }

    @Test
    void neitherHostNorMappingIsRefused() {
        assertThatThrownBy(() -> HostPci.of(b -> b.pcie(true))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("host")).isNotEmpty());
    }

    @Test
    void aMediatedDeviceNeedsExactlyOneHost() {
        assertThatThrownBy(() -> HostPci.of(b -> b.host("0000:01:00.0", "0000:02:00.0").mdev("nvidia-63")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("mdev")).isNotEmpty());
    }

    @Test
    void legacyIgdIsOnlyForTheIntegratedGpu() {
        assertThat(HostPci.of(b -> b.host("0000:00:02.0").legacyIgd(true)).render()).isEqualTo("0000:00:02.0,legacy-igd=1");
        assertThatThrownBy(() -> HostPci.of(b -> b.host("0000:01:00.0").legacyIgd(true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("legacy-igd")).isNotEmpty());
    }

    @Property
    void renderingThenParsingGivesTheSameValue(@ForAll("values") HostPci value) {
        assertThat(HostPci.parse(value.render())).isEqualTo(value);
        assertThat(HostPci.parse(value.render()).render()).isEqualTo(value.render());
    }

    @Provide
    Arbitrary<HostPci> values() {
        Arbitrary<String> address = Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(-1, 7)).as((bus, dev, fn) -> String.format("0000:%02x:%02x", bus, dev) + (fn < 0 ? "" : "." + fn));
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(Arbitraries.oneOf(address.map(a -> "h" + a), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> "m" + s)),
                flag, flag, Arbitraries.integers().between(-1, 0xffff), Arbitraries.of("", "vfio", "keep"))
                .as((target, pcie, xvga, id, driver) -> HostPci.of(b -> {
                    if (target.startsWith("h")) {
                        b.host(target.substring(1));
                    } else {
                        b.mapping(target.substring(1));
                    }
                    b.pcie(pcie).xVga(xvga);
                    if (id >= 0) {
                        b.deviceId(id);
                    }
                    if (!driver.isEmpty()) {
                        b.driver(driver);
                    }
                }));
    }
}
