package dev.ops.srv.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.srv.unit.internal.Systemd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units checked by the real {@code systemd-analyze verify} and installed and enabled with the real
 * {@code systemctl --root} in a temporary root: no systemd as PID 1, nothing of this machine touched.
 */
@Timeout(60)
class UnitFilesRealTest {
    private final Ops ops = Ops.inMemory();
    private final LocalHost local = LocalHost.create();
    @TempDir
    Path root;

    @BeforeEach
    void tools() {
        RealComponents.program("systemd-analyze");
        RealComponents.program("systemctl");
    }

    private static ServiceUnit sleeper() {
        return ServiceUnit.builder().description("sleeps").addExecStart("/bin/sleep", "1000").restart(RestartPolicy.ON_FAILURE)
                .restartSec(java.time.Duration.ofSeconds(1)).noNewPrivileges(true).protectSystem(ProtectSystem.STRICT)
                .addWantedBy("multi-user.target").build();
    }

    @Test
    void aRenderedUnitPassesSystemdAnalyzeVerify() {
        assertThat(Systemd.verify(local, "sleeper.service", sleeper().render().getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aUnitWithEveryTypedOptionPassesSystemdAnalyzeVerify() {
        ServiceUnit all = sleeper().toBuilder().addAfter("network-online.target").addWants("network-online.target")
                .startLimitBurst(3).startLimitInterval(java.time.Duration.ofSeconds(30)).type(ServiceType.EXEC)
                .addExecStartPre(java.util.List.of("/bin/true", "pre check")).addExecReload("/bin/kill", "-HUP", "$MAINPID")
                .user("nobody").group("nogroup").workingDirectory("/").putEnvironment("GREETING", "hello world")
                .timeoutStartSec(java.time.Duration.ofSeconds(30)).timeoutStopSec(java.time.Duration.ofMillis(1500))
                .watchdogSec(java.time.Duration.ofSeconds(30)).programNotifies(true)
                .limitNofile(4096L).memoryMax(268435456L).cpuQuotaPercent(50).tasksMax(32L)
                .privateTmp(true).privateDevices(true).protectKernel(true).protectHome(ProtectHome.READ_ONLY)
                .addRestrictAddressFamilies("AF_INET", "AF_INET6", "AF_UNIX").addCapabilityBoundingSet("CAP_NET_BIND_SERVICE")
                .addAmbientCapabilities("CAP_NET_BIND_SERVICE").addStateDirectories("sleeper").addReadWritePaths("/var/log")
                .build();

        assertThat(Systemd.verify(local, "sleeper.service", all.render().getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void unknownKeysAndBadValuesAreProblemsThoughVerifyExitsZero() {
        String text = sleeper().render().replace("[Service]\n", "[Service]\nBogus=1\nRestart=sometimes\n");

        assertThat(Systemd.verify(local, "sleeper.service", text.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(l -> assertThat(l).contains("Bogus").contains("ignoring"))
                .anySatisfy(l -> assertThat(l).contains("sometimes").contains("ignoring"))
                .allSatisfy(l -> assertThat(l).doesNotContain("/tmp/"));
    }

    @Test
    void presentWritesTheUnitUnderTheRootAndRollbackRemovesIt() throws Exception {
        Path file = root.resolve("etc/systemd/system/sleeper.service");

        Applied<String> done = Service.on(local, ops).root(root.toString()).unit("sleeper.service").definition(sleeper()).present().apply();

        assertThat(done.value()).isEqualTo(file.toString());
        assertThat(Files.readString(file)).isEqualTo(sleeper().render());
        done.rollback();
        assertThat(file).doesNotExist();
    }

    @Test
    void presentAgainWithTheSameUnitPlansNothing() {
        Service.UnitHandle unit = Service.on(local, ops).root(root.toString()).unit("sleeper.service").definition(sleeper());
        unit.present().apply();

        assertThat(unit.present().plan().isEmpty()).isTrue();
    }

    @Test
    void rewritingAUnitRollsBackToTheExactEarlierBytes() throws Exception {
        Path file = root.resolve("etc/systemd/system/sleeper.service");
        Files.createDirectories(file.getParent());
        byte[] handWritten = "[Unit]\r\nDescription=by hand\r\n\r\n[Service]\r\nExecStart=/bin/true\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, handWritten);

        Applied<String> done = Service.on(local, ops).root(root.toString()).unit("sleeper.service").definition(sleeper()).present().apply();
        done.rollback();

        assertThat(Files.readAllBytes(file)).isEqualTo(handWritten);
    }

    @Test
    void aUnitThatVerifyRejectsIsNotWritten() {
        ServiceUnit broken = sleeper().toBuilder().execStart(java.util.List.of("/nonexistent/program")).build();

        assertThatThrownBy(() -> Service.on(local, ops).root(root.toString()).unit("broken.service").definition(broken).present().apply())
                .isInstanceOfSatisfying(UnitVerificationException.class, e -> {
                    assertThat(e.unit()).isEqualTo("broken.service");
                    assertThat(e.violationsOf("unit")).anySatisfy(v -> assertThat(v.message()).contains("/nonexistent/program"));
                });
        assertThat(root.resolve("etc/systemd/system/broken.service")).doesNotExist();
    }

    @Test
    void aLintErrorRefusesTheInstallNamingTheField() {
        ServiceUnit flapping = sleeper().toBuilder().restart(RestartPolicy.ALWAYS).restartSec(java.time.Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> Service.on(local, ops).root(root.toString()).unit("sleeper.service").definition(flapping).present().plan())
                .isInstanceOfSatisfying(dev.ops.core.error.ValidationException.class,
                        e -> assertThat(e.violationsOf("startLimitInterval")).isNotEmpty());
    }

    @Test
    void enableLinksTheUnitIntoItsTargetAndRollbackDisablesIt() {
        Service.UnitHandle unit = Service.on(local, ops).root(root.toString()).unit("sleeper.service").definition(sleeper());
        unit.present().apply();
        Path wants = root.resolve("etc/systemd/system/multi-user.target.wants/sleeper.service");

        Applied<String> enabled = unit.enable().apply();

        assertThat(enabled.value()).isEqualTo("enabled");
        assertThat(wants).isSymbolicLink();
        assertThat(unit.enable().plan().isEmpty()).isTrue();
        enabled.rollback();
        assertThat(wants).doesNotExist();
        assertThat(Systemd.fileState(local, root.toString(), "sleeper.service")).isEqualTo("disabled");
    }

    @Test
    void aDropInGoesIntoTheUnitsDirectory() throws Exception {
        Applied<String> done = Service.on(local, ops).root(root.toString()).unit("sleeper.service")
                .dropIn(d -> d.name("50-limits.conf").service("MemoryMax", "512M")).apply();

        assertThat(Files.readString(root.resolve("etc/systemd/system/sleeper.service.d/50-limits.conf"))).contains("MemoryMax=512M\n");
        done.rollback();
        assertThat(root.resolve("etc/systemd/system/sleeper.service.d/50-limits.conf")).doesNotExist();
    }

    @Test
    void liveVerbsAreRefusedOnAnotherRoot() {
        assertThatThrownBy(() -> Service.on(local, ops).root(root.toString()).unit("sleeper.service").start().plan())
                .isInstanceOfSatisfying(dev.ops.core.error.ValidationException.class, e -> assertThat(e.violationsOf("root")).isNotEmpty());
    }
}
