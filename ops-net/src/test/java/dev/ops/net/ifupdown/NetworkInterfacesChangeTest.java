package dev.ops.net.ifupdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.host.LocalHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
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
        ifaces = NetworkInterfaces.on(LocalHost.create(), Ops.inMemory()).path(file.toString()).withoutSudo()
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
        assertThat(ifaces.set(InterfacesFile.parse(InterfacesFileTest.PROXMOX)).plan().steps()).isEmpty();
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
        Applied<InterfacesFile> done = ifaces.set(InterfacesFile.empty().withIface(Iface.of("lo", "inet", "loopback"), true)).apply();
        assertThat(Files.readString(file)).isEqualTo("auto lo\niface lo inet loopback\n");

        done.rollback();
        assertThat(file).doesNotExist();
    }

    /** The Proxmox file with a Latin-1 comment (0xE9 is 'é' there, and not UTF-8). */
    private static byte[] latin1File() {
        byte[] text = InterfacesFileTest.PROXMOX.getBytes(StandardCharsets.US_ASCII);
        byte[] comment = "# caf\u00e9 network\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = Arrays.copyOf(comment, comment.length + text.length);
        System.arraycopy(text, 0, out, comment.length, text.length);
        return out;
    }

    @Test
    void anEditKeepsBytesThatAreNotUtf8AndRollbackRestoresThemExactly() throws IOException {
        byte[] original = latin1File();
        Files.write(file, original);

        Plan plan = ifaces.edit(f -> f.edit("eno2", i -> i.withMtu(1500))).plan();
        Applied<InterfacesFile> done = ifaces.edit(f -> f.edit("eno2", i -> i.withMtu(1500))).apply();

        byte[] expected = new String(original, StandardCharsets.ISO_8859_1).replace("mtu 9000", "mtu 1500").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
        assertThat(Files.readAllBytes(Path.of(ifaces.backupPath()))).isEqualTo(original);
        assertThat(plan.steps().get(1).action().render()).doesNotContain("\uFFFD").contains("-\tmtu 9000");

        done.rollback();

        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void aDiffShowsBytesThatAreNotUtf8AsHexEscapes() throws IOException {
        Files.write(file, latin1File());

        Plan plan = ifaces.set(InterfacesFile.empty()).plan();

        assertThat(plan.steps().get(1).action().render()).contains("-# caf\\xE9 network");
    }

    @Test
    void anEditKeepsTheFilesModeOwnerAndGroupAndSoDoesRollback() throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setAttribute(file, "unix:uid", 4242);
        Files.setAttribute(file, "unix:gid", 4343);

        Applied<InterfacesFile> done = ifaces.edit(f -> f.edit("eno2", i -> i.withMtu(1500))).apply();

        assertThat(attributes(file)).isEqualTo("rw-r----- 4242:4343");
        assertThat(attributes(Path.of(ifaces.backupPath()))).as("the backup is as private as the file").isEqualTo("rw-r----- 4242:4343");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        done.rollback();

        assertThat(Files.readString(file)).isEqualTo(InterfacesFileTest.PROXMOX);
        assertThat(attributes(file)).isEqualTo("rw-r----- 4242:4343");
    }

    private static String attributes(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " " + Files.getAttribute(p, "unix:uid") + ":"
                + Files.getAttribute(p, "unix:gid");
    }

    @Test
    void anEditOfACrlfFileEndsAddedAndChangedLinesWithCrlfToo() throws IOException {
        String crlf = InterfacesFileTest.PROXMOX.replace("\n", "\r\n");
        Files.writeString(file, crlf);

        ifaces.edit(f -> f.edit("eno2", i -> i.withMtu(1500)).withIface(Iface.of("vmbr9", "inet", "manual").withBridgePorts("none"), true))
                .apply();

        String after = Files.readString(file);
        assertThat(after.replace("\r\n", "")).as("no bare LF and no bare CR").doesNotContain("\n").doesNotContain("\r");
        assertThat(after).startsWith(crlf.substring(0, crlf.indexOf("\tmtu 9000"))).contains("\tmtu 1500\r\n")
                .endsWith("auto vmbr9\r\niface vmbr9 inet manual\r\n\tbridge-ports none\r\n");
    }

    @Test
    void aLfFileStaysLf() throws IOException {
        ifaces.edit(f -> f.withIface(Iface.of("vmbr9", "inet", "manual"), true)).apply();

        assertThat(Files.readString(file)).doesNotContain("\r");
    }

    @Test
    void aNulInThePathIsReportedAgainstThePath() {
        NetworkInterfaces bad = NetworkInterfaces.on(LocalHost.create(), Ops.inMemory()).path(file + "\0x").withoutSudo().reloadWith();

        assertThatThrownBy(() -> bad.edit(f -> f).plan()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("path"));
        assertThatThrownBy(bad::get).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("path"));
        assertThatThrownBy(() -> bad.reloadWith("ifreload\0", "-a").edit(f -> f).plan()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("path", "reload"));
    }
}
