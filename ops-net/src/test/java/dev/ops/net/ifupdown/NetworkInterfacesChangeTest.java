package dev.ops.net.ifupdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.LocalHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Writes a real file through the local host; the reload command is a script that records its runs. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NetworkInterfacesChangeTest {
    @TempDir
    Path dir;
    Path file;
    Path reloads;
    NetworkInterfaces ifaces;

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("interfaces");
        reloads = dir.resolve("reloads");
        Files.writeString(file, InterfacesFileTest.PROXMOX);
        ifaces = NetworkInterfaces.on(Ops.inMemory(), LocalHost.create()).path(file.toString()).withoutSudo()
                .reloadWith("sh", "-c", "echo reload >> " + reloads + "; ! grep -q 'mtu 1234' " + file);
    }

    @Test
    void planShowsAUnifiedDiffAndChangesNothing() throws IOException {
        Plan plan = ifaces.edit(f -> f.edit("eno2", i -> i.withMtu(1500))).plan();

        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(1).action().render()).contains("-\tmtu 9000\n+\tmtu 1500");
        assertThat(Files.readString(file)).isEqualTo(InterfacesFileTest.PROXMOX);
        assertThat(reloads).doesNotExist();
    }

    @Test
    void applyWritesKeepsABackupAndReloads() throws IOException {
        ifaces.edit(f -> f.edit("eno2", i -> i.withMtu(1500))).apply();

        assertThat(Files.readString(file)).isEqualTo(InterfacesFileTest.PROXMOX.replace("mtu 9000", "mtu 1500"));
        assertThat(Files.readString(Path.of(ifaces.backupPath()))).isEqualTo(InterfacesFileTest.PROXMOX);
        assertThat(Files.readAllLines(reloads)).containsExactly("reload");
    }

    @Test
    void rollbackRestoresThePreviousFileRemovesTheBackupAndReloadsAgain() throws IOException {
        Applied<InterfacesFile> done = ifaces.edit(f -> f.withoutIface("bond0")).apply();

        done.rollback();

        assertThat(Files.readString(file)).isEqualTo(InterfacesFileTest.PROXMOX);
        assertThat(Path.of(ifaces.backupPath())).doesNotExist();
        assertThat(Files.readAllLines(reloads)).containsExactly("reload", "reload");
    }

    @Test
    void anIdenticalFilePlansNothing() {
        assertThat(ifaces.write(InterfacesFile.parse(InterfacesFileTest.PROXMOX)).plan().steps()).isEmpty();
    }

    @Test
    void aFailedReloadPutsThePreviousFileBack() throws IOException {
        assertThatThrownBy(() -> ifaces.edit(f -> f.edit("eno2", i -> i.withMtu(1234))).apply())
                .isInstanceOf(CommandFailedException.class);

        assertThat(Files.readString(file)).isEqualTo(InterfacesFileTest.PROXMOX);
    }

    @Test
    void anInvalidModelIsRefusedBeforeAnythingIsWritten() throws IOException {
        assertThatThrownBy(() -> ifaces.edit(f -> f.edit("vmbr0", i -> i.withGateway("gw.example"))).apply())
                .isInstanceOf(ValidationException.class).hasMessageContaining("iface vmbr0: gateway");

        assertThat(Files.readString(file)).isEqualTo(InterfacesFileTest.PROXMOX);
    }

    @Test
    void aMissingFileIsCreatedAndRollbackRemovesIt() throws IOException {
        Files.delete(file);
        Applied<InterfacesFile> done = ifaces.write(InterfacesFile.empty().withIface(Iface.of("lo", "inet", "loopback"), true)).apply();
        assertThat(Files.readString(file)).isEqualTo("auto lo\niface lo inet loopback\n");

        done.rollback();
        assertThat(file).doesNotExist();
    }
}
