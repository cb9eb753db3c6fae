package dev.ops.gpu.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.error.ValidationException;
import dev.ops.core.secret.Secret;
import dev.ops.gpu.device.Gpu;
import dev.ops.gpu.device.Gpus;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.sysfs.FakeSysfs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mappings and hostpci entries go through the schema-enforcing fake, with rollback and every refusal typed. */
class PassthroughTest {
    private static PveFakeServer server;
    private static PveClient token;
    private static PveClient root;

    @BeforeAll
    static void start() {
        server = Fakes.cluster().vm(101, "pve1", vm -> vm.name("gpu-guest").set("machine", "q35"))
                .vm(102, "pve1", vm -> vm.name("legacy-guest")).vm(103, "pve1", vm -> vm.name("busy").set("machine", "q35").running()).start();
        token = Fakes.client(server);
        root = Fakes.clientBuilder(server).login(Fakes.TOKEN_USER, Secret.of(Fakes.PASSWORD)).build();
    }

    @AfterAll
    static void stop() {
        token.close();
        root.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private static PciMapping gpu0() {
        try (FakeSysfs fake = FakeSysfs.layout("dual-identical-rtx5090")) {
            Gpu gpu = Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).get("0000:02:00.0").orElseThrow();
            return new PciMapping("gpu0", "second RTX 5090", List.of(PciMapping.Entry.of("pve1", gpu)));
        }
    }

    private static Guest vm(PveClient c, int id) {
        return c.node("pve1").qemu().vm(id);
    }

    @Test
    void aMappingBuiltFromDiscoveryNamesTheSlotIdsAndGroup() {
        assertThat(gpu0().entries().get(0).render()).isEqualTo("id=10de:2b85,iommugroup=10,node=pve1,path=0000:02:00,subsystem-id=10de:2198");
    }

    @Test
    void aMappingIsCreatedAndRolledBack() {
        Applied<Optional<PciMapping>> done = Passthrough.on(token, Ops.inMemory()).mapping(gpu0()).present().apply();
        assertThat(done.value()).contains(gpu0());
        assertThat(Passthrough.on(token, Ops.inMemory()).mapping(gpu0()).present().plan().steps()).isEmpty();
        done.rollback();
        assertThat(Passthrough.on(token, Ops.inMemory()).getMapping("gpu0")).isEmpty();
    }

    @Test
    void aVmGetsAMappedGpuWithPcieOnQ35AndGivesItBackOnRollback() {
        Passthrough pt = Passthrough.on(token, Ops.inMemory());
        pt.mapping(gpu0()).present().apply();
        Applied<Optional<HostPci>> done = pt.vm(vm(token, 101)).hostpci(0, h -> h.mapping("gpu0").pcie(true).xVga(true)).present().apply();
        assertThat(done.value()).contains(HostPci.parse("mapping=gpu0,pcie=1,x-vga=1"));
        assertThat(server.guest(101).orElseThrow().config()).containsEntry("hostpci0", "mapping=gpu0,pcie=1,x-vga=1");
        done.rollback();
        assertThat(server.guest(101).orElseThrow().config()).doesNotContainKey("hostpci0");
    }

    @Test
    void pcieWithoutQ35IsRefusedNamingTheField() {
        Passthrough pt = Passthrough.on(token, Ops.inMemory());
        pt.mapping(gpu0()).present().apply();
        assertThatThrownBy(() -> pt.vm(vm(token, 102)).hostpci(0, h -> h.mapping("gpu0").pcie(true)).present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("pcie")).isNotEmpty());
    }

    @Test
    void rawHostIdsThroughAnApiTokenAreRefusedBeforeAnyCall() {
        int before = server.requests().size();
        assertThatThrownBy(() -> Passthrough.on(token, Ops.inMemory()).vm(vm(token, 101)).hostpci(0, h -> h.host("0000:02:00")).present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("host").get(0).message()).contains("API tokens"));
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void rootAtPamWithATicketMaySetRawHostIds() {
        Passthrough.on(root, Ops.inMemory()).vm(vm(root, 101)).hostpci(1, h -> h.host("0000:02:00").pcie(true)).present().apply();
        assertThat(server.guest(101).orElseThrow().config()).containsEntry("hostpci1", "0000:02:00,pcie=1");
    }

    @Test
    void aMissingMappingIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Passthrough.on(token, Ops.inMemory()).vm(vm(token, 101)).hostpci(0, h -> h.mapping("nope")).present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("mapping")).isNotEmpty());
    }

    @Test
    void aRunningVmIsRefused() {
        Passthrough pt = Passthrough.on(token, Ops.inMemory());
        pt.mapping(gpu0()).present().apply();
        assertThatThrownBy(() -> pt.vm(vm(token, 103)).hostpci(0, h -> h.mapping("gpu0")).present().plan())
                .isInstanceOf(GuestRunningException.class).hasMessageContaining("stop it");
    }

    @Test
    void aGpuGuestIsPinnedToTheGpusNumaNodeWithHugepagesAndRolledBack() {
        try (FakeSysfs fake = FakeSysfs.layout("server-8x-a100")) {
            Gpu gpu = Gpus.on(fake.host(), Ops.inMemory()).sysfs(fake.sysfs()).procfs(fake.procfs()).get("0000:87:00.0").orElseThrow();
            assertThat(GuestTuning.forGpu(gpu.device()).values()).containsEntry("affinity", "64-127,192-255");
            GuestTuning tuning = GuestTuning.builder().numa(true).hugepages("1024").affinity(gpu.device().localCpus()).build();
            Applied<dev.ops.pve.guest.GuestConfig> done = Passthrough.on(token, Ops.inMemory()).vm(vm(token, 101)).tune(tuning).apply();
            assertThat(server.guest(101).orElseThrow().config()).containsEntry("numa", "1").containsEntry("hugepages", "1024")
                    .containsEntry("affinity", "64-127,192-255");
            done.rollback();
            assertThat(server.guest(101).orElseThrow().config()).doesNotContainKeys("numa", "hugepages", "affinity");
        }
    }

    @Test
    void hugepagesWithoutNumaAreRefused() {
        assertThatThrownBy(() -> GuestTuning.builder().hugepages("1024").build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("hugepages")).isNotEmpty());
    }

    @Test
    void theProxmoxPreflightListsEveryProblemOfAGuestAtOnce() {
        var problems = Passthrough.on(token, Ops.inMemory()).vm(vm(token, 102))
                .preflight(HostPci.of(h -> h.host("0000:02:00").pcie(true)));
        assertThat(problems).extracting(dev.ops.gpu.device.Problem::code).containsExactlyInAnyOrder("pcie-needs-q35", "raw-host-not-root");
        assertThat(Passthrough.on(token, Ops.inMemory()).vm(vm(token, 103)).preflight(HostPci.of(h -> h.mapping("nope"))))
                .extracting(dev.ops.gpu.device.Problem::code).containsExactlyInAnyOrder("mapping-missing", "guest-running");
    }

    /** The node as a host whose /usr/share/kvm is {@code kvm}: every other path reads this machine's. */
    static dev.ops.core.host.Host node(java.nio.file.Path kvm) {
        dev.ops.core.host.LocalHost local = dev.ops.core.host.LocalHost.named("pve1");
        return new dev.ops.core.host.Host() {
            @Override
            public String name() {
                return "pve1";
            }

            @Override
            public dev.ops.core.host.CommandResult run(dev.ops.core.host.Command command) {
                return local.run(command);
            }

            @Override
            public Optional<byte[]> readFile(String path, boolean sudo) {
                return local.readFile(path.startsWith("/usr/share/kvm/") ? kvm.resolve(path.substring(15)).toString() : path, sudo);
            }
        };
    }

    @Test
    void aRomfileOnAHostpciEntryIsLookedUpOnTheNodeAndReadAsAnExpansionRom(@org.junit.jupiter.api.io.TempDir java.nio.file.Path kvm)
            throws Exception {
        server.reset();
        Passthrough pt = Passthrough.on(root, Ops.inMemory());
        pt.mapping(gpu0()).present().apply();
        dev.ops.core.host.Host node = node(kvm);
        java.nio.file.Files.write(kvm.resolve("legacy.rom"), dev.ops.gpu.device.RomImageTest.rom(0));
        java.nio.file.Files.write(kvm.resolve("both.rom"), dev.ops.gpu.device.RomImageTest.rom(0, 3));
        java.nio.file.Files.write(kvm.resolve("cut.rom"), java.util.Arrays.copyOf(dev.ops.gpu.device.RomImageTest.rom(0, 3), 600));
        Passthrough.VmDevices onNode = pt.vm(vm(root, 101), node);
        assertThat(onNode.preflight(HostPci.of(h -> h.mapping("gpu0").romfile("missing.rom")))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("rom-missing");
            assertThat(p.field()).isEqualTo("romfile");
            assertThat(p.message()).contains("/usr/share/kvm/missing.rom", "pve1");
        });
        assertThat(onNode.preflight(HostPci.of(h -> h.mapping("gpu0").romfile("cut.rom")))).extracting(dev.ops.gpu.device.Problem::code)
                .containsExactly("rom-invalid");
        // SeaBIOS boots a legacy image; OVMF needs a UEFI one
        assertThat(onNode.preflight(HostPci.of(h -> h.mapping("gpu0").romfile("legacy.rom")))).isEmpty();
        root.api().put("/nodes/{node}/qemu/{vmid}/config", java.util.Map.of("node", "pve1", "vmid", 101, "bios", "ovmf"));
        assertThat(onNode.preflight(HostPci.of(h -> h.mapping("gpu0").romfile("legacy.rom")))).extracting(dev.ops.gpu.device.Problem::code)
                .containsExactly("rom-no-uefi");
        assertThat(onNode.preflight(HostPci.of(h -> h.mapping("gpu0").romfile("both.rom")))).isEmpty();
        // the change refuses what the preflight finds, naming the field, before any write
        int before = server.requests().size();
        assertThatThrownBy(() -> onNode.hostpci(0, h -> h.mapping("gpu0").romfile("missing.rom")).present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("romfile")).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("does not exist on pve1")));
        assertThatThrownBy(() -> onNode.hostpci(0, h -> h.mapping("gpu0").romfile("legacy.rom")).present().apply())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("romfile")).isNotEmpty());
        assertThat(server.requests().subList(before, server.requests().size())).noneMatch(r -> r.method().equals("PUT"));
        onNode.hostpci(0, h -> h.mapping("gpu0").romfile("both.rom")).present().apply();
        assertThat(server.guest(101).orElseThrow().config()).containsEntry("hostpci0", "mapping=gpu0,romfile=both.rom");
        // without the node the romfile cannot be looked up, and the preflight says so
        assertThat(pt.vm(vm(root, 101)).preflight(HostPci.of(h -> h.mapping("gpu0").romfile("missing.rom"))))
                .extracting(dev.ops.gpu.device.Problem::code).containsExactly("rom-not-checked");
    }

    @Test
    void mediatedDeviceTypesAreListedAsTheNodeAnswers() {
        // the fake keeps no mediated devices, so the answer is scripted in the shape the schema gives
        server.answerNext("GET", "/nodes/{node}/hardware/pci/{pci-id-or-mapping}/mdev", dev.ops.testkit.pve.PveAnswer.data(List.of(
                java.util.Map.of("type", "i915-GVTg_V5_4", "available", 1, "description", "low_gm_size: 128MB"),
                java.util.Map.of("type", "i915-GVTg_V5_8", "available", 2, "description", "low_gm_size: 64MB"))));
        var types = Passthrough.on(token, Ops.inMemory()).mediatedTypes("pve1", "0000:00:02.0");
        assertThat(types).extracting(MediatedType::type).containsExactly("i915-GVTg_V5_4", "i915-GVTg_V5_8");
        assertThat(types.get(1).available()).isEqualTo(2);
    }
}
